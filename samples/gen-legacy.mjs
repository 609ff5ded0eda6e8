// Legacy (2008–2018) sample reports: samples/legacy/<id>.json → samples/docs/<file>, as listed in
// samples/legacy-manifest.json ({ file, report, format, options }). Called from make.mjs, which lends its
// zip normaliser and its LibreOffice / Chromium helpers. The old outlines, the attached statistics
// tables (gov2014 and shanghai2008 printed from the template data in extractors/legacy/statistics/),
// figures in sentences, and traditional-script copies (options.traditional: OpenCC cn → tw, as mirror
// sites convert) — see samples/README.md.
//
// A definition holds: meta, preamble, sections [{ key, heading, text }] in printed order,
// statistics { template, heading, at ("annex" after the signature, or the key of the section that
// holds it), values (gov2014: path → number; shanghai2008: code → [本期实际, 本年累计]),
// localRows [{ after, label, unit, value }] } or null, and figures (the expected text figures).

import fs from 'node:fs';
import path from 'node:path';
import * as docx from 'docx';
import * as OpenCC from 'opencc-js/cn2t';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const LEGACY = path.join(HERE, 'legacy');
const TEMPLATES = path.join(HERE, '..', 'extractors', 'legacy', 'statistics');
const MANIFEST = path.join(HERE, 'legacy-manifest.json');

