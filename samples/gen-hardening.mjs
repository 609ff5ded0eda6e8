// Hardening samples (issue 7): documents that reproduce, one kind at a time, the
// faults real reports and the tools that make them put in front of a reader —
// rotated pages, Word fields, fonts without a Unicode map, blank templates,
// subsection headings that echo section names, blank zero cells in small and
// borderless tables, web-page publication dates, fee units.
//
// Called from samples/make.mjs (one line) with its renderers. Every document is
// made from a report definition derived here from samples/reports/dongpu-street-2022.json,
// rendered by make.mjs's own DOCX / HTML / LibreOffice / Chromium path, then
// altered the way the fault alters real files (pdf-lib for PDF structure, string
// edits for DOCX XML and HTML). Writes samples/hardening/<file> and
// samples/hardening/manifest.json: [{ file, kind, definition, status, warning?, ocr? (the OCR mode to read it with) }],
// the definitions in samples/hardening/definitions/<id>.json (the expected
// extraction, like samples/reports/). test/hardening/samples.test.ts reads them.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { PDFDocument, PDFName, PDFDict, degrees } from 'pdf-lib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'hardening');
const DEFS = path.join(OUT, 'definitions');

const clone = (x) => JSON.parse(JSON.stringify(x));

function zeroRows(obj) {
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'heading') continue;
    if (v && typeof v === 'object') zeroRows(v);
    else if (typeof v === 'number') obj[k] = 0;
  }
}

function rename(r, body, short) {
  const s = JSON.stringify(r).replaceAll('江澄市江北区东浦街道办事处', body).replaceAll('东浦街道办事处', body.replace(/^.*区/, '')).replaceAll('东浦', short);
  return JSON.parse(s);
}

/** The report definitions of the hardening samples, derived from one sample report. */
function definitions(reports) {
  const base = reports['dongpu-street-2022'];
  if (!base) throw new Error('gen-hardening: samples/reports/dongpu-street-2022.json is needed');
  const defs = {};

  // Kind 6: table 二's small tables and table 四 with every count blank.
  const zeros = rename(clone(base), '江澄市江北区南岸街道办事处', '南岸');
  for (const k of ['licensing', 'punishment', 'coercion', 'fees']) zeroRows(zeros.activeDisclosure[k]);
  zeroRows(zeros.reviewLitigation);
  zeros.overview.text = zeros.overview.text.replace(/街道未发生[^\n]*/, '街道未发生因政府信息公开引起的行政复议、行政诉讼案件。');
  defs['nanan-street-2022'] = zeros;
  // … and beside small tables that print numbers.
  const mixed = JSON.parse(JSON.stringify(zeros).replaceAll('南岸', '北岸'));
  mixed.activeDisclosure.normativeDocuments = { issued: 2, repealed: 1, inForce: 9 };
  mixed.reviewLitigation.litigationDirect = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 };
  defs['beian-street-2022'] = mixed;

  // Kind 5: an overview whose subsections echo section names.
  const subs = rename(clone(base), '江澄市江北区北湖街道办事处', '北湖');
  const paras = subs.overview.text.split('\n');
  subs.overview.text = [paras[0], '1.主动公开情况', paras[1], '2.依申请公开情况', paras[2], '政府信息管理和平台建设情况', '街道按要求更新信息公开指南，完善公开目录。'].join('\n');
  defs['beihu-street-2022'] = subs;

  // Kinds 1, 2, 3, 7: the report as it is, under another name each.
  defs['xishan-street-2022'] = rename(clone(base), '江澄市江北区西山街道办事处', '西山');

  // Kind 8: fees printed in 元.
  const yuan = rename(clone(base), '江澄市江北区东林街道办事处', '东林');
  yuan.activeDisclosure.fees = { amount: 12800, amountUnit: '元' };
  defs['donglin-street-2022'] = yuan;

  // Kind 4: a real report with every table blank (all zeros), and the national template.
  const blank = rename(clone(base), '江澄市江北区石桥街道办事处', '石桥');
  zeroRows(blank.activeDisclosure); zeroRows(blank.applications); zeroRows(blank.reviewLitigation);
  blank.overview.text = '2022年，石桥街道办事处认真贯彻落实《中华人民共和国政府信息公开条例》，全年未收到政府信息公开申请，未发生行政复议、行政诉讼案件。';
  defs['shiqiao-street-2022'] = blank;
  const template = clone(blank);
  template.meta = { title: '政府信息公开工作年度报告格式模板', agency: '', year: null, publishedAt: null, edition: '2021' };
  template.preamble = '';
  for (const k of ['overview', 'problems', 'otherMatters']) template[k].text = '（文字描述）';
  defs['blank-template-2021'] = template;
  for (const d of Object.values(defs)) if (d.meta.edition === '2021' && !('amountUnit' in d.activeDisclosure.fees)) d.activeDisclosure.fees.amountUnit = '万元';
  return defs;
}

