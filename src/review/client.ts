/**
 * The review site's browser code. Each function is self-contained (no
 * imports, nothing from module scope): the site builder writes their source
 * (`Function.prototype.toString`) into assets/review.js, so the code is
 * type-checked here and needs no bundler or CDN.
 *
 * Corrections live in localStorage under `gongkai-corrections` as the spec's
 * entries `{ sha256, path, value?, note, by, at }` (spec § Corrections); the
 * export button downloads them as corrections.json for
 * `gongkai extract --corrections`.
 */

/* eslint-disable */
export function indexClient(): void {
  const table = document.getElementById('documents') as HTMLTableElement;
  const body = table.tBodies[0]!;
  const filter = document.getElementById('filter') as HTMLInputElement;
  const status = document.getElementById('status-filter') as HTMLSelectElement;
  const problems = document.getElementById('problems-only') as HTMLInputElement;
  const apply = () => {
    const q = filter.value.trim().toLowerCase();
    for (const tr of Array.from(body.rows)) {
      const show = (!q || tr.textContent!.toLowerCase().includes(q)) && (!status.value || tr.dataset['status'] === status.value) && (!problems.checked || tr.dataset['problem'] === '1');
      tr.hidden = !show;
    }
  };
  for (const el of [filter, status, problems]) el.addEventListener('input', apply);
  let sorted = -1;
  let dir = 1;
  table.tHead!.addEventListener('click', (ev) => {
    const th = (ev.target as HTMLElement).closest('th');
    if (!th) return;
    const col = Number(th.dataset['col']);
    dir = sorted === col ? -dir : th.dataset['num'] ? -1 : 1;
    sorted = col;
    const key = (tr: HTMLTableRowElement) => tr.cells[col]!.dataset['sort'] ?? '';
    const rows = Array.from(body.rows).sort((a, b) => (th.dataset['num'] ? (Number(key(a)) - Number(key(b))) * dir : key(a).localeCompare(key(b), 'zh') * dir));
    for (const r of rows) body.appendChild(r);
    for (const h of Array.from(table.tHead!.rows[0]!.cells)) h.classList.toggle('sorted', h === th);
  });
  let saved: unknown[] = [];
  try {
    saved = JSON.parse(localStorage.getItem('gongkai-corrections') || '[]');
  } catch {}
  const note = document.getElementById('local-corrections');
  if (note && saved.length) note.textContent = `本浏览器已记录 ${saved.length} 条核对 (corrections saved in this browser)`;
}

