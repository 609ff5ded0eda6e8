#!/usr/bin/env node
// Renders the sample documents listed in samples/manifest.json into samples/docs/.
//
//   node samples/make.mjs                 # everything
//   node samples/make.mjs --no-pdf        # skip PDF rendering
//   node samples/make.mjs FILE…           # only these manifest entries (by file name)
//
// Inputs: samples/reports/<id>.json (report definitions = the expected extraction, plus
// `preamble`) and samples/manifest.json ({ file, report, format, options } per document).
// DOCX is written with the `docx` package, HTML by hand (GBK via iconv-lite), PDF through
// LibreOffice (from a DOCX rendering) or headless Chromium (from an HTML rendering). When
// soffice / chromium are missing, PDF entries are skipped with a message; the committed
// PDFs stay as they are. Output is deterministic: fixed zip entry dates and document
// metadata; PDF dates and IDs are overwritten in place (same length, so offsets hold).
// See samples/README.md for the options.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as docx from 'docx';
import iconv from 'iconv-lite';
import JSZip from 'jszip';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPORTS = path.join(HERE, 'reports');
// SAMPLES_MANIFEST / SAMPLES_OUT let bench/variants.mjs render other combinations elsewhere.
const DOCS = process.env.SAMPLES_OUT ?? path.join(HERE, 'docs');
const MANIFEST = process.env.SAMPLES_MANIFEST ?? path.join(HERE, 'manifest.json');

// Rule instances that are meant to fail (the report prints inconsistent numbers on purpose).
const EXPECTED_FAILURES = {
  'hexi-market-2020': [
    'applications.rowTotal.granted',
    'applications.totalProcessed.total',
    'reviewLitigation.review.total',
  ],
};

// ------------------------------------------------------------------ report model

const COLS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];
const COLS7 = [...COLS, 'total'];
const GROUP_ROWS = {
  denied: ['stateSecret', 'lawForbidden', 'threeSafetiesOneStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementCaseFile', 'administrativeQuery'],
  unableToProvide: ['notHeld', 'needsCreation', 'unclear'],
  notProcessed: ['complaint', 'repeated', 'publication', 'massive', 'confirmation'],
};
const OTHER3 = ['overdueCorrection', 'unpaidFee', 'other'];
const RL_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'];
const RL_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const TOP_KEYS = ['meta', 'preamble', 'overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'];
const AD_KEYS = {
  2021: { regulations: ['issued', 'repealed', 'inForce'], normativeDocuments: ['issued', 'repealed', 'inForce'], licensing: ['decisions'], punishment: ['decisions'], coercion: ['decisions'], fees: ['amount', 'amountUnit'] },
  2019: { regulations: ['made', 'published', 'totalPublished'], normativeDocuments: ['made', 'published', 'totalPublished'], licensing: ['lastYear', 'change', 'decisions'], otherServices: ['lastYear', 'change', 'decisions'], punishment: ['lastYear', 'change', 'decisions'], coercion: ['lastYear', 'change', 'decisions'], fees: ['lastYear', 'change'], procurement: ['projects', 'amount', 'amountUnit'] },
};

function sameKeys(obj, keys, where) {
  const got = Object.keys(obj ?? {});
  if (got.length !== keys.length || keys.some((k) => !got.includes(k))) throw new Error(`${where}: keys ${JSON.stringify(got)} != ${JSON.stringify(keys)}`);
}

/** Outcome rows of table 三 in printed order: [path, row]. */
function outcomeRows(a) {
  const out = [['granted', a.granted], ['partiallyGranted', a.partiallyGranted]];
  for (const [g, keys] of Object.entries(GROUP_ROWS)) for (const k of keys) out.push([`${g}.${k}`, a[g][k]]);
  const oh = a.otherHandling;
  if ('total' in oh) out.push(['otherHandling.total', oh.total]);
  else for (const k of OTHER3) out.push([`otherHandling.${k}`, oh[k]]);
  return out;
}

function validate(id, r) {
  sameKeys(r, TOP_KEYS, id);
  sameKeys(r.meta, ['title', 'agency', 'year', 'publishedAt', 'edition'], `${id}.meta`);
  if (typeof r.preamble !== 'string') throw new Error(`${id}.preamble must be a string`);
  const ad = r.activeDisclosure;
  const adKeys = AD_KEYS[r.meta.edition];
  if (!adKeys) throw new Error(`${id}: edition ${r.meta.edition}`);
  sameKeys(ad, ['heading', ...Object.keys(adKeys)], `${id}.activeDisclosure`);
  for (const [k, cols] of Object.entries(adKeys)) sameKeys(ad[k], cols, `${id}.activeDisclosure.${k}`);
  const a = r.applications;
  sameKeys(a, ['heading', 'newReceived', 'carriedOver', 'granted', 'partiallyGranted', 'denied', 'unableToProvide', 'notProcessed', 'otherHandling', 'totalProcessed', 'carriedForward'], `${id}.applications`);
  for (const [g, keys] of Object.entries(GROUP_ROWS)) sameKeys(a[g], keys, `${id}.applications.${g}`);
  const oh = Object.keys(a.otherHandling);
  if (!(oh.length === 1 && oh[0] === 'total')) sameKeys(a.otherHandling, OTHER3, `${id}.applications.otherHandling`);
  for (const [p, row] of [['newReceived', a.newReceived], ['carriedOver', a.carriedOver], ...outcomeRows(a), ['totalProcessed', a.totalProcessed], ['carriedForward', a.carriedForward]]) {
    sameKeys(row, COLS7, `${id}.applications.${p}`);
    for (const c of COLS7) if (!Number.isInteger(row[c])) throw new Error(`${id}.applications.${p}.${c} not an integer`);
  }
  sameKeys(r.reviewLitigation, ['heading', ...RL_GROUPS], `${id}.reviewLitigation`);
  for (const g of RL_GROUPS) sameKeys(r.reviewLitigation[g], RL_COLS, `${id}.reviewLitigation.${g}`);
  for (const k of ['overview', 'problems', 'otherMatters']) sameKeys(r[k], ['heading', 'text'], `${id}.${k}`);
}