// ------------------------------------------------------------------ alterations

async function editDocx(bytes, edit) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml').async('string');
  const next = edit(xml);
  if (next === xml) throw new Error('gen-hardening: DOCX edit changed nothing');
  zip.file('word/document.xml', next, { date: zip.file('word/document.xml').date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** Every table cell's number becomes a Word field's result: simple fields and complex fields in turn. */
function numbersAsFields(xml) {
  let n = 0;
  return xml.replace(/<w:tc>((?:(?!<\/w:tc>).)*?)<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">(\d[\d.,]*)<\/w:t><\/w:r>/gs, (m, before, rPr = '', num) => {
    const run = `<w:r>${rPr}<w:t xml:space="preserve">${num}</w:t></w:r>`;
    const field = n++ % 2 === 0
      ? `<w:fldSimple w:instr=" =SUM(LEFT) ">${run}</w:fldSimple>`
      : `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> =SUM(ABOVE) \\# "0" </w:instrText></w:r><w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>${run}<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`;
    return `<w:tc>${before}${field}`;
  });
}

/** Word's HTML: each number cell's result between mso field marks held in conditional comments. */
function numbersAsHtmlFields(html) {
  return html.replace(/<td([^>]*)>(\d[\d.,]*)<\/td>/g, (m, attrs, num) =>
    `<td${attrs}><!--[if supportFields]><span style='mso-element:field-begin'></span> =SUM(LEFT) <span style='mso-element:field-separator'></span><![endif]--><span style='mso-no-proof:yes'>${num}</span><!--[if supportFields]><span style='mso-element:field-end'></span><![endif]--></td>`);
}

/** Drops the paragraphs of the signature (agency and date) from a DOCX body. */
function withoutParagraphs(texts) {
  return (xml) => xml.replace(/<w:p>(?:(?!<w:p>).)*?<\/w:p>/gs, (p) => (texts.some((t) => t && p.includes(`>${t}<`)) ? '' : p));
}

async function rotatePages(pdf, rotation, which) {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.getPages().forEach((p, i) => { if (which(i)) p.setRotation(degrees(rotation)); });
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

/** Removes every font's ToUnicode map (and its CIDSystemInfo-free fallback stays): the text layer cannot be decoded. */
async function stripToUnicode(pdf) {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  let removed = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('Type')) === PDFName.of('Font') && obj.has(PDFName.of('ToUnicode'))) {
      obj.delete(PDFName.of('ToUnicode'));
      removed++;
    }
  }
  if (!removed) throw new Error('gen-hardening: no ToUnicode map to remove');
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

// ------------------------------------------------------------------ documents