export function documentClient(): void {
  type Cell = {
    path: string; label: string; value: number | null; text?: string; page: number | null; bbox?: number[]; raw?: string; ocr?: boolean; confidence?: number; crop?: string;
    flags: string[]; checks: string[]; warnings: string[]; correction?: { printed: number | null; value?: number; note: string | null; by: string | null; at: string | null };
  };
  type Entry = { sha256: string; path: string; value?: number; note: string; by: string; at: string };
  const doc = (window as unknown as { GONGKAI: { doc: { sha256: string; href: string | null; format: string; cells: Record<string, Cell>; look: string[] } } }).GONGKAI.doc;
  const KEY = 'gongkai-corrections';
  const esc = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '∅' : String(v));
  const load = (): Entry[] => {
    try {
      return JSON.parse(localStorage.getItem(KEY) || '[]');
    } catch {
      return [];
    }
  };
  const save = (list: Entry[]) => localStorage.setItem(KEY, JSON.stringify(list));
  const mine = (path: string) => load().find((e) => e.sha256 === doc.sha256 && e.path === path);
  const tdOf = (path: string) => document.querySelector<HTMLElement>(`.v[data-path="${CSS.escape(path)}"]`);
  const panel = document.getElementById('evidence')!;
  let current: string | null = null;

  const refreshCell = (path: string) => {
    const td = tdOf(path);
    const cell = doc.cells[path];
    if (!td || !cell) return;
    const e = mine(path);
    td.classList.toggle('local-confirmed', !!e && e.value === undefined);
    td.classList.toggle('local-corrected', !!e && e.value !== undefined);
    const shown = td.querySelector('.shown')!;
    if (e && e.value !== undefined) shown.innerHTML = `<s class="printed">${esc(fmt(cell.value))}</s> ${esc(e.value)}`;
    else if (cell.correction && cell.correction.value !== undefined) shown.innerHTML = `<s class="printed">${esc(fmt(cell.correction.printed))}</s> ${esc(fmt(cell.value))}`;
    else shown.textContent = fmt(cell.value);
  };
  const refreshCount = () => {
    const n = load().filter((e) => e.sha256 === doc.sha256).length;
    document.getElementById('saved-count')!.textContent = n ? `本文件已核对 ${n} 项 (${n} saved here)` : '';
  };

  const render = (cell: Cell) => {
    const e = mine(cell.path);
    const parts: string[] = [`<h3>${esc(cell.label)}</h3><div class="path"><code>${esc(cell.path)}</code></div>`];
    parts.push(`<p class="value">读取值 value: <b id="ev-value">${esc(cell.text ?? fmt(cell.value))}</b>${cell.correction ? ` <span class="corr-note">(${cell.correction.value === undefined ? '已确认 confirmed' : `已更正 corrected, 原印 printed ${esc(fmt(cell.correction.printed))}`}${cell.correction.by ? ` · ${esc(cell.correction.by)}` : ''}${cell.correction.note ? ` · ${esc(cell.correction.note)}` : ''})</span>` : ''}</p>`);
    if (cell.crop) parts.push(`<img class="crop" id="ev-crop" src="${esc(cell.crop)}" alt="page ${cell.page} around ${esc(cell.path)}">`);
    const where: string[] = [];
    if (cell.page !== null) where.push(`第 ${cell.page} 页 page ${cell.page}${doc.href && doc.format === 'pdf' ? ` — <a href="${esc(doc.href)}#page=${cell.page}" target="_blank">打开原文 open</a>` : ''}`);
    if (cell.bbox) where.push(`box ${cell.bbox.map((v) => Math.round(v)).join(', ')} pt`);
    if (!cell.crop && !cell.path.startsWith('meta.')) where.push(`表格位置 table position: ${esc(cell.label)}`);
    parts.push(`<p class="where">${where.join('<br>')}</p>`);
    parts.push(`<p>原文 raw text: ${cell.raw !== undefined ? `<code class="raw">${esc(cell.raw || '（空白 blank）')}</code>` : '<i>没有出处记录 no provenance</i>'}${cell.ocr ? ` · OCR${cell.confidence !== undefined ? ` 置信度 confidence ${Math.round(cell.confidence * 100)}%` : ''}` : ''}</p>`);
    if (cell.checks.length) parts.push(`<p class="bad">未通过 failed: ${cell.checks.map((c) => `<code>${esc(c)}</code>`).join(' ')}</p>`);
    if (cell.warnings.length) parts.push(`<ul class="warnings">${cell.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`);
    if (cell.path.startsWith('legacy.') || cell.path.startsWith('meta.')) {
      parts.push('<p class="small">此项不能在此更正 — only the table cells can be corrected (spec § Corrections).</p>');
      panel.innerHTML = parts.join('\n');
      return;
    }
    parts.push(`<form id="correction" autocomplete="off">
<label>更正值 corrected value <input id="corr-value" type="text" inputmode="decimal" value="${e && e.value !== undefined ? esc(e.value) : ''}" placeholder="${esc(fmt(cell.value))}"></label>
<label>说明 note <input id="corr-note" type="text" value="${esc(e?.note ?? '')}"></label>
<label>核对人 by <input id="corr-by" type="text" value="${esc(e?.by ?? localStorage.getItem('gongkai-reviewer') ?? '')}"></label>
<div class="buttons"><button type="button" id="confirm">确认无误 confirm</button> <button type="submit" id="save">保存更正 save correction</button>${e ? ' <button type="button" id="remove">撤销 remove</button>' : ''}</div>
<p id="corr-status">${e ? (e.value === undefined ? `已确认 confirmed ${esc(e.at)}` : `已更正为 corrected to ${esc(e.value)} (${esc(e.at)})`) : ''}</p></form>`);
    panel.innerHTML = parts.join('\n');
    const form = panel.querySelector<HTMLFormElement>('#correction')!;
    const record = (value: number | undefined) => {
      const by = (panel.querySelector('#corr-by') as HTMLInputElement).value.trim();
      if (by) localStorage.setItem('gongkai-reviewer', by);
      const entry: Entry = { sha256: doc.sha256, path: cell.path, note: (panel.querySelector('#corr-note') as HTMLInputElement).value.trim(), by, at: new Date().toISOString().slice(0, 10) };
      if (value !== undefined) entry.value = value;
      save([...load().filter((x) => !(x.sha256 === doc.sha256 && x.path === cell.path)), entry]);
      refreshCell(cell.path);
      refreshCount();
      render(cell);
    };
    panel.querySelector('#confirm')!.addEventListener('click', () => record(undefined));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const text = (panel.querySelector('#corr-value') as HTMLInputElement).value.trim().replace(/,/g, '');
      const v = Number(text);
      if (!text || !Number.isFinite(v)) {
        panel.querySelector('#corr-status')!.textContent = '请输入数字 — enter a number';
        return;
      }
      record(v);
    });
    panel.querySelector('#remove')?.addEventListener('click', () => {
      save(load().filter((x) => !(x.sha256 === doc.sha256 && x.path === cell.path)));
      refreshCell(cell.path);
      refreshCount();
      render(cell);
    });
  };

  const select = (path: string, scroll: boolean) => {
    const cell = doc.cells[path];
    const td = tdOf(path);
    if (!cell || !td) return;
    document.querySelectorAll('.v.selected').forEach((x) => x.classList.remove('selected'));
    td.classList.add('selected');
    current = path;
    if (scroll) td.scrollIntoView({ block: 'center' });
    render(cell);
  };

  document.addEventListener('click', (ev) => {
    const t = ev.target as HTMLElement;
    const td = t.closest<HTMLElement>('.v[data-path]');
    if (td) return select(td.dataset['path']!, false);
    const part = t.closest<HTMLElement>('a.part');
    if (part) {
      ev.preventDefault();
      select(part.dataset['path']!, true);
    }
    const check = t.closest<HTMLElement>('li.check');
    if (check) {
      document.querySelectorAll('td.v.in-check').forEach((x) => x.classList.remove('in-check'));
      for (const p of check.dataset['paths']!.split(' ')) tdOf(p)?.classList.add('in-check');
    }
  });
  document.addEventListener('keydown', (ev) => {
    const t = ev.target as HTMLElement;
    if (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'j' || ev.key === 'k') {
      if (!doc.look.length) return;
      const i = current ? doc.look.indexOf(current) : -1;
      const next = ev.key === 'j' ? (i + 1) % doc.look.length : (i <= 0 ? doc.look.length : i) - 1;
      select(doc.look[next]!, true);
      ev.preventDefault();
    } else if (ev.key === 'c' && current) {
      (panel.querySelector('#confirm') as HTMLButtonElement | null)?.click();
    } else if (ev.key === 'e' && current) {
      (panel.querySelector('#corr-value') as HTMLInputElement | null)?.focus();
      ev.preventDefault();
    }
  });
  document.getElementById('export')!.addEventListener('click', () => {
    const entries = load();
    const blob = new Blob([`${JSON.stringify(entries, null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'corrections.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  for (const path of Object.keys(doc.cells)) if (mine(path)) refreshCell(path);
  refreshCount();
}

/** The script of every page: runs the behaviour its `data-page` names. */
export function clientScript(): string {
  return `/* gongkai review: generated from src/review/client.ts */\n"use strict";\n(function () {\n  var page = document.body.dataset.page;\n  if (page === 'index') (${indexClient.toString()})();\n  else if (page === 'document') (${documentClient.toString()})();\n})();\n`;
}