/** The spec's arithmetic rules (勾稽关系), evaluated on the definition. */
function checks(r) {
  const a = r.applications;
  const out = [];
  const push = (rule, expected, actual) => out.push({ rule, passed: expected === actual, expected, actual });
  const outcomes = outcomeRows(a);
  for (const c of COLS7) {
    push(`applications.balance.${c}`, a.newReceived[c] + a.carriedOver[c], a.totalProcessed[c] + a.carriedForward[c]);
    push(`applications.totalProcessed.${c}`, outcomes.reduce((s, [, row]) => s + row[c], 0), a.totalProcessed[c]);
  }
  for (const [p, row] of [['newReceived', a.newReceived], ['carriedOver', a.carriedOver], ...outcomes, ['totalProcessed', a.totalProcessed], ['carriedForward', a.carriedForward]]) {
    push(`applications.rowTotal.${p}`, COLS.reduce((s, c) => s + row[c], 0), row.total);
  }
  for (const g of RL_GROUPS) {
    const x = r.reviewLitigation[g];
    push(`reviewLitigation.${g}.total`, x.upheld + x.corrected + x.other + x.pending, x.total);
  }
  return out;
}

// ------------------------------------------------------------------ printing helpers

const halfParens = (s) => s.replace(/（/g, '(').replace(/）/g, ')');
const cnDate = (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${y}年${m}月${d}日`; };

function withSeparators(v) {
  const [int, frac] = String(Math.abs(v)).split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (v < 0 ? '-' : '') + g + (frac ? '.' + frac : '');
}

/** Number printer for one document's options. */
function printer(o) {
  const ZERO = { blank: '', 0: '0', dash: '—', slash: '/', hyphen: '-' };
  const zero = ZERO[o.zero ?? 'blank'];
  if (zero === undefined) throw new Error(`zero: ${o.zero}`);
  const num = (v) => (v === 0 ? zero : o.thousands ? withSeparators(v) : String(v));
  const change = (v, which) => {
    if (v === 0) return zero;
    const style = o.changeStyle === 'mixed' ? { licensing: 'plus', otherServices: 'plus', punishment: 'zeng', coercion: 'plain', fees: 'zeng' }[which] : 'plain';
    if (style === 'plus') return v > 0 ? `+${v}` : String(v);
    if (style === 'zeng') return v > 0 ? `增${v}` : `减${-v}`;
    return String(v);
  };
  return { num, change };
}

// ------------------------------------------------------------------ abstract tables
// A table is { widths: [relative widths], rows: [[cell…]…] }, a cell { t, rs, cs, head, left }.

const C = (t, x = {}) => ({ t, ...x });

function table2(r, o) {
  const { num, change } = printer(o);
  const lbl = (s) => (o.parens === 'half' ? halfParens(s) : s);
  const ad = r.activeDisclosure;
  const blocks = [];
  const head = (t) => [C(lbl(t), { cs: 4, head: true })];
  if (r.meta.edition === '2021') {
    const norm = o.normLabel ?? '行政规范性文件';
    blocks.push([head('第二十条第（一）项'), [C('信息内容', { head: true }), C('本年制发件数', { head: true }), C('本年废止件数', { head: true }), C('现行有效件数', { head: true })],
      [C('规章'), C(num(ad.regulations.issued)), C(num(ad.regulations.repealed)), C(num(ad.regulations.inForce))],
      [C(norm), C(num(ad.normativeDocuments.issued)), C(num(ad.normativeDocuments.repealed)), C(num(ad.normativeDocuments.inForce))]]);
    blocks.push([head('第二十条第（五）项'), [C('信息内容', { head: true }), C('本年处理决定数量', { head: true, cs: 3 })],
      [C('行政许可'), C(num(ad.licensing.decisions), { cs: 3 })]]);
    blocks.push([head('第二十条第（六）项'), [C('信息内容', { head: true }), C('本年处理决定数量', { head: true, cs: 3 })],
      [C('行政处罚'), C(num(ad.punishment.decisions), { cs: 3 })],
      [C('行政强制'), C(num(ad.coercion.decisions), { cs: 3 })]]);
    blocks.push([head('第二十条第（八）项'), [C('信息内容', { head: true }), C('本年收费金额（单位：万元）', { head: true, cs: 3 })],
      [C('行政事业性收费'), C(num(ad.fees.amount), { cs: 3 })]]);
  } else {
    const three = (k, label) => [C(label), C(num(ad[k].lastYear)), C(change(ad[k].change, k)), C(num(ad[k].decisions))];
    const hdr3 = [C('信息内容', { head: true }), C('上一年项目数量', { head: true }), C('本年增/减', { head: true }), C('处理决定数量', { head: true })];
    blocks.push([head('第二十条第（一）项'), [C('信息内容', { head: true }), C('本年新制作数量', { head: true }), C('本年新公开数量', { head: true }), C('对外公开总数量', { head: true })],
      [C('规章'), C(num(ad.regulations.made)), C(num(ad.regulations.published)), C(num(ad.regulations.totalPublished))],
      [C('规范性文件'), C(num(ad.normativeDocuments.made)), C(num(ad.normativeDocuments.published)), C(num(ad.normativeDocuments.totalPublished))]]);
    blocks.push([head('第二十条第（五）项'), hdr3, three('licensing', '行政许可'), three('otherServices', '其他对外管理服务事项')]);
    blocks.push([head('第二十条第（六）项'), hdr3, three('punishment', '行政处罚'), three('coercion', '行政强制')]);
    blocks.push([head('第二十条第（八）项'), [C('信息内容', { head: true }), C('上一年项目数量', { head: true }), C('本年增/减', { head: true, cs: 2 })],
      [C('行政事业性收费'), C(num(ad.fees.lastYear)), C(change(ad.fees.change, 'fees'), { cs: 2 })]]);
    const p = ad.procurement;
    const unitIn = p.amountUnit ? (o.amountUnitIn ?? 'header') : 'none';
    const amountHead = unitIn === 'header' ? `采购总金额（${p.amountUnit}）` : '采购总金额';
    const amount = unitIn === 'cell' && p.amount !== 0 ? `${num(p.amount)}${p.amountUnit}` : num(p.amount);
    blocks.push([head('第二十条第（九）项'), [C('信息内容', { head: true }), C('采购项目数量', { head: true }), C(amountHead, { head: true, cs: 2 })],
      [C('政府集中采购'), C(num(p.projects)), C(amount, { cs: 2 })]]);
  }
  const widths = [30, 23, 23, 24];
  if (o.table2 === 'split') return blocks.map((rows) => ({ kind: 'table2', small: true, widths, rows }));
  return [{ kind: 'table2', widths, rows: blocks.flat() }];
}

const T3_LABELS = {
  note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  results: '三、本年度办理结果',
  granted: '（一）予以公开',
  partiallyGranted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  denied: '（三）不予公开',
  'denied.stateSecret': '1.属于国家秘密',
  'denied.lawForbidden': '2.其他法律行政法规禁止公开',
  'denied.threeSafetiesOneStability': '3.危及“三安全一稳定”',
  'denied.thirdPartyRights': '4.保护第三方合法权益',
  'denied.internalAffairs': '5.属于三类内部事务信息',
  'denied.processInfo': '6.属于四类过程性信息',
  'denied.enforcementCaseFile': '7.属于行政执法案卷',
  'denied.administrativeQuery': '8.属于行政查询事项',
  unableToProvide: '（四）无法提供',
  'unableToProvide.notHeld': '1.本机关不掌握相关政府信息',
  'unableToProvide.needsCreation': '2.没有现成信息需要另行制作',
  'unableToProvide.unclear': '3.补正后申请内容仍不明确',
  notProcessed: '（五）不予处理',
  'notProcessed.complaint': '1.信访举报投诉类申请',
  'notProcessed.repeated': '2.重复申请',
  'notProcessed.publication': '3.要求提供公开出版物',
  'notProcessed.massive': '4.无正当理由大量反复申请',
  'notProcessed.confirmation': '5.要求行政机关确认或重新出具已获取信息',
  otherHandling: '（六）其他处理',
  'otherHandling.overdueCorrection': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'otherHandling.unpaidFee': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'otherHandling.other': '3.其他',
  totalProcessed: '（七）总计',
  carriedForward: '四、结转下年度继续办理',
};

function table3(r, o) {
  const { num } = printer(o);
  const a = r.applications;
  const lbl = (k) => (o.parens === 'half' ? halfParens(T3_LABELS[k]) : T3_LABELS[k]);
  const vals = (row) => COLS7.map((c) => C(num(row[c])));
  const single = 'total' in a.otherHandling;
  const nResults = 2 + 8 + 3 + 5 + (single ? 1 : 3) + 1;
  const rows = [
    [C(T3_LABELS.note, { rs: 3, cs: 3, head: true }), C('申请人情况', { cs: 7, head: true })],
    [C('自然人', { rs: 2, head: true }), C('法人或其他组织', { cs: 5, head: true }), C('总计', { rs: 2, head: true })],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => C(t, { head: true })),
    [C(lbl('newReceived'), { cs: 3, left: true }), ...vals(a.newReceived)],
    [C(lbl('carriedOver'), { cs: 3, left: true }), ...vals(a.carriedOver)],
    [C(lbl('results'), { rs: nResults }), C(lbl('granted'), { cs: 2, left: true }), ...vals(a.granted)],
    [C(lbl('partiallyGranted'), { cs: 2, left: true }), ...vals(a.partiallyGranted)],
  ];
  for (const [g, keys] of Object.entries(GROUP_ROWS)) {
    keys.forEach((k, i) => rows.push([...(i === 0 ? [C(lbl(g), { rs: keys.length })] : []), C(lbl(`${g}.${k}`), { left: true }), ...vals(a[g][k])]));
  }
  if (single) rows.push([C(lbl('otherHandling'), { cs: 2, left: true }), ...vals(a.otherHandling.total)]);
  else OTHER3.forEach((k, i) => rows.push([...(i === 0 ? [C(lbl('otherHandling'), { rs: 3 })] : []), C(lbl(`otherHandling.${k}`), { left: true }), ...vals(a.otherHandling[k])]));
  rows.push([C(lbl('totalProcessed'), { cs: 2, left: true }), ...vals(a.totalProcessed)]);
  rows.push([C(lbl('carriedForward'), { cs: 3, left: true }), ...vals(a.carriedForward)]);
  return { kind: 'table3', widths: [6, 9, 34, ...Array(7).fill(51 / 7)], rows };
}

function table4(r, o) {
  const { num } = printer(o);
  const rl = r.reviewLitigation;
  const sub = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return {
    kind: 'table4',
    widths: Array(15).fill(1),
    rows: [
      [C('行政复议', { cs: 5, head: true }), C('行政诉讼', { cs: 10, head: true })],
      [...sub.map((t) => C(t, { rs: 2, head: true })), C('未经复议直接起诉', { cs: 5, head: true }), C('复议后起诉', { cs: 5, head: true })],
      [...sub, ...sub].map((t) => C(t, { head: true })),
      RL_GROUPS.flatMap((g) => RL_COLS.map((c) => C(num(rl[g][c])))),
    ],
  };
}

// ------------------------------------------------------------------ document blocks

function headingParts(h) {
  const m = /^([一二三四五六])、\s*(.*)$/.exec(h);
  if (!m) throw new Error(`heading without number: ${h}`);
  return { number: `${m[1]}、`, text: m[2] };
}

/** The report as a flat list of blocks, shared by the DOCX and HTML renderers. */
function blocks(r, o) {
  const out = [];
  const title = r.meta.title;
  if ((o.titleLines ?? 1) === 2) {
    const i = title.search(/\d{4}年/);
    out.push({ type: 'title', lines: [title.slice(0, i), title.slice(i)] });
  } else out.push({ type: 'title', lines: [title] });
  if (o.preamble !== false && r.preamble) for (const p of r.preamble.split('\n')) out.push({ type: 'para', text: p });
  const heading = (h) => {
    const { number, text } = headingParts(h);
    out.push({ type: 'heading', number, text, full: number + (o.headingSpace ? ' ' : '') + text, pageBreakBefore: (o.breakBefore ?? []).includes(number[0]) });
  };
  const paras = (t) => t.split('\n').forEach((p) => out.push({ type: 'para', text: p }));
  heading(r.overview.heading); paras(r.overview.text);
  heading(r.activeDisclosure.heading);
  for (const t of table2(r, o)) out.push({ type: 'table', table: t });
  heading(r.applications.heading);
  out.push({ type: 'table', table: table3(r, o) });
  heading(r.reviewLitigation.heading);
  out.push({ type: 'table', table: table4(r, o) });
  heading(r.problems.heading); paras(r.problems.text);
  heading(r.otherMatters.heading); paras(r.otherMatters.text);
  out.push({ type: 'signature', lines: [r.meta.agency, cnDate(r.meta.publishedAt)] });
  return out;
}

// ------------------------------------------------------------------ DOCX

const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1588, right: 1474 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

function docxFonts(o) {
  return {
    body: o.font ?? '仿宋_GB2312',
    heading: o.headingFont ?? o.font ?? '黑体',
    title: o.titleFont ?? o.font ?? '方正小标宋简体',
    table: o.tableFont ?? o.font ?? '仿宋_GB2312',
    size: (o.fontSize ?? 16) * 2, // half-points
    tableSize: (o.tableFontSize ?? 10.5) * 2,
  };
}

function docxTable(t, f, o) {
  const total = t.widths.reduce((s, w) => s + w, 0);
  const widths = t.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  // Track the grid column of each cell so spanned cells get the right width.
  const occupied = t.rows.map(() => []);
  const rows = t.rows.map((cells, ri) => {
    let col = 0;
    const children = cells.map((c) => {
      while (occupied[ri][col]) col++;
      const cs = c.cs ?? 1, rs = c.rs ?? 1;
      for (let y = ri; y < ri + rs; y++) for (let x = col; x < col + cs; x++) if (occupied[y]) occupied[y][x] = true;
      const w = widths.slice(col, col + cs).reduce((s, x) => s + x, 0);
      col += cs;
      return new docx.TableCell({
        width: { size: w, type: docx.WidthType.DXA },
        columnSpan: cs > 1 ? cs : undefined,
        rowSpan: rs > 1 ? rs : undefined,
        verticalAlign: docx.VerticalAlign.CENTER,
        margins: { top: 20, bottom: 20, left: 50, right: 50 },
        children: [new docx.Paragraph({
          alignment: c.left ? docx.AlignmentType.LEFT : docx.AlignmentType.CENTER,
          spacing: { line: Math.round(f.tableSize * 10 * 1.25), lineRule: docx.LineRuleType.EXACT, before: 0, after: 0 },
          children: c.t === '' ? [] : [new docx.TextRun({ text: c.t, font: f.table, size: f.tableSize })],
        })],
      });
    });
    return new docx.TableRow({ children, cantSplit: !o.rowsMayBreak });
  });
  return new docx.Table({ rows, width: { size: TEXT_WIDTH, type: docx.WidthType.DXA }, columnWidths: widths, layout: docx.TableLayoutType.FIXED });
}

async function renderDocx(r, o) {
  const f = docxFonts(o);
  const indent = { firstLine: f.size * 20 }; // two characters
  const bodySpacing = { line: Math.round(f.size * 10 * 1.75), lineRule: docx.LineRuleType.EXACT, before: 0, after: 0 };
  const run = (text, x = {}) => new docx.TextRun({ text, font: f.body, size: f.size, ...x });
  const children = [];
  let prevTable = false;
  for (const b of blocks(r, o)) {
    if (b.type !== 'table' && prevTable) prevTable = false;
    if (b.type === 'title') {
      for (const line of b.lines) children.push(new docx.Paragraph({ alignment: docx.AlignmentType.CENTER, spacing: { before: 0, after: 120, line: 360, lineRule: docx.LineRuleType.AUTO }, children: [new docx.TextRun({ text: line, font: f.title, size: 44, bold: !!o.titleBold })] }));
      children.push(new docx.Paragraph({ children: [] }));
    } else if (b.type === 'para') {
      children.push(new docx.Paragraph({ indent, spacing: bodySpacing, alignment: docx.AlignmentType.JUSTIFIED, children: [run(b.text)] }));
    } else if (b.type === 'heading') {
      const bold = o.headingBold !== false;
      if (o.autoNumber) {
        children.push(new docx.Paragraph({ numbering: { reference: 'report-sections', level: 0 }, spacing: bodySpacing, keepNext: true, pageBreakBefore: b.pageBreakBefore || undefined, children: [new docx.TextRun({ text: b.text, font: f.heading, size: f.size, bold })] }));
      } else {
        children.push(new docx.Paragraph({ indent, spacing: bodySpacing, keepNext: true, pageBreakBefore: b.pageBreakBefore || undefined, children: [new docx.TextRun({ text: b.full, font: f.heading, size: f.size, bold })] }));
      }
    } else if (b.type === 'table') {
      // Word merges adjacent tables: keep an (empty) paragraph between two tables.
      if (prevTable) children.push(new docx.Paragraph({ spacing: { before: 0, after: 0 }, children: [] }));
      children.push(docxTable(b.table, f, o));
      prevTable = true;
    } else if (b.type === 'signature') {
      children.push(new docx.Paragraph({ children: [] }));
      for (const line of b.lines) children.push(new docx.Paragraph({ alignment: docx.AlignmentType.RIGHT, spacing: bodySpacing, indent: { right: f.size * 20 }, children: [run(line)] }));
    }
  }
  return packDocx(children, o, r.meta.publishedAt, r.meta.title);
}

async function packDocx(children, o, isoDate, title) {
  const f = docxFonts(o);
  const section = {
    properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 851, footer: 992 } } },
    children,
  };
  if (o.runningHeader) {
    section.headers = { default: new docx.Header({ children: [new docx.Paragraph({ alignment: docx.AlignmentType.CENTER, border: { bottom: { style: docx.BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, children: [new docx.TextRun({ text: o.runningHeader, font: f.body, size: 18 })] })] }) };
  }
  if (o.pageNumbers) {
    const parts = o.pageNumbers === 'of' ? ['第 ', docx.PageNumber.CURRENT, ' 页 共 ', docx.PageNumber.TOTAL_PAGES, ' 页'] : ['- ', docx.PageNumber.CURRENT, ' -'];
    section.footers = { default: new docx.Footer({ children: [new docx.Paragraph({ alignment: docx.AlignmentType.CENTER, children: [new docx.TextRun({ children: parts, font: f.body, size: 24 })] })] }) };
  }
  const doc = new docx.Document({
    creator: o.author ?? 'Administrator',
    lastModifiedBy: o.author ?? 'Administrator',
    title,
    revision: 3,
    styles: { default: { document: { run: { font: f.body, size: f.size } } } },
    numbering: {
      config: [{
        reference: 'report-sections',
        levels: [{ level: 0, format: docx.LevelFormat.CHINESE_COUNTING, text: '%1、', suffix: docx.LevelSuffix.NOTHING, alignment: docx.AlignmentType.LEFT, style: { paragraph: { indent: { firstLine: f.size * 20 } }, run: { font: f.heading, size: f.size, bold: o.headingBold !== false } } }],
      }],
    },
    sections: [section],
  });
  return normaliseZip(await docx.Packer.toBuffer(doc), isoDate);
}

/** Fixed core-property dates and zip entry dates, so re-running gives identical bytes. */
async function normaliseZip(buf, isoDate) {
  const stamp = `${isoDate}T09:30:00Z`;
  const when = new Date(`${isoDate}T09:30:00Z`);
  const zin = await JSZip.loadAsync(buf);
  const zout = new JSZip();
  for (const name of Object.keys(zin.files).sort()) {
    const entry = zin.files[name];
    if (entry.dir) continue;
    let data = await entry.async('nodebuffer');
    if (name === 'docProps/core.xml') {
      data = Buffer.from(data.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`), 'utf8');
    }
    zout.file(name, data, { date: when, createFolders: false });
  }
  return zout.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

