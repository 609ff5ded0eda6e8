/**
 * Legacy reports end to end on small documents: the outline (subsections,
 * merged and reordered headings, extra sections), the statistics templates
 * (gov2014 with local rows, shanghai2008 by code, other), year and edition,
 * checks, traditional script.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleReport } from '../../src/report/assemble.js';
import { buildReportSchema } from '../../src/schema/report.js';
import { loadTemplates } from '../../src/template/load.js';
import { modelOf, row } from '../helpers/model.js';

const templates = loadTemplates();
const body = (html: string) => assembleReport(modelOf(html), templates).body;
const p = (t: string) => `<p>${t}</p>`;

interface TemplateRow {
  key?: string;
  label?: string;
  rows?: TemplateRow[];
}
const gov2014 = JSON.parse(readFileSync(join(import.meta.dirname, '../../extractors/legacy/statistics/gov2014.json'), 'utf8')) as {
  rows: TemplateRow[];
  units: Record<string, string>;
};

/** The national form as printed: group rows without unit or number, data rows with `value(path)` (blank when undefined). */
function gov2014Table(value: (path: string) => string | number | undefined, extra: Record<string, string> = {}): string {
  const out: string[] = [row('统计指标', '单位', '统计数')];
  const walk = (rows: TemplateRow[]) => {
    for (const r of rows) {
      if (r.rows) {
        if (/^[一二三四五六七八九]、|^（/.test(r.label!)) out.push(row(r.label!, '—', ''));
        walk(r.rows);
        continue;
      }
      const unit = gov2014.units[r.key!] ?? gov2014.units[`${r.key!.split('.')[0]}.*`]!;
      out.push(row(r.label!, unit, value(r.key!) ?? ''));
      if (extra[r.key!]) out.push(row(extra[r.key!]!, '条', 7));
    }
  };
  walk(gov2014.rows);
  return `<table>${out.join('')}</table>`;
}

describe('the legacy outline', () => {
  const html = [
    p('白沙镇2016年政府信息公开工作年度报告'),
    p('本年报中所列数据的统计期限自2016年1月1日起至2016年12月31日止。'),
    p('一、主动公开政府信息情况'),
    p('（一）主动公开情况'),
    p('2016年，我镇共主动公开政府信息58条。'),
    p('二、依申请公开政府信息及申请行政复议、诉讼和申诉情况'),
    p('2016年，我镇未收到政府信息公开申请，未发生行政复议、行政诉讼和申诉。'),
    p('三、政府信息公开的收费及减免情况'),
    p('我镇未收取任何费用。'),
    p('四、存在的主要问题和改进措施'),
    p('公开内容还不够丰富。'),
    p('五、附表'),
    p('白沙镇2016年政府信息公开情况统计表'),
    gov2014Table((k) => ({ 'activeDisclosure.total': 58, 'activeDisclosure.channels.website': 58, 'complaints.total': 1 })[k], { 'activeDisclosure.normativeDocumentsIssued': '主动公开行政执法信息' }),
    p('白沙镇人民政府'),
    p('2017年1月10日'),
  ].join('');
  const r = body(html);

  it('maps the headings onto the six keys and the extra sections, subsections staying text', () => {
    expect(r.meta).toEqual({ title: '白沙镇2016年政府信息公开工作年度报告', agency: '白沙镇人民政府', year: 2016, publishedAt: '2017-01-10', edition: 'legacy' });
    expect(r.overview).toBeNull();
    expect(r.activeDisclosure).toEqual({ heading: '一、主动公开政府信息情况', text: '（一）主动公开情况\n2016年，我镇共主动公开政府信息58条。' });
    expect(r.applications).toMatchObject({ heading: '二、依申请公开政府信息及申请行政复议、诉讼和申诉情况' });
    expect(r.reviewLitigation).toBeNull();
    expect(r.warnings.some((w) => w.startsWith('reviewLitigation: merged'))).toBe(true);
    expect(r.legacy!.sections).toEqual([
      { key: 'fees', heading: '三、政府信息公开的收费及减免情况', text: '我镇未收取任何费用。' },
      { key: 'other', heading: '五、附表', text: '' },
    ]);
  });

  it('reads the gov2014 table by label and group, keeping local rows with path null', () => {
    const s = r.legacy!.statistics!;
    expect(s.template).toBe('gov2014');
    expect(s.heading).toBe('白沙镇2016年政府信息公开情况统计表');
    expect(s.rows).toHaveLength(62);
    expect(s.rows.find((x) => x.path === null)).toEqual({ path: null, label: '主动公开行政执法信息', code: null, unit: '条', value: 7, raw: '7' });
    expect(s.rows.find((x) => x.path === 'review.other')).toMatchObject({ label: '（三）其他情形数', value: 0, raw: '' });
    const v = s.values as { activeDisclosure: { total: number }; complaints: { total: number; other: number } };
    expect([v.activeDisclosure.total, v.complaints.total, v.complaints.other]).toEqual([58, 1, 0]);
  });

  it('checks the table and the text figures against it, numbers unchanged', () => {
    const rule = (name: string) => r.checks.find((c) => c.rule === name);
    expect(rule('legacy.complaints.total')).toEqual({ rule: 'legacy.complaints.total', passed: false, expected: 0, actual: 1 });
    expect(rule('legacy.figures.activeDisclosure.total')).toMatchObject({ passed: true, expected: 58, actual: 58 });
    expect(rule('legacy.figures.requests.received')).toMatchObject({ passed: true, expected: 0, actual: 0 });
    expect(r.legacy!.figures.map((f) => f.key)).toEqual(['activeDisclosure.total', 'requests.received', 'review.total', 'litigation.total', 'petitions.total', 'fees.amount']);
  });

  it('fits the output schema', () => {
    const report = { schemaVersion: '1', source: { file: 'x.html', path: 'x.html', format: 'html', sha256: '0'.repeat(64), pages: null }, ...r };
    expect(buildReportSchema(templates).safeParse(report).success).toBe(true);
  });
});

