/**
 * A body's page: its reports side by side by year (missing years as empty
 * columns, several documents of one year each in its own column), the
 * figures the cross-year checks use with the failed ones highlighted, the
 * checks themselves, and a small SVG chart of applications received and
 * disclosed per year (drawn here, no library).
 */
import type { Report } from '../report/types.js';
import type { Body } from '../series/build.js';
import { APPLICANT_COLUMNS, numberAt, seriesRulePaths } from '../series/checks.js';
import { esc, pageShell } from './html.js';

const COLUMN_LABELS: Record<string, string> = { naturalPerson: '自然人', commercial: '商业企业', research: '科研机构', publicInterest: '社会公益组织', legalService: '法律服务机构', otherOrg: '其他', total: '总计' };

const FIGURES: [string, string][] = [
  ['applications.newReceived.total', '一、本年新收 · 总计'],
  ...APPLICANT_COLUMNS.map((c): [string, string] => [`applications.carriedOver.${c}`, `二、上年结转 · ${COLUMN_LABELS[c]}`]),
  ['applications.granted.total', '（一）予以公开 · 总计'],
  ['applications.partiallyGranted.total', '（二）部分公开 · 总计'],
  ['applications.totalProcessed.total', '（七）总计 · 总计'],
  ...APPLICANT_COLUMNS.map((c): [string, string] => [`applications.carriedForward.${c}`, `四、结转下年度 · ${COLUMN_LABELS[c]}`]),
  ...(['regulations', 'normativeDocuments'] as const).flatMap((r) => {
    const name = r === 'regulations' ? '规章' : '规范性文件';
    return [
      [`activeDisclosure.${r}.issued`, `${name} · 本年制发`],
      [`activeDisclosure.${r}.repealed`, `${name} · 本年废止`],
      [`activeDisclosure.${r}.inForce`, `${name} · 现行有效`],
    ] as [string, string][];
  }),
];

export interface BodyColumn {
  year: number;
  /** null for a missing year. */
  report: Report | null;
  /** The document's page in the site. */
  docId: string | null;
  file: string | null;
}

/** SVG bars: applications received (一、本年新收 总计) and disclosed (予以公开 + 部分公开) per year. */
export function seriesChart(points: { year: number; received: number | null; disclosed: number | null }[]): string {
  const w = Math.max(420, 80 * points.length + 60);
  const h = 190;
  const max = Math.max(1, ...points.flatMap((p) => [p.received ?? 0, p.disclosed ?? 0]));
  const y = (v: number) => 150 - (v / max) * 120;
  const bars = points
    .map((p, i) => {
      const x = 50 + i * 80;
      const bar = (v: number | null, dx: number, cls: string) =>
        v === null ? '' : `<rect class="${cls}" x="${x + dx}" y="${y(v).toFixed(1)}" width="24" height="${(150 - y(v)).toFixed(1)}"><title>${v}</title></rect><text x="${x + dx + 12}" y="${(y(v) - 4).toFixed(1)}" text-anchor="middle">${v}</text>`;
      return `${bar(p.received, 8, 'received')}${bar(p.disclosed, 36, 'disclosed')}<text x="${x + 34}" y="168" text-anchor="middle">${p.year}</text>`;
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="applications per year" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" xmlns="http://www.w3.org/2000/svg">
<line x1="40" y1="150" x2="${w - 10}" y2="150" stroke="#888"/>${bars}
<rect class="received" x="50" y="176" width="10" height="10"/><text x="64" y="185">新收申请 received</text>
<rect class="disclosed" x="200" y="176" width="10" height="10"/><text x="214" y="185">予以公开+部分公开 disclosed</text></svg>`;
}

export function bodyPage(id: string, body: Body, columns: BodyColumn[]): string {
  const failed = body.checks.filter((c) => !c.passed);
  const marks = new Map<string, string[]>(); // `${file}|${path}` → rules
  for (const c of failed) {
    const paths = seriesRulePaths(c.rule);
    for (const p of paths.from) marks.set(`${c.documents[0]}|${p}`, [...(marks.get(`${c.documents[0]}|${p}`) ?? []), `${c.rule} ${c.from}→${c.to}`]);
    for (const p of paths.to) marks.set(`${c.documents[1]}|${p}`, [...(marks.get(`${c.documents[1]}|${p}`) ?? []), `${c.rule} ${c.from}→${c.to}`]);
  }
  const head = columns
    .map((c) => `<th class="${c.report ? '' : 'missing-year'}">${c.year}${c.report ? `<br><a href="${esc(c.docId)}.html">${esc(c.file)}</a>` : '<br>缺少 missing'}</th>`)
    .join('');
  const rows = FIGURES.map(([path, label]) => {
    const tds = columns
      .map((c) => {
        if (!c.report) return '<td class="missing-year"></td>';
        const v = numberAt(c.report, path);
        const rules = marks.get(`${c.file}|${path}`);
        return `<td class="v${rules ? ' flag-failed' : ''}"${rules ? ` title="${esc(rules.join('; '))}"` : ''}>${v === null ? '—' : v}</td>`;
      })
      .join('');
    return `<tr><th>${esc(label)}</th>${tds}</tr>`;
  }).join('\n');
  const checkRows = [...failed, ...body.checks.filter((c) => c.passed)]
    .map((c) => `<tr class="${c.passed ? 'passed' : 'failed'}"><td><code>${esc(c.rule)}</code></td><td>${c.from}→${c.to}</td><td>${c.expected}</td><td>${c.actual}</td><td>${c.passed ? '✓' : '✗'}</td><td class="small">${esc(c.documents.join(' → '))}</td></tr>`)
    .join('\n');
  const chart = seriesChart(
    columns
      .filter((c, i) => c.report && columns.findIndex((x) => x.year === c.year && x.report) === i)
      .map((c) => {
        const g = numberAt(c.report!, 'applications.granted.total');
        const pg = numberAt(c.report!, 'applications.partiallyGranted.total');
        return { year: c.year, received: numberAt(c.report!, 'applications.newReceived.total'), disclosed: g === null || pg === null ? null : g + pg };
      }),
  );
  const html = `<header><a href="index.html" class="back">← 全部文件 all documents</a><h1>${esc(body.agency)} <small>历年报告 across years</small></h1>
<p>${body.names.length > 1 ? `名称 names: ${body.names.map(esc).join('、')}。` : ''}年度 years: ${body.years.map((y) => (y.duplicate ? `<b class="dup">${y.year} ×${y.documents.length}</b>` : String(y.year))).join('、')}${body.missingYears.length ? `；<b class="missing">缺少 missing ${body.missingYears.join('、')}</b>` : ''}</p></header>
<main class="body-page">
<section><h2>申请数量 Applications per year</h2>${chart}</section>
<section><h2>跨年核对 Cross-year checks</h2>${body.checks.length ? `<table class="list checks"><thead><tr><th>rule</th><th>years</th><th>expected</th><th>actual</th><th></th><th>documents</th></tr></thead><tbody>${checkRows}</tbody></table>` : '<p>没有相邻年度 — no adjacent years to compare.</p>'}
<p class="small"><code>series.carryOver.&lt;列&gt;</code>: 本年“二、上年结转” = 上年“四、结转下年度继续办理”. <code>series.inForce.*</code>: 现行有效件数 = 上年现行有效 + 本年制发 − 本年废止（文件到期失效也会使其不等，仅供参考）.</p></section>
<section><h2>逐年对照 Years side by side</h2><table class="form side-by-side"><thead><tr><th></th>${head}</tr></thead><tbody>
${rows}
</tbody></table></section>
</main>`;
  return pageShell('body', body.agency, html, { body: { id } });
}
