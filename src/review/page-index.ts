/**
 * The site's index: every document with agency, year, edition, status,
 * failed checks, warnings, low-confidence OCR cells and corrections, the
 * problems first (filtered and sorted in the browser); then the bodies with
 * their years (series pages).
 */
import type { Body } from '../series/build.js';
import type { DocumentSummary } from './document-data.js';
import { esc, pageShell, STATUS_LABEL } from './html.js';

/** Problems first: failed status, failed checks, partial, nulls, low confidence, warnings. */
export function problemScore(d: DocumentSummary): number {
  return (d.status === 'failed' ? 1e6 : 0) + d.failed.length * 1e4 + (d.status === 'partial' ? 1e3 : 0) + d.nulls * 10 + d.lowConfidence * 10 + d.warnings;
}

export function indexPage(docs: DocumentSummary[], bodies: { id: string; body: Body }[]): string {
  const rows = [...docs]
    .sort((a, b) => problemScore(b) - problemScore(a) || (a.agency ?? '').localeCompare(b.agency ?? '', 'zh') || (a.year ?? 0) - (b.year ?? 0) || a.file.localeCompare(b.file))
    .map(
      (d) => `<tr class="doc status-${d.status}${d.failed.length ? ' has-failed' : ''}" data-id="${esc(d.id)}" data-status="${d.status}" data-score="${problemScore(d)}" data-problem="${problemScore(d) > 0 ? 1 : 0}">
<td data-sort="${esc(d.agency ?? '')}"><a href="${esc(d.id)}.html">${esc(d.agency ?? '（未识别）')}</a><div class="file">${esc(d.file)}</div></td>
<td data-sort="${d.year ?? 0}">${esc(d.year ?? '—')}</td>
<td data-sort="${esc(d.edition)}">${esc(d.edition)}</td>
<td data-sort="${esc(d.status)}"><span class="badge ${d.status}">${esc(STATUS_LABEL[d.status] ?? d.status)}</span></td>
<td data-sort="${d.failed.length}" class="failed-checks">${d.failed.length ? `<b>${d.failed.length}</b> ${d.failed.map((r) => `<code>${esc(r)}</code>`).join(' ')}` : '0'}</td>
<td data-sort="${d.warnings}">${d.warnings}</td>
<td data-sort="${d.nulls}">${d.nulls}</td>
<td data-sort="${d.lowConfidence}">${d.lowConfidence}</td>
<td data-sort="${d.corrections}" class="corr-count" data-sha="">${d.corrections}</td>
</tr>`,
    )
    .join('\n');
  const failedOf = (b: Body) => b.checks.filter((c) => !c.passed).length;
  const bodyRows = [...bodies]
    .sort((a, b) => failedOf(b.body) - failedOf(a.body) || b.body.years.length - a.body.years.length || a.body.agency.localeCompare(b.body.agency, 'zh'))
    .map(({ id, body }) => {
      const failed = body.checks.filter((c) => !c.passed).length;
      return `<tr${failed ? ' class="has-failed"' : ''}><td><a href="${esc(id)}.html">${esc(body.agency)}</a></td><td>${body.years.map((y) => `${y.year}${y.duplicate ? `×${y.documents.length}` : ''}`).join(', ')}</td><td>${body.missingYears.join(', ') || '—'}</td><td>${failed ? `<b>${failed}</b>` : 0} / ${body.checks.length}</td></tr>`;
    })
    .join('\n');
  const html = `<header><h1>政府信息公开工作年度报告 · 核对 <small>gongkai review</small></h1></header>
<main class="index">
<section>
<h2>文件 Documents <small>(${docs.length})</small></h2>
<div class="filters">
<input id="filter" type="search" placeholder="筛选 filter: 机关、文件名、规则…" aria-label="filter">
<select id="status-filter" aria-label="status"><option value="">全部状态 all</option><option value="complete">complete</option><option value="partial">partial</option><option value="failed">failed</option></select>
<label><input id="problems-only" type="checkbox"> 只看有问题的 problems only</label>
<span id="local-corrections"></span>
</div>
<table id="documents" class="list">
<thead><tr><th data-col="0">机关 agency</th><th data-col="1" data-num="1">年度 year</th><th data-col="2">版本 edition</th><th data-col="3">状态 status</th><th data-col="4" data-num="1">未通过的勾稽关系 failed checks</th><th data-col="5" data-num="1">警告 warnings</th><th data-col="6" data-num="1">空值 nulls</th><th data-col="7" data-num="1">低置信度 OCR</th><th data-col="8" data-num="1">更正 corrections</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>
<section>
<h2>机关历年 Bodies across years <small>(${bodies.length})</small></h2>
<table class="list" id="bodies"><thead><tr><th>机关 body</th><th>年度 years</th><th>缺少年度 missing</th><th>跨年核对未通过 failed cross-year checks</th></tr></thead>
<tbody>
${bodyRows}
</tbody></table>
</section>
</main>`;
  return pageShell('index', 'gongkai review', html, { documents: docs });
}