describe('statistics lineages', () => {
  const sh = JSON.parse(readFileSync(join(import.meta.dirname, '../../extractors/legacy/statistics/shanghai2008.json'), 'utf8')) as {
    rows: { key: string; label: string }[];
    units: Record<string, string>;
  };
  const frame = (table: string, year = '2011') =>
    [p(`青石区${year}年政府信息公开工作年度报告`), p('一、概述'), p('全年工作平稳。'), p('二、主动公开政府信息情况'), p('全年主动公开政府信息120条。'), p('三、依申请公开政府信息情况'), p('全年收到申请10件。'), p('青石区人民政府'), p(`${Number(year) + 1}年2月1日`), p('附表'), table].join('');

  it('reads shanghai2008 by its codes, from the 本年累计 column', () => {
    const rows = sh.rows.map((x, i) => row(x.label, sh.units[x.key]!, x.key, i % 3, x.key === '10' ? 10 : x.key === '11' ? 10 : 0)).join('');
    const r = body(frame(`<table>${row('指标名称', '计量单位', '代码', '本期实际', '本年累计')}${rows}${row('与诉讼有关的总费用', '万元', '', 0, 0)}</table>`));
    const s = r.legacy!.statistics!;
    expect(s.template).toBe('shanghai2008');
    expect(s.rows).toHaveLength(56);
    expect(s.rows[9]).toEqual({ path: '10', label: '申请总数', code: '10', unit: '条', value: 10, raw: '10' });
    expect(s.rows[55]).toMatchObject({ path: null, label: '与诉讼有关的总费用', unit: '万元' });
    expect(s.values).toMatchObject({ '10': 10, '11': 10, '12': 0 });
    expect(r.checks.find((c) => c.rule === 'legacy.sh2008.requests')).toMatchObject({ passed: true, expected: 10 });
  });

  it('keeps a disclosure table of no known lineage as "other"', () => {
    const t = `<table>${row('指标名称', '计量单位', '2011年度')}${row('主动公开信息数', '条', 120)}${row('受理依申请公开信息总数', '条', 10)}${row('行政复议数', '件', 0)}${row('行政诉讼数', '件', 0)}</table>`;
    const s = body(frame(t)).legacy!.statistics!;
    expect(s.template).toBe('other');
    expect(s.values).toEqual({});
    expect(s.rows.map((x) => [x.label, x.unit, x.value])).toEqual([
      ['主动公开信息数', '条', 120],
      ['受理依申请公开信息总数', '条', 10],
      ['行政复议数', '件', 0],
      ['行政诉讼数', '件', 0],
    ]);
  });
});