// ------------------------------------------------------------------ HTML

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlTable(t, o) {
  const border = o.borders !== false;
  const rows = t.rows.map((cells) => '<tr>' + cells.map((c) => {
    const attrs = [c.rs > 1 ? ` rowspan="${c.rs}"` : '', c.cs > 1 ? ` colspan="${c.cs}"` : '', c.left ? '' : ' align="center"'].join('');
    return `<td${attrs}>${esc(c.t)}</td>`;
  }).join('') + '</tr>').join('\n');
  const cls = `data ${t.kind}${t.small ? ' small' : ''}`;
  return border
    ? `<table class="${cls}" border="1" cellspacing="0" cellpadding="3" width="100%">\n${rows}\n</table>`
    : `<table class="${cls}" cellspacing="0" cellpadding="3" width="100%">\n${rows}\n</table>`;
}

function renderHtml(r, o) {
  const font = o.font ? `"${o.font}", ` : '';
  const border = o.borders !== false;
  const fur = o.furniture;
  const css = [
    `body { font-family: ${font}"Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: ${o.fontSize ?? 12}pt; color: #222; margin: 0; }`,
    '.wrap { max-width: 980px; margin: 0 auto; }',
    '.banner { background: #b5121b; color: #fff; font-size: 22pt; padding: 14px 20px; letter-spacing: 2px; }',
    '.nav { background: #8e0e15; color: #fff; font-size: 10.5pt; padding: 6px 20px; }',
    '.crumb { font-size: 9pt; color: #666; padding: 8px 20px; border-bottom: 1px solid #ddd; }',
    '.article { padding: 10px 40px; }',
    'h1.title { font-size: 18pt; text-align: center; margin: 18px 0 8px; }',
    '.info { font-size: 9pt; color: #888; text-align: center; border-bottom: 1px dashed #ccc; padding-bottom: 8px; margin-bottom: 14px; }',
    '.content p { text-indent: 2em; line-height: 1.8; margin: 0; }',
    '.content p.h { margin-top: 6px; }',
    '.content p.break { break-before: page; }',
    '.content p.h { break-after: avoid; }',
    'table.data tr { break-inside: avoid; }',
    'table.table4, table.data.small { break-inside: avoid; }',
    '.content p.sign { text-align: right; text-indent: 0; padding-right: 2em; }',
    `table.data { border-collapse: collapse; margin: 6px 0 10px; font-size: ${o.tableFontSize ?? 10.5}pt; }`,
    border ? 'table.data td { border: 1px solid #000; padding: 3px 4px; }' : 'table.data, table.data td { border: none; padding: 3px 4px; }',
    '.footer { margin-top: 30px; border-top: 3px solid #b5121b; background: #f3f3f3; font-size: 9pt; color: #555; text-align: center; padding: 10px 0 16px; }',
    '.footer p { margin: 4px 0; }',
    `@page { size: A4; margin: 22mm 18mm;${o.runningHeader ? ` @top-center { content: "${o.runningHeader}"; font-size: 9pt; color: #444; }` : ''}${o.pageNumbers ? ` @bottom-center { content: ${o.pageNumbers === 'of' ? '"第 " counter(page) " 页 共 " counter(pages) " 页"' : '"- " counter(page) " -"'}; font-size: 10pt; }` : ''} }`,
  ].join('\n');
  const charset = o.charset ?? 'utf-8';
  const meta = charset === 'gbk-http-equiv' ? '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'
    : charset === 'gb2312' ? '<meta charset="gb2312">' : '<meta charset="utf-8">';
  const body = [];
  if (fur) {
    body.push(`<div class="banner">${esc(fur.site)}</div>`);
    body.push('<div class="nav">首页　|　政务公开　|　政务服务　|　互动交流　|　走进' + esc(fur.short ?? '') + '</div>');
    body.push(`<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/xxgk/">政府信息公开</a> &gt; 政府信息公开年报</div>`);
  }
  body.push('<div class="article">');
  for (const b of blocks(r, o)) {
    if (b.type === 'title') {
      body.push(`<h1 class="title">${b.lines.map(esc).join('<br>')}</h1>`);
      if (fur) body.push(`<div class="info">发布时间：${r.meta.publishedAt}　　来源：${esc(r.meta.agency)}　　浏览次数：${fur.views ?? 1024}　　【字体：大 中 小】　【打印】</div>`);
      body.push('<div class="content">');
    } else if (b.type === 'para') body.push(`<p>${esc(b.text)}</p>`);
    else if (b.type === 'heading') {
      const cls = b.pageBreakBefore ? 'h' + ' break' : 'h';
      body.push(o.headingBold === false ? `<p class="${cls}">${esc(b.full)}</p>` : `<p class="${cls}"><strong>${esc(b.full)}</strong></p>`);
    }
    else if (b.type === 'table') body.push(htmlTable(b.table, o));
    else if (b.type === 'signature') {
      body.push('<p>&nbsp;</p>');
      for (const l of b.lines) body.push(`<p class="sign">${esc(l)}</p>`);
      body.push('</div>');
    }
  }
  body.push('</div>');
  if (fur) {
    body.push('<div class="footer">');
    body.push('<p>【打印本页】　【关闭窗口】　【返回顶部】</p>');
    body.push(`<p>主办：${esc(fur.host ?? fur.site)}　　承办：${esc(fur.operator ?? '信息中心')}</p>`);
    body.push(`<p>网站标识码：${esc(fur.siteCode ?? '0000000000')}　　${esc(fur.icp ?? 'ICP备00000000号')}</p>`);
    body.push('</div>');
  }
  const html = `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n${meta}\n<title>${esc(r.meta.title)}</title>\n<style>\n${css}\n</style>\n</head>\n<body>\n<div class="wrap">\n${body.join('\n')}\n</div>\n</body>\n</html>\n`;
  return encodeHtml(html, charset);
}

function encodeHtml(html, charset) {
  if (charset === 'utf-8') return Buffer.from(html, 'utf8');
  const bytes = iconv.encode(html, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== html) throw new Error('text not representable in GBK');
  return bytes;
}

// ------------------------------------------------------------------ a document that is not a report

async function renderNotice(o) {
  const f = docxFonts(o);
  const indent = { firstLine: f.size * 20 };
  const sp = { line: 560, lineRule: docx.LineRuleType.EXACT, before: 0, after: 0 };
  const p = (text, x = {}) => new docx.Paragraph({ indent, spacing: sp, ...x, children: [new docx.TextRun({ text, font: f.body, size: f.size })] });
  const cell = (t, w) => new docx.TableCell({ width: { size: w, type: docx.WidthType.DXA }, verticalAlign: docx.VerticalAlign.CENTER, children: [new docx.Paragraph({ alignment: docx.AlignmentType.CENTER, children: t ? [new docx.TextRun({ text: t, font: f.table, size: 24 })] : [] })] });
  const widths = [2800, 1500, 1800, 2744];
  const table = new docx.Table({
    width: { size: TEXT_WIDTH, type: docx.WidthType.DXA }, columnWidths: widths, layout: docx.TableLayoutType.FIXED,
    rows: [['单位名称', '姓名', '职务', '联系电话'], ['', '', '', ''], ['', '', '', ''], ['', '', '', '']].map((r) => new docx.TableRow({ height: { value: 560, rule: docx.HeightRule.ATLEAST }, children: r.map((t, i) => cell(t, widths[i])) })),
  });
  const children = [
    new docx.Paragraph({ alignment: docx.AlignmentType.CENTER, spacing: { after: 240 }, children: [new docx.TextRun({ text: '关于召开2023年度全区政务公开工作推进会的通知', font: f.title, size: 44 })] }),
    new docx.Paragraph({ spacing: sp, children: [new docx.TextRun({ text: '各街道办事处，区政府各部门、各直属机构：', font: f.body, size: f.size })] }),
    p('为贯彻落实上级关于政务公开工作的部署要求，总结2022年度政府信息公开工作，安排部署2023年度重点任务，经区政府同意，定于近期召开全区政务公开工作推进会。现将有关事项通知如下：'),
    p('一、会议时间'),
    p('2023年3月14日（星期二）上午9:00，会期半天。'),
    p('二、会议地点'),
    p('区行政中心三楼第二会议室。'),
    p('三、参会人员'),
    p('各街道办事处分管负责同志，区政府各部门、各直属机构分管负责同志及政务公开工作人员各1名。'),
    p('四、会议议程'),
    p('（一）通报2022年度全区政府信息公开工作年度报告编制和发布情况；（二）解读2023年政务公开工作要点；（三）开展依申请公开办理业务培训。'),
    p('五、其他事项'),
    p('请各单位于3月10日下班前将参会人员回执报送至区政府办公室政务公开科，联系电话：0735-8123456。'),
    new docx.Paragraph({ spacing: sp, children: [new docx.TextRun({ text: '附件：参会人员回执', font: f.body, size: f.size })] }),
    new docx.Paragraph({ children: [] }),
    table,
    new docx.Paragraph({ children: [] }),
    new docx.Paragraph({ alignment: docx.AlignmentType.RIGHT, spacing: sp, indent: { right: 640 }, children: [new docx.TextRun({ text: '云州市河西区人民政府办公室', font: f.body, size: f.size })] }),
    new docx.Paragraph({ alignment: docx.AlignmentType.RIGHT, spacing: sp, indent: { right: 640 }, children: [new docx.TextRun({ text: '2023年3月6日', font: f.body, size: f.size })] }),
  ];
  return packDocx(children, o, '2023-03-06', '关于召开2023年度全区政务公开工作推进会的通知');
}

// ------------------------------------------------------------------ PDF

function findTool(names) {
  for (const n of names) {
    if (!n) continue;
    const res = spawnSync(n, ['--version'], { encoding: 'utf8', timeout: 60000 });
    if (res.status === 0) return n;
  }
  return null;
}

/** Overwrite creation/modification dates and document IDs in place (same byte length). */
function fixPdf(buf, isoDate) {
  let s = buf.toString('latin1');
  const digits = isoDate.replace(/-/g, '') + '093000';
  s = s.replace(/\((D:\d{14})([^)]*)\)/g, (m, d, rest) => `(D:${digits}${rest.replace(/\d/g, '0')})`);
  s = s.replace(/(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(<)/g, (m, a, v, b) => a + fixIso(v, isoDate) + b);
  const seed = crypto.createHash('md5').update(isoDate).digest('hex').toUpperCase();
  s = s.replace(/\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/g, (m, a, b) => m.replace(a, seed.slice(0, a.length).padEnd(a.length, '0')).replace(b, seed.slice(0, b.length).padEnd(b.length, '0')));
  s = s.replace(/(\/DocChecksum \/)([0-9A-F]+)/g, (m, a, h) => a + seed.slice(0, h.length).padEnd(h.length, '0'));
  s = s.replace(/(uuid:)([0-9a-f-]{36})/g, (m, a) => a + '00000000-0000-4000-8000-' + seed.slice(0, 12).toLowerCase());
  const out = Buffer.from(s, 'latin1');
  if (out.length !== buf.length) throw new Error('PDF length changed while fixing metadata');
  return out;
}
function fixIso(v, isoDate) {
  const fixed = `${isoDate}T09:30:00`;
  return fixed + v.slice(fixed.length).replace(/\d/g, '0');
}

function sofficeToPdf(soffice, docxPath, outDir, profile) {
  const res = spawnSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', outDir, docxPath], { encoding: 'utf8', timeout: 180000 });
  const pdf = path.join(outDir, path.basename(docxPath).replace(/\.docx$/, '.pdf'));
  if (res.status !== 0 || !fs.existsSync(pdf)) throw new Error(`soffice failed: ${res.stderr || res.stdout}`);
  return fs.readFileSync(pdf);
}

function chromiumToPdf(chromium, htmlPath, outPdf, profile) {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    '--disable-dev-shm-usage', `--user-data-dir=${profile}`, '--no-pdf-header-footer', '--print-to-pdf-no-header', `--print-to-pdf=${outPdf}`, pathToFileURL(htmlPath).href];
  const res = spawnSync(chromium, args, { encoding: 'utf8', timeout: 180000 });
  if (!fs.existsSync(outPdf)) throw new Error(`chromium failed: ${res.stderr || res.stdout}`);
  return fs.readFileSync(outPdf);
}

