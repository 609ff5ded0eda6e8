/**
 * A document's page: meta, failed checks (rule, what the form says, the parts
 * summed), warnings, the three tables as printed forms with the cells that
 * need a look marked, the section texts, and a side panel with the selected
 * value's evidence and the correction form (driven by the client script).
 */
import type { DocumentData } from './document-data.js';
import { esc, pageShell, STATUS_LABEL } from './html.js';
import { legacyHtml } from './legacy.js';

const TABLE_TITLES: Record<string, string> = {
  activeDisclosure: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  reviewLitigation: '四、政府信息公开行政复议、行政诉讼情况',
};

const fmt = (v: number | null) => (v === null ? '∅' : String(v));

function valueCell(d: DocumentData, path: string, colspan?: number, rowspan?: number): string {
  const c = d.cells[path];
  if (!c) return '<td class="v"></td>';
  const cls = ['v', ...c.flags.map((f) => `flag-${f}`), c.correction ? (c.correction.value === undefined ? 'confirmed' : 'corrected') : ''].filter(Boolean).join(' ');
  const shown = c.correction && c.correction.value !== undefined ? `<s class="printed">${esc(fmt(c.correction.printed))}</s> ${esc(fmt(c.value))}` : esc(fmt(c.value));
  const span = `${colspan && colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan && rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
  return `<td class="${cls}" data-path="${esc(path)}"${span} tabindex="-1" title="${esc(c.label)}"><span class="shown">${shown}</span></td>`;
}

function tableHtml(d: DocumentData, t: DocumentData['tables'][number]): string {
  const title = t.heading || TABLE_TITLES[t.key] || t.key;
  const warn = t.warnings.map((w) => `<li>${esc(w)}</li>`).join('');
  if (!t.rows) return `<section class="table-section" id="t-${t.key}"><h3>${esc(title)}</h3><p class="missing">未找到该表或版本未知 — table not found or edition not known.</p>${warn ? `<ul class="warnings">${warn}</ul>` : ''}</section>`;
  const rows = t.rows
    .map(
      (r) =>
        `<tr>${r
          .map((c) =>
            c.path
              ? valueCell(d, c.path, c.colspan, c.rowspan)
              : `<th${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}>${esc(c.text)}</th>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<section class="table-section" id="t-${t.key}"><h3>${esc(title)}</h3>${warn ? `<ul class="warnings">${warn}</ul>` : ''}<table class="form form-${t.key}">\n${rows}\n</table></section>`;
}

function checksHtml(d: DocumentData): string {
  if (!d.failedChecks.length) return `<p class="ok">勾稽关系全部通过 — all ${d.passedChecks} checks passed.</p>`;
  const side = (parts: { path: string; value: number }[]) =>
    parts.map((p) => `<a href="#" class="part" data-path="${esc(p.path)}" title="${esc(d.cells[p.path]?.label ?? p.path)}">${esc(p.value)}</a>`).join(' + ');
  const items = d.failedChecks
    .map(
      (c) => `<li class="check" data-rule="${esc(c.rule)}" data-paths="${esc([...c.expectedParts, ...c.actualParts].map((p) => p.path).join(' '))}">
<code>${esc(c.rule)}</code> <span class="why">${esc(c.why)}</span><br>
<span class="sum">${side(c.expectedParts)} = <b>${esc(c.expected)}</b></span> ≠ <span class="sum">${side(c.actualParts)} = <b>${esc(c.actual)}</b></span></li>`,
    )
    .join('\n');
  return `<ol class="failed-checks">${items}</ol><p class="small">${d.passedChecks} other checks passed.</p>`;
}

export function documentPage(d: DocumentData): string {
  const m = d.meta;
  /** A meta value the reader can click for where it was read. */
  const metaValue = (key: string, v: unknown) => `<span class="v meta-v" data-path="meta.${key}" tabindex="-1" title="点击查看出处 where it was read">${esc(v ?? '—')}</span>`;
  const texts = d.texts
    .map((t) => `<section class="text"><h3>${esc(t.heading || t.key)}</h3>${t.text ? t.text.split('\n').map((p) => `<p>${esc(p)}</p>`).join('') : '<p class="missing">未找到 — not found</p>'}</section>`)
    .join('\n');
  const html = `<header><a href="index.html" class="back">← 全部文件 all documents</a>
<h1>${m.title ? metaValue('title', m.title) : esc(d.file)}</h1>
<dl class="meta"><dt>机关</dt><dd>${metaValue('agency', m.agency)}</dd><dt>年度</dt><dd>${metaValue('year', m.year)}</dd><dt>发布日期</dt><dd>${metaValue('publishedAt', m.publishedAt)}</dd><dt>版本</dt><dd>${metaValue('edition', m.edition)}</dd>
<dt>状态</dt><dd><span class="badge ${d.status}">${esc(STATUS_LABEL[d.status] ?? d.status)}</span></dd>
<dt>文件</dt><dd>${d.href ? `<a href="${esc(d.href)}" target="_blank">${esc(d.file)}</a>` : esc(d.file)} <small>(${esc(d.format)}, sha256 ${d.sha256 ? `${esc(d.sha256.slice(0, 12))}…` : "—"})</small></dd></dl>
</header>
<div class="doc-layout">
<main>
<div class="toolbar"><span id="look-count">${d.look.length}</span> 个单元格需要核对 cells need a look — <kbd>j</kbd>/<kbd>k</kbd> 下一个/上一个 next/previous, <kbd>c</kbd> 确认 confirm, <kbd>e</kbd> 更正 correct
<button id="export" type="button">导出 corrections.json</button> <span id="saved-count"></span></div>
<section><h2>勾稽关系 Checks</h2>${checksHtml(d)}</section>
${d.warnings.length ? `<section><h2>警告 Warnings</h2><ul class="warnings">${d.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>` : ''}
${d.tables.map((t) => tableHtml(d, t)).join('\n')}
${legacyHtml(d.legacy, (path) => valueCell(d, path))}
<h2>正文 Section texts</h2>
${texts}
</main>
<aside id="evidence"><p class="hint">点击数值查看原文依据 — click a value to see where it was read.</p></aside>
</div>`;
  return pageShell('document', `${m.agency ?? d.file} ${m.year ?? ''}`, html, { doc: { id: d.id, sha256: d.sha256, href: d.href, format: d.format, cells: d.cells, look: d.look, checks: d.failedChecks } });
}