const cnDate = (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${y}年${m}月${d}日`; };
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** cn → tw, character for character (the extractor folds back position by position). */
let toTw;
function traditional(text) {
  toTw ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  const whole = toTw(text);
  if (whole.length === text.length) return whole;
  return [...text].map((ch) => { const t = toTw(ch); return t.length === ch.length ? t : ch; }).join('');
}

// ------------------------------------------------------------------ statistics tables

function templateUnit(t, p) {
  if (t.units[p]) return t.units[p];
  const parts = p.split('.');
  for (let n = parts.length - 1; n > 0; n--) if (t.units[`${parts.slice(0, n).join('.')}.*`]) return t.units[`${parts.slice(0, n).join('.')}.*`];
  return '';
}

/** The printed rows of a statistics table: [[cell…]…], header first. */
function statisticsRows(s, o) {
  const t = JSON.parse(fs.readFileSync(path.join(TEMPLATES, `${s.template}.json`), 'utf8'));
  const zero = { blank: '', 0: '0', dash: '—' }[o.zero ?? '0'];
  const num = (v) => (v === 0 ? zero : String(v));
  const local = (after) => (s.localRows ?? []).filter((r) => r.after === after).map((r) => [r.label, r.unit, num(r.value)]);
  if (s.template === 'shanghai2008') {
    const rows = [['指标名称', '计量单位', '代码', '本期实际', '本年累计']];
    for (const r of t.rows) {
      const [cur, cum] = s.values[r.key] ?? [0, 0];
      rows.push([r.label, t.units[r.key], r.key, num(cur), num(cum)]);
    }
    for (const r of local(null)) rows.push([r[0], r[1], '', r[2], r[2]]);
    return rows;
  }
  const rows = [['统计指标', '单位', '统计数']];
  const walk = (list) => {
    for (const r of list) {
      if (r.rows) {
        if (/^[一二三四五六七八九]、|^（/.test(r.label)) rows.push([r.label, '—', '']);
        walk(r.rows);
        continue;
      }
      rows.push([r.label, templateUnit(t, r.key), num(s.values[r.key] ?? 0)]);
      rows.push(...local(r.key));
    }
  };
  walk(t.rows);
  return rows;
}

// ------------------------------------------------------------------ the report as blocks

function blocks(r, o) {
  const out = [{ type: 'title', text: r.meta.title }];
  for (const p of r.preamble ? r.preamble.split('\n') : []) out.push({ type: 'para', text: p });
  const table = () => {
    if (r.statistics.heading) out.push({ type: 'tableTitle', text: r.statistics.heading });
    out.push({ type: 'table', rows: statisticsRows(r.statistics, o) });
  };
  for (const s of r.sections) {
    out.push({ type: 'heading', text: o.headingSpace ? s.heading.replace('、', '、 ') : s.heading });
    for (const p of s.text ? s.text.split('\n') : []) out.push({ type: 'para', text: p });
    if (r.statistics && r.statistics.at === s.key) table();
  }
  out.push({ type: 'signature', lines: [r.meta.agency, cnDate(r.meta.publishedAt)] });
  if (r.statistics?.at === 'annex') {
    out.push({ type: 'para', text: '附表', plain: true });
    table();
  }
  if (!o.traditional) return out;
  const tw = (x) => ({ ...x, ...(x.text ? { text: traditional(x.text) } : {}), ...(x.lines ? { lines: x.lines.map(traditional) } : {}) });
  // Mirror sites convert the text, not the table's header words.
  return out.map((b) => (b.type === 'table' ? { ...b, rows: b.rows.map((row, i) => (i === 0 ? row : row.map(traditional))) } : tw(b)));
}

// ------------------------------------------------------------------ DOCX and HTML

async function renderDocx(r, o, normaliseZip) {
  const font = o.font ?? '仿宋_GB2312';
  const size = (o.fontSize ?? 16) * 2;
  const run = (text, x = {}) => new docx.TextRun({ text, font, size, ...x });
  const spacing = { line: Math.round(size * 10 * 1.6), lineRule: docx.LineRuleType.EXACT, before: 0, after: 0 };
  const children = [];
  for (const b of blocks(r, o)) {
    if (b.type === 'title') children.push(new docx.Paragraph({ alignment: docx.AlignmentType.CENTER, spacing: { after: 240 }, children: [new docx.TextRun({ text: b.text, font, size: 40, bold: true })] }));
    else if (b.type === 'heading') children.push(new docx.Paragraph({ indent: { firstLine: size * 20 }, spacing, keepNext: true, children: [run(b.text, { bold: true })] }));
    else if (b.type === 'para') children.push(new docx.Paragraph({ indent: b.plain ? undefined : { firstLine: size * 20 }, spacing, children: [run(b.text)] }));
    else if (b.type === 'tableTitle') children.push(new docx.Paragraph({ alignment: docx.AlignmentType.CENTER, spacing, keepNext: true, children: [run(b.text, { bold: true, size: 28 })] }));
    else if (b.type === 'signature') {
      children.push(new docx.Paragraph({ children: [] }));
      for (const l of b.lines) children.push(new docx.Paragraph({ alignment: docx.AlignmentType.RIGHT, spacing, children: [run(l)] }));
    } else if (b.type === 'table') {
      const widths = b.rows[0].length === 3 ? [6200, 1200, 1444] : [4300, 1100, 900, 1200, 1344];
      children.push(new docx.Table({
        width: { size: 8844, type: docx.WidthType.DXA }, columnWidths: widths, layout: docx.TableLayoutType.FIXED,
        rows: b.rows.map((cells) => new docx.TableRow({ cantSplit: true, children: cells.map((t, i) => new docx.TableCell({
          width: { size: widths[i], type: docx.WidthType.DXA },
          children: [new docx.Paragraph({ alignment: i === 0 ? docx.AlignmentType.LEFT : docx.AlignmentType.CENTER, children: t ? [new docx.TextRun({ text: t, font, size: 21 })] : [] })],
        })) })),
      }));
    }
  }
  const doc = new docx.Document({
    creator: 'Administrator', lastModifiedBy: 'Administrator', title: r.meta.title, revision: 2,
    styles: { default: { document: { run: { font, size } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, children }],
  });
  return normaliseZip(await docx.Packer.toBuffer(doc), r.meta.publishedAt);
}

function renderHtml(r, o) {
  const body = [];
  if (o.furniture) body.push(`<div class="banner">${esc(o.furniture.site)}</div>`, `<div class="crumb">当前位置：首页 &gt; 信息公开 &gt; 政府信息公开年报</div>`, `<div class="info">发布时间：${o.furniture.pageDate}　来源：${esc(r.meta.agency)}　【打印】</div>`);
  for (const b of blocks(r, o)) {
    if (b.type === 'title') body.push(`<h1>${esc(b.text)}</h1>`);
    else if (b.type === 'heading') body.push(`<p><strong>${esc(b.text)}</strong></p>`);
    else if (b.type === 'para') body.push(`<p>${esc(b.text)}</p>`);
    else if (b.type === 'tableTitle') body.push(`<p align="center"><strong>${esc(b.text)}</strong></p>`);
    else if (b.type === 'signature') for (const l of b.lines) body.push(`<p align="right">${esc(l)}</p>`);
    else if (b.type === 'table') body.push(`<table border="1" cellspacing="0" cellpadding="3">\n${b.rows.map((row) => `<tr>${row.map((t) => `<td>${esc(t)}</td>`).join('')}</tr>`).join('\n')}\n</table>`);
  }
  if (o.furniture) body.push('<div class="footer">【打印本页】　【关闭窗口】</div>', `<div class="footer">主办：${esc(o.furniture.site)}</div>`);
  const css = 'body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; } h1 { font-size: 18pt; text-align: center; } table { border-collapse: collapse; font-size: 10.5pt; } td { border: 1px solid #000; padding: 2px 4px; } tr { break-inside: avoid; }';
  return Buffer.from(`<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${esc(o.traditional ? traditional(r.meta.title) : r.meta.title)}</title>\n<style>${css}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`, 'utf8');
}

// ------------------------------------------------------------------ main

/**
 * Renders the legacy samples. `helpers` come from make.mjs: normaliseZip, findTool, sofficeToPdf,
 * chromiumToPdf, fixPdf; `tmp` is its scratch folder; skipped PDFs are pushed to `skipped`.
 */
export async function makeLegacySamples({ docs, only = [], noPdf = false, tmp, skipped = [], helpers }) {
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  let soffice, chromium;
  for (const e of manifest) {
    if (only.length && !only.includes(e.file)) continue;
    const r = JSON.parse(fs.readFileSync(path.join(LEGACY, `${e.report}.json`), 'utf8'));
    const o = e.options ?? {};
    let bytes;
    if (e.format === 'docx') bytes = await renderDocx(r, o, helpers.normaliseZip);
    else if (e.format === 'html') bytes = renderHtml(r, o);
    else if (noPdf) { skipped.push(`${e.file} (--no-pdf)`); continue; }
    else if (o.via === 'docx') {
      soffice ??= helpers.findTool([process.env.SOFFICE, 'soffice', 'libreoffice']) ?? false;
      if (!soffice) { skipped.push(`${e.file} (LibreOffice 'soffice' not found)`); continue; }
      const src = path.join(tmp, e.file.replace(/\.pdf$/, '') + '.docx');
      fs.writeFileSync(src, await renderDocx(r, o, helpers.normaliseZip));
      bytes = helpers.fixPdf(helpers.sofficeToPdf(soffice, src, path.join(tmp, 'lo-out'), path.join(tmp, 'lo-profile')), r.meta.publishedAt);
    } else {
      chromium ??= helpers.findTool([process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome']) ?? false;
      if (!chromium) { skipped.push(`${e.file} (Chromium not found)`); continue; }
      const src = path.join(tmp, e.file.replace(/\.pdf$/, '') + '.html');
      fs.writeFileSync(src, renderHtml(r, o));
      bytes = helpers.fixPdf(helpers.chromiumToPdf(chromium, src, path.join(tmp, e.file), path.join(tmp, 'chrome-profile')), r.meta.publishedAt);
    }
    fs.writeFileSync(path.join(docs, e.file), bytes);
    console.log(`wrote docs/${e.file} (${bytes.length} bytes)`);
  }
}