describe('year and edition', () => {
  it('takes the year from the statistics-period sentence, never from the page date', () => {
    const html = [
      p('发布时间：2017-06-21'),
      p('东岭乡政府信息公开工作年度报告'),
      p('本报告所列数据的统计期限自2012年1月1日起至2012年12月31日止。'),
      p('一、概述'),
      p('全年工作平稳。'),
      p('二、主动公开政府信息情况'),
      p('全年主动公开政府信息30条。'),
      p('三、因政府信息公开申请行政复议、提起行政诉讼的情况'),
      p('未发生行政复议、行政诉讼。'),
      p('东岭乡人民政府'),
      p('2013年3月1日'),
    ].join('');
    expect(body(html).meta).toMatchObject({ year: 2012, edition: 'legacy' });
  });

  it('takes 1、2、3、 as the top-level style when the report has no 一、', () => {
    const html = [
      p('西坪乡2014年政府信息公开工作年度报告'),
      p('1、概述'),
      p('（1）建立工作机制。乡政府明确专人负责。'),
      p('2、主动公开政府信息情况'),
      p('全年主动公开政府信息64条。'),
      p('3、依申请公开政府信息情况'),
      p('全年未收到政府信息公开申请。'),
      p('4、存在的主要问题和改进措施'),
      p('信息更新不够及时。'),
      p('西坪乡人民政府'),
      p('2015年1月20日'),
    ].join('');
    const r = body(html);
    expect([r.meta.edition, r.overview?.heading, r.applications?.heading, r.problems?.text]).toEqual(['legacy', '1、概述', '3、依申请公开政府信息情况', '信息更新不够及时。']);
  });

  it('leaves a numbered notice that is no report alone', () => {
    const html = [p('关于召开2012年度政务公开工作会议的通知'), p('一、会议时间'), p('3月14日上午9时。'), p('二、会议地点'), p('三楼会议室。'), p('三、参会人员'), p('各单位分管负责同志。'), p('四、其他事项'), p('请按时参会。')].join('');
    const r = body(html);
    expect(r.status).toBe('failed');
    expect(r.legacy).toBeUndefined();
  });

  it('leaves a 2019-or-later report to the modern templates', () => {
    const html = [p('东岭乡2020年政府信息公开工作年度报告'), p('一、总体情况'), p('全年工作平稳。'), p('二、主动公开政府信息情况'), p('见下表。'), p('三、收到和处理政府信息公开申请情况'), p('见下表。')].join('');
    const r = body(html);
    expect(r.meta.edition).not.toBe('legacy');
    expect(r.legacy).toBeUndefined();
  });
});

describe('traditional script', () => {
  it('matches folded headings and prints them as printed', () => {
    const html = [
      p('青州市2013年政府信息公開工作年度報告'),
      p('一、概述'),
      p('2013年，全市政府信息公開工作穩步推進。'),
      p('二、主動公開政府信息情況'),
      p('全年主動公開政府信息1200條。'),
      p('三、諮詢處理情況'),
      p('全年受理諮詢800人次。'),
      p('四、複議、訴訟和申訴情況'),
      p('全年發生行政複議兩件。'),
      p('青州市人民政府'),
      p('2014年3月1日'),
    ].join('');
    const r = body(html);
    expect(r.meta).toMatchObject({ title: '青州市2013年政府信息公開工作年度報告', year: 2013, edition: 'legacy' });
    expect(r.activeDisclosure).toEqual({ heading: '二、主動公開政府信息情況', text: '全年主動公開政府信息1200條。' });
    expect(r.reviewLitigation).toMatchObject({ heading: '四、複議、訴訟和申訴情況' });
    expect(r.legacy!.sections).toEqual([{ key: 'consultation', heading: '三、諮詢處理情況', text: '全年受理諮詢800人次。' }]);
    expect(r.legacy!.figures.map((f) => [f.key, f.value, f.unit])).toEqual([
      ['activeDisclosure.total', 1200, '條'],
      ['consultations.total', 800, '人次'],
      ['review.total', 2, '件'],
    ]);
  });
});

describe('a third statistics lineage', () => {
  it('is a data file in extractors/legacy/statistics/, no engine change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-lineage-'));
    try {
      cpSync(join(import.meta.dirname, '../../extractors'), dir, { recursive: true });
      const annex = {
        id: 'annex2009',
        valueColumns: ['value'],
        unitColumn: 'unit',
        minMatchedShare: 0.6,
        columns: [
          { key: 'unit', path: [['计量单位']] },
          { key: 'value', path: [['本年度', '2011年度', '数量']] },
        ],
        headerLabels: ['指标名称'],
        rows: [
          { key: 'disclosed', label: '主动公开信息数' },
          { key: 'requests', label: '受理依申请公开信息总数' },
          { key: 'review', label: '行政复议数' },
          { key: 'litigation', label: '行政诉讼数' },
        ],
        units: { disclosed: '条', requests: '条', review: '件', litigation: '件' },
      };
      writeFileSync(join(dir, 'legacy/statistics/annex2009.json'), JSON.stringify(annex));
      const t = `<table>${row('指标名称', '计量单位', '2011年度')}${row('主动公开信息数', '条', 120)}${row('受理依申请公开信息总数', '条', 10)}${row('行政复议数', '件', 0)}${row('行政诉讼数', '件', 0)}</table>`;
      const html = [p('青石区2011年政府信息公开工作年度报告'), p('一、概述'), p('全年工作平稳。'), p('二、主动公开政府信息情况'), p('全年主动公开政府信息120条。'), p('青石区人民政府'), p('2012年2月1日'), t].join('');
      const s = assembleReport(modelOf(html), loadTemplates(dir)).body.legacy!.statistics!;
      expect(s.template).toBe('annex2009');
      expect(s.values).toEqual({ disclosed: 120, requests: 10, review: 0, litigation: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