// ------------------------------------------------------------------ main

async function main() {
  const argv = process.argv.slice(2);
  const noPdf = argv.includes('--no-pdf');
  const only = argv.filter((a) => !a.startsWith('--'));
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));

  // 1. Report definitions: shape and arithmetic.
  (await import('./gen-series.mjs')).writeSeriesDefinitions(REPORTS);
  const reports = {};
  let bad = false;
  for (const f of fs.readdirSync(REPORTS).filter((x) => x.endsWith('.json')).sort()) {
    const id = f.replace(/\.json$/, '');
    const r = JSON.parse(fs.readFileSync(path.join(REPORTS, f), 'utf8'));
    validate(id, r);
    reports[id] = r;
    const failed = checks(r).filter((c) => !c.passed).map((c) => c.rule);
    const expected = EXPECTED_FAILURES[id] ?? [];
    const ok = failed.length === expected.length && failed.every((x) => expected.includes(x));
    if (!ok) bad = true;
    console.log(`${ok ? 'ok  ' : 'BAD '} ${id}${failed.length ? `  (failing as printed: ${failed.join(', ')})` : ''}`);
  }
  if (bad) { console.error('report definitions do not match their expected arithmetic'); process.exit(1); }

  // 2. Documents.
  fs.mkdirSync(DOCS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-samples-'));
  let soffice, chromium;
  const skipped = [];
  try {
    for (const e of manifest) {
      if (only.length && !only.includes(e.file)) continue;
      const r = e.report ? reports[e.report] : null;
      if (e.report && !r) throw new Error(`${e.file}: unknown report ${e.report}`);
      const o = e.options ?? {};
      const out = path.join(DOCS, e.file);
      let bytes;
      if (e.format === 'docx') bytes = r ? await renderDocx(r, o) : await renderNotice(o);
      else if (e.format === 'html') bytes = renderHtml(r, o);
      else if (e.format === 'pdf') {
        if (noPdf) { skipped.push(`${e.file} (--no-pdf)`); continue; }
        if (o.via === 'docx') {
          soffice ??= findTool([process.env.SOFFICE, 'soffice', 'libreoffice']) ?? false;
          if (!soffice) { skipped.push(`${e.file} (LibreOffice 'soffice' not found)`); continue; }
          const src = path.join(tmp, e.file.replace(/\.pdf$/, '') + '.docx');
          fs.writeFileSync(src, await renderDocx(r, o));
          bytes = fixPdf(sofficeToPdf(soffice, src, path.join(tmp, 'lo-out'), path.join(tmp, 'lo-profile')), r.meta.publishedAt);
        } else if (o.via === 'html') {
          chromium ??= findTool([process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome']) ?? false;
          if (!chromium) { skipped.push(`${e.file} (Chromium not found)`); continue; }
          const src = path.join(tmp, e.file.replace(/\.pdf$/, '') + '.html');
          fs.writeFileSync(src, renderHtml(r, o));
          bytes = fixPdf(chromiumToPdf(chromium, src, path.join(tmp, e.file), path.join(tmp, 'chrome-profile')), r.meta.publishedAt);
        } else throw new Error(`${e.file}: options.via must be "docx" or "html"`);
      } else throw new Error(`${e.file}: format ${e.format}`);
      fs.writeFileSync(out, bytes);
      console.log(`wrote docs/${e.file} (${bytes.length} bytes)`);
    }
    await (await import('./gen-legacy.mjs')).makeLegacySamples({ docs: DOCS, only, noPdf, tmp, skipped, helpers: { normaliseZip, findTool, sofficeToPdf, chromiumToPdf, fixPdf } });
    await (await import('./gen-hardening.mjs')).makeHardening({ reports, only, noPdf, tmp, renderDocx, renderHtml, findTool, sofficeToPdf, chromiumToPdf, fixPdf });
    await (await import('./gen-scans.mjs')).makeScans({ skipped, tmp });
    await (await import('./gen-legacy-scans.mjs')).makeLegacyScans({ skipped, tmp });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const s of skipped) console.log(`skipped docs/${s}; the committed file is left as it is`);
}

main().catch((err) => { console.error(err); process.exit(1); });
