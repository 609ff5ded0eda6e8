// Report definitions for a series: one body's reports over three consecutive
// years (临溪县人民政府办公室, 2021–2023), written to samples/reports/ so that
// samples/make.mjs renders them like every other definition (documents listed
// in manifest.json) and `gongkai series` / the review site have a series to show.
//
// Each report is consistent in itself (every 勾稽关系 rule passes). Across years,
// exactly one thing is planted wrong: the 2023 report prints 二、上年结转 as 2
// (自然人 2, 总计 2) while the 2022 report carried 3 forward (自然人 3, 总计 3). So
// `series.carryOver.naturalPerson` and `series.carryOver.total` fail 2022→2023 and
// every other cross-year check (carry-over 2021→2022, 现行有效件数 both years) passes.
// The 2023 report is signed with the city prefix (云州市临溪县人民政府办公室): the same
// body by the spec's agency folding.
//
//   import { writeSeriesDefinitions } from './gen-series.mjs'; writeSeriesDefinitions(dir)

import fs from 'node:fs';
import path from 'node:path';

const COLS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];
const ROWS = {
  denied: ['stateSecret', 'lawForbidden', 'threeSafetiesOneStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementCaseFile', 'administrativeQuery'],
  unableToProvide: ['notHeld', 'needsCreation', 'unclear'],
  notProcessed: ['complaint', 'repeated', 'publication', 'massive', 'confirmation'],
};

/** The planted cross-year inconsistency, for documentation and tests. */
export const PLANTED = { rules: ['series.carryOver.naturalPerson', 'series.carryOver.total'], from: 2022, to: 2023 };

/** A table 三 row from its non-zero applicant columns; 总计 is their sum. */
function row(cells = {}) {
  const r = Object.fromEntries(COLS.map((c) => [c, cells[c] ?? 0]));
  r.total = COLS.reduce((s, c) => s + r[c], 0);
  return r;
}
const add = (...rows) => row(Object.fromEntries(COLS.map((c) => [c, rows.reduce((s, r) => s + r[c], 0)])));
const sub = (a, b) => row(Object.fromEntries(COLS.map((c) => [c, a[c] - b[c]])));

/** Table 三 from the year's new applications, carry-over and outcomes; totals and carry-forward follow. */
function applications(newReceived, carriedOver, outcomes) {
  const o = (p) => row(outcomes[p]);
  const a = { heading: '三、收到和处理政府信息公开申请情况', newReceived: row(newReceived), carriedOver: row(carriedOver), granted: o('granted'), partiallyGranted: o('partiallyGranted') };
  for (const [g, keys] of Object.entries(ROWS)) a[g] = Object.fromEntries(keys.map((k) => [k, o(`${g}.${k}`)]));
  a.otherHandling = { total: o('otherHandling.total') };
  const rows = [a.granted, a.partiallyGranted, ...Object.keys(ROWS).flatMap((g) => Object.values(a[g])), a.otherHandling.total];
  a.totalProcessed = add(...rows);
  a.carriedForward = sub(add(a.newReceived, a.carriedOver), a.totalProcessed);
  return a;
}

const group = (x = {}) => ({ upheld: x.upheld ?? 0, corrected: x.corrected ?? 0, other: x.other ?? 0, pending: x.pending ?? 0, total: (x.upheld ?? 0) + (x.corrected ?? 0) + (x.other ?? 0) + (x.pending ?? 0) });