const cnDate = (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${y}年${m}月${d}日`; };
const FURNITURE = { site: '江澄市江北区人民政府', short: '江北', host: '江澄市江北区人民政府办公室', operator: '江北区数据资源局', siteCode: '4201050017', icp: 'ICP备10024682号', views: 97 };

/** [file, kind, definition id, render(ctx) → bytes, expectation]. */
function documents(defs) {
  const ok = { status: 'complete' };
  return [
    // 1. Pages marked /Rotate whose content is drawn upright.
    ['rotated-pages.pdf', 'rotated pages', 'xishan-street-2022', async (c) => rotatePages(await c.pdfViaDocx(defs['xishan-street-2022'], { zero: '0' }), 90, (i) => i > 0), ok],
    ['rotated-270.pdf', 'rotated pages', 'xishan-street-2022', async (c) => rotatePages(await c.pdfViaDocx(defs['xishan-street-2022'], { zero: '0', table2: 'split' }), 270, () => true), ok],
    // 2. Numbers that are Word field results.
    ['fields.docx', 'word fields', 'xishan-street-2022', async (c) => editDocx(await c.renderDocx(defs['xishan-street-2022'], { zero: '0' }), numbersAsFields), ok],
    ['fields.html', 'word fields', 'xishan-street-2022', async (c) => Buffer.from(numbersAsHtmlFields(c.renderHtml(defs['xishan-street-2022'], { zero: '0' }).toString())), ok],
    // 3. Fonts without a Unicode map.
    //    With OCR off it fails saying so (OCR of such a document: test/ocr/undecodable-text.test.ts).
    ['no-tounicode.pdf', 'undecodable text', 'xishan-street-2022', async (c) => stripToUnicode(await c.pdfViaDocx(defs['xishan-street-2022'], { zero: '0' })), { status: 'failed', warning: 'Unicode map', ocr: 'off' }],
    // 4. Blank documents.
    ['blank-template.docx', 'blank template', 'blank-template-2021', async (c) => editDocx(await c.renderDocx({ ...defs['blank-template-2021'], meta: { ...defs['blank-template-2021'].meta, agency: 'AGENCY-LINE', publishedAt: '2021-01-01' } }, { zero: 'blank' }), withoutParagraphs(['AGENCY-LINE', cnDate('2021-01-01')])), { status: 'failed', warning: 'blank template' }],
    ['all-blank.docx', 'blank template', 'shiqiao-street-2022', async (c) => c.renderDocx(defs['shiqiao-street-2022'], { zero: 'blank', table2: 'split' }), { status: 'complete', warning: 'every value cell of every table is blank' }],
    ['all-blank-borderless.web.pdf', 'blank template', 'shiqiao-street-2022', async (c) => c.pdfViaHtml(defs['shiqiao-street-2022'], { zero: 'blank', borders: false, fontSize: 12, furniture: FURNITURE }), { status: 'complete', warning: 'every value cell of every table is blank' }],
    // 5. Overview subsections that echo section names.
    ['subsections.docx', 'subsection headings', 'beihu-street-2022', async (c) => c.renderDocx(defs['beihu-street-2022'], { zero: '0' }), ok],
    ['subsections.pdf', 'subsection headings', 'beihu-street-2022', async (c) => c.pdfViaDocx(defs['beihu-street-2022'], { zero: 'blank' }), ok],
    // 6. Small and borderless tables whose value cells are all blank.
    ['blank-small-tables.docx', 'blank zero cells', 'nanan-street-2022', async (c) => c.renderDocx(defs['nanan-street-2022'], { zero: 'blank', table2: 'split' }), ok],
    ['blank-small-tables.html', 'blank zero cells', 'nanan-street-2022', async (c) => c.renderHtml(defs['nanan-street-2022'], { zero: 'blank', table2: 'split' }), ok],
    ['blank-small-tables.pdf', 'blank zero cells', 'nanan-street-2022', async (c) => c.pdfViaDocx(defs['nanan-street-2022'], { zero: 'blank', table2: 'split' }), ok],
    ['blank-borderless.web.pdf', 'blank zero cells', 'nanan-street-2022', async (c) => c.pdfViaHtml(defs['nanan-street-2022'], { zero: 'blank', table2: 'split', borders: false, fontSize: 12, furniture: FURNITURE }), ok],
    ['blank-beside-numbers.web.pdf', 'blank zero cells', 'beian-street-2022', async (c) => c.pdfViaHtml(defs['beian-street-2022'], { zero: 'blank', table2: 'split', borders: false, fontSize: 12, furniture: FURNITURE }), ok],
    ['blank-beside-numbers.pdf', 'blank zero cells', 'beian-street-2022', async (c) => c.pdfViaDocx(defs['beian-street-2022'], { zero: 'blank', table2: 'split' }), ok],
    // 7. Web pages dated by their 发布时间 line or metadata table only.
    ['web-date.html', 'web-page dates', 'xishan-street-2022', async (c) => undated(c.renderHtml(defs['xishan-street-2022'], { zero: '0', furniture: FURNITURE }), defs['xishan-street-2022']), ok],
    ['web-date-table.html', 'web-page dates', 'xishan-street-2022', async (c) => metadataTable(undated(c.renderHtml(defs['xishan-street-2022'], { zero: '0', furniture: FURNITURE }), defs['xishan-street-2022']), defs['xishan-street-2022']), ok],
    ['web-date.web.pdf', 'web-page dates', 'xishan-street-2022', async (c) => c.pdfViaHtml(defs['xishan-street-2022'], { zero: '0', furniture: FURNITURE, fontSize: 12 }, (html) => metadataTable(undated(html, defs['xishan-street-2022']), defs['xishan-street-2022'])), ok],
    // 8. Fees printed in 元.
    ['fees-yuan.docx', 'fee units', 'donglin-street-2022', async (c) => editDocx(await c.renderDocx(defs['donglin-street-2022'], { zero: '0' }), (x) => x.replace('本年收费金额（单位：万元）', '本年收费金额（单位：元）')), ok],
    ['fees-yuan.pdf', 'fee units', 'donglin-street-2022', async (c) => c.pdfViaDocx(defs['donglin-street-2022'], { zero: '0' }, (x) => x.replace('本年收费金额（单位：万元）', '本年收费金额（单位：元）')), ok],
  ];
}

/** The web page without the date under its signature. */
function undated(html, r) {
  const s = html.toString();
  const out = s.replace(`<p class="sign">${cnDate(r.meta.publishedAt)}</p>`, '');
  if (out === s) throw new Error('gen-hardening: no signature date to remove');
  return Buffer.from(out);
}

/** The page's 发布时间 line replaced by a metadata table dated 成文日期 (and a later 生成日期). */
function metadataTable(html, r) {
  const s = html.toString();
  const table = `<table class="meta" width="100%"><tr><td>索引号：</td><td>11420105MB1A23-2023-0007</td><td>生成日期：</td><td>2023-03-02</td></tr>` +
    `<tr><td>发文机关：</td><td>${r.meta.agency}</td><td>成文日期：</td><td>${r.meta.publishedAt}</td></tr></table>`;
  const out = s.replace(/<div class="info">[^<]*<\/div>/, table);
  if (out === s) throw new Error('gen-hardening: no info line to replace');
  return Buffer.from(out);
}

/**
 * Renders the hardening samples. `ctx`: make.mjs's report definitions, renderers
 * and PDF tools ({ reports, only, noPdf, tmp, renderDocx, renderHtml, findTool,
 * sofficeToPdf, chromiumToPdf, fixPdf }).
 */
export async function makeHardening(ctx) {
  const defs = definitions(ctx.reports);
  fs.mkdirSync(DEFS, { recursive: true });
  for (const [id, d] of Object.entries(defs)) fs.writeFileSync(path.join(DEFS, `${id}.json`), JSON.stringify(d, null, 2) + '\n');
  const tmp = path.join(ctx.tmp, 'hardening');
  fs.mkdirSync(tmp, { recursive: true });
  let soffice, chromium;
  const tools = {
    pdf: () => (soffice ??= ctx.findTool([process.env.SOFFICE, 'soffice', 'libreoffice']) ?? false),
    web: () => (chromium ??= ctx.findTool([process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome']) ?? false),
  };
  const docxToPdf = (bytes, iso) => {
    const src = path.join(tmp, 'doc.docx');
    fs.writeFileSync(src, bytes);
    return ctx.fixPdf(ctx.sofficeToPdf(tools.pdf(), src, path.join(tmp, 'lo-out'), path.join(tmp, 'lo-profile')), iso);
  };
  const htmlToPdf = (bytes, iso) => {
    const src = path.join(tmp, 'page.html');
    fs.writeFileSync(src, bytes);
    const out = path.join(tmp, 'page.pdf');
    fs.rmSync(out, { force: true });
    return ctx.fixPdf(ctx.chromiumToPdf(tools.web(), src, out, path.join(tmp, 'chrome-profile')), iso);
  };
  const c = {
    renderDocx: ctx.renderDocx,
    renderHtml: (r, o) => Buffer.from(ctx.renderHtml(r, o)),
    pdfViaDocx: async (r, o, edit) => docxToPdf(edit ? await editDocx(await ctx.renderDocx(r, o), edit) : await ctx.renderDocx(r, o), r.meta.publishedAt ?? '2021-01-01'),
    pdfViaHtml: async (r, o, edit) => htmlToPdf(edit ? edit(Buffer.from(ctx.renderHtml(r, o))) : Buffer.from(ctx.renderHtml(r, o)), r.meta.publishedAt ?? '2021-01-01'),
  };
  ctx.canPdf = (file) => (file.endsWith('.web.pdf') ? tools.web() : tools.pdf());
  const manifest = [];
  for (const [file, kind, definition, render, expect] of documents(defs)) {
    manifest.push({ file, kind, definition, ...expect });
    if (ctx.only.length && !ctx.only.includes(file)) continue;
    if (file.endsWith('.pdf') && (ctx.noPdf || !ctx.canPdf(file))) { console.log(`skipped hardening/${file}; the committed file is left as it is`); continue; }
    const bytes = await render(c);
    fs.writeFileSync(path.join(OUT, file), bytes);
    console.log(`wrote hardening/${file} (${bytes.length} bytes)`);
  }
  fs.writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}