const YEARS = [
  {
    year: 2021, agency: '临溪县人民政府办公室', publishedAt: '2022-01-20',
    norm: { issued: 6, repealed: 1, inForce: 42 }, licensing: 12,
    newReceived: { naturalPerson: 18, commercial: 3, legalService: 1 }, carriedOver: { naturalPerson: 1 },
    outcomes: { granted: { naturalPerson: 9, commercial: 1, legalService: 1 }, partiallyGranted: { naturalPerson: 2 }, 'denied.thirdPartyRights': { naturalPerson: 1 }, 'unableToProvide.notHeld': { naturalPerson: 4, commercial: 1 }, 'notProcessed.repeated': { naturalPerson: 1 } },
    review: {}, focus: '县政府常务会议议定事项、财政预决算和重点项目建设',
  },
  {
    year: 2022, agency: '临溪县人民政府办公室', publishedAt: '2023-01-19',
    norm: { issued: 5, repealed: 2 }, licensing: 15,
    newReceived: { naturalPerson: 25, commercial: 4, research: 1 },
    outcomes: { granted: { naturalPerson: 12, commercial: 3, research: 1 }, partiallyGranted: { naturalPerson: 3 }, 'denied.processInfo': { naturalPerson: 1 }, 'denied.thirdPartyRights': { naturalPerson: 1 }, 'unableToProvide.notHeld': { naturalPerson: 5, commercial: 2 }, 'unableToProvide.unclear': { naturalPerson: 1 }, 'notProcessed.complaint': { naturalPerson: 1 } },
    review: { upheld: 1 }, focus: '疫情防控、稳经济惠企政策和民生实事项目',
  },
  {
    year: 2023, agency: '云州市临溪县人民政府办公室', publishedAt: '2024-01-22',
    norm: { issued: 7, repealed: 3 }, licensing: 9,
    newReceived: { naturalPerson: 31, commercial: 2, publicInterest: 1 },
    carriedOver: { naturalPerson: 2 }, // PLANTED: 2022 carried 3 forward
    outcomes: { granted: { naturalPerson: 15, commercial: 1 }, partiallyGranted: { naturalPerson: 4, commercial: 1 }, 'denied.internalAffairs': { naturalPerson: 1 }, 'denied.processInfo': { naturalPerson: 2 }, 'unableToProvide.notHeld': { naturalPerson: 6, publicInterest: 1 }, 'unableToProvide.needsCreation': { naturalPerson: 1 }, 'notProcessed.repeated': { naturalPerson: 2 }, 'otherHandling.total': { naturalPerson: 1 } },
    review: {}, focus: '营商环境、乡村振兴和城乡教育医疗资源配置',
  },
];

/** The three definitions, by id (`linxi-county-office-<year>`). */
export function seriesDefinitions() {
  const out = {};
  let prev = null;
  for (const y of YEARS) {
    const carriedOver = y.carriedOver ?? (prev ? Object.fromEntries(COLS.map((c) => [c, prev.applications.carriedForward[c]])) : {});
    const apps = applications(y.newReceived, carriedOver, y.outcomes);
    const inForce = y.norm.inForce ?? prev.activeDisclosure.normativeDocuments.inForce + y.norm.issued - y.norm.repealed;
    const n = apps.newReceived.total;
    const r = {
      meta: { title: `${y.agency}${y.year}年政府信息公开工作年度报告`, agency: y.agency, year: y.year, publishedAt: y.publishedAt, edition: '2021' },
      preamble: `本报告依据《中华人民共和国政府信息公开条例》和政府信息公开工作年度报告格式要求编制。本报告中所列数据的统计期限自${y.year}年1月1日起至${y.year}年12月31日止。如对本报告有疑问，请与临溪县人民政府办公室政务公开科联系。`,
      overview: {
        heading: '一、总体情况',
        text: [
          `${y.year}年，县政府办公室认真贯彻落实《中华人民共和国政府信息公开条例》，围绕${y.focus}等重点领域做好政府信息公开工作。`,
          `（一）主动公开。全年制发行政规范性文件${y.norm.issued}件，废止${y.norm.repealed}件，现行有效${inForce}件，均在县政府门户网站政策文件栏目集中公开。`,
          `（二）依申请公开。全年新收政府信息公开申请${n}件，上年结转${apps.carriedOver.total}件，办结${apps.totalProcessed.total}件，结转下年度${apps.carriedForward.total}件。`,
        ].join('\n'),
      },
      activeDisclosure: {
        heading: '二、主动公开政府信息情况',
        regulations: { issued: 0, repealed: 0, inForce: 0 },
        normativeDocuments: { issued: y.norm.issued, repealed: y.norm.repealed, inForce },
        licensing: { decisions: y.licensing }, punishment: { decisions: 0 }, coercion: { decisions: 0 }, fees: { amount: 0, amountUnit: '万元' },
      },
      applications: apps,
      reviewLitigation: { heading: '四、政府信息公开行政复议、行政诉讼情况', review: group(y.review), litigationDirect: group(), litigationAfterReview: group() },
      problems: { heading: '五、存在的主要问题及改进情况', text: `政策解读的形式还不够丰富，部分乡镇公开栏目更新不及时。${y.year + 1}年，县政府办公室将加强业务培训，定期检查各单位公开栏目。` },
      otherMatters: { heading: '六、其他需要报告的事项', text: '本年度未收取信息处理费。' },
    };
    out[`linxi-county-office-${y.year}`] = r;
    prev = r;
  }
  return out;
}

/** Writes the definitions into `dir` (unchanged files are not touched). */
export function writeSeriesDefinitions(dir) {
  for (const [id, def] of Object.entries(seriesDefinitions())) {
    const file = path.join(dir, `${id}.json`);
    const text = `${JSON.stringify(def, null, 2)}\n`;
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  }
}
