/**
 * Repairs in `word/document.xml` for what mammoth loses, done before mammoth
 * reads the file (see notes/reading-pdf-and-docx.md):
 * - automatic numbering (a heading numbered 一、 by Word arrives without it):
 *   the rendered number is written into the paragraph as text;
 * - `w:gridBefore` / `w:gridAfter` (a row that starts or ends short of the
 *   grid): mammoth ignores them and a merged cell lands in the wrong column,
 *   so the row is padded with empty cells of that width;
 * - `w:fldSimple` (a simple field, e.g. a cell holding `=SUM(LEFT)` whose
 *   printed result is `7`): mammoth drops the element with its result, so it
 *   is replaced by its result runs; the instruction (`w:instr`) is never
 *   read. Complex fields (`w:fldChar` begin/separate/end) mammoth already
 *   reads as their result runs, without the `w:instrText`.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { formatCounter } from './numbering.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Level {
  numFmt: string;
  lvlText: string;
  start: number;
}

interface Numbering {
  abstract: Map<string, Map<number, Level>>;
  nums: Map<string, { abstractId: string; restart: boolean; overrides: Map<number, Partial<Level>> }>;
}

type El = Element;

function children(el: El, name: string): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as El).nodeName === name) out.push(n as El);
  return out;
}

function child(el: El | undefined, name: string): El | undefined {
  return el ? children(el, name)[0] : undefined;
}

function val(el: El | undefined): string | undefined {
  return el?.getAttribute('w:val') ?? undefined;
}

function readLevel(lvl: El): [number, Partial<Level>] {
  const level: Partial<Level> = {};
  const fmt = val(child(lvl, 'w:numFmt'));
  if (fmt) level.numFmt = fmt;
  const text = val(child(lvl, 'w:lvlText'));
  if (text !== undefined) level.lvlText = text;
  const start = val(child(lvl, 'w:start'));
  if (start !== undefined) level.start = Number(start);
  return [Number(lvl.getAttribute('w:ilvl') ?? 0), level];
}

function readNumbering(xml: string | undefined): Numbering {
  const numbering: Numbering = { abstract: new Map(), nums: new Map() };
  if (!xml) return numbering;
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as El | null;
  if (!root) return numbering;
  for (const a of children(root, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of children(a, 'w:lvl')) {
      const [ilvl, l] = readLevel(lvl);
      levels.set(ilvl, { numFmt: l.numFmt ?? 'decimal', lvlText: l.lvlText ?? '', start: l.start ?? 1 });
    }
    numbering.abstract.set(a.getAttribute('w:abstractNumId') ?? '', levels);
  }
  for (const num of children(root, 'w:num')) {
    const overrides = new Map<number, Partial<Level>>();
    let restart = false;
    for (const o of children(num, 'w:lvlOverride')) {
      const ilvl = Number(o.getAttribute('w:ilvl') ?? 0);
      const startOverride = val(child(o, 'w:startOverride'));
      const lvl = child(o, 'w:lvl');
      const level: Partial<Level> = lvl ? readLevel(lvl)[1] : {};
      if (startOverride !== undefined) level.start = Number(startOverride);
      restart = true;
      overrides.set(ilvl, level);
    }
    numbering.nums.set(num.getAttribute('w:numId') ?? '', {
      abstractId: val(child(num, 'w:abstractNumId')) ?? '',
      restart,
      overrides,
    });
  }
  return numbering;
}

/** Paragraph style id → its numbering (numId, ilvl), following `w:basedOn`. */
function readStyleNumbering(xml: string | undefined): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  if (!xml) return out;
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as El | null;
  if (!root) return out;
  const styles = new Map<string, El>();
  for (const s of children(root, 'w:style')) styles.set(s.getAttribute('w:styleId') ?? '', s);
  for (const id of styles.keys()) {
    let s = styles.get(id);
    for (let depth = 0; s && depth < 10; depth++) {
      const numPr = child(child(s, 'w:pPr'), 'w:numPr');
      const numId = val(child(numPr, 'w:numId'));
      if (numId) {
        out.set(id, { numId, ilvl: Number(val(child(numPr, 'w:ilvl')) ?? 0) });
        break;
      }
      const basedOn = val(child(s, 'w:basedOn'));
      s = basedOn ? styles.get(basedOn) : undefined;
    }
  }
  return out;
}

/** Writes each numbered paragraph's rendered number into it as a text run. */
function renderNumbering(doc: Document, numbering: Numbering, styleNumbering: ReturnType<typeof readStyleNumbering>): number {
  const counters = new Map<string, number[]>();
  let rendered = 0;
  const paragraphs = doc.getElementsByTagName('w:p');
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs.item(i) as unknown as El;
    const pPr = child(p, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const styled = styleNumbering.get(val(child(pPr, 'w:pStyle')) ?? '');
    const numId = val(child(numPr, 'w:numId')) ?? styled?.numId;
    if (!numId || numId === '0') continue;
    const ilvl = Number(val(child(numPr, 'w:ilvl')) ?? styled?.ilvl ?? 0);
    const num = numbering.nums.get(numId);
    const levels = num && numbering.abstract.get(num.abstractId);
    if (!num || !levels) continue;
    const levelOf = (k: number): Level | undefined => {
      const base = levels.get(k);
      const o = num.overrides.get(k);
      return base ? { ...base, ...o } : undefined;
    };
    const key = num.restart ? `num:${numId}` : `abs:${num.abstractId}`;
    const counter = counters.get(key) ?? [];
    counters.set(key, counter);
    counter[ilvl] = counter[ilvl] === undefined ? (levelOf(ilvl)?.start ?? 1) : counter[ilvl]! + 1;
    counter.length = ilvl + 1; // deeper levels restart
    const level = levelOf(ilvl);
    if (!level || level.numFmt === 'bullet') continue;
    const text = level.lvlText.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      const lvl = levelOf(k);
      return lvl ? formatCounter(counter[k] ?? lvl.start, lvl.numFmt) : '';
    });
    if (!text) continue;
    const r = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(text));
    r.appendChild(t);
    p.insertBefore(r, pPr ? pPr.nextSibling : p.firstChild);
    rendered++;
  }
  return rendered;
}

function emptyCell(doc: Document, span: number): El {
  const tc = doc.createElementNS(W, 'w:tc');
  const tcPr = doc.createElementNS(W, 'w:tcPr');
  const gridSpan = doc.createElementNS(W, 'w:gridSpan');
  gridSpan.setAttribute('w:val', String(span));
  tcPr.appendChild(gridSpan);
  tc.appendChild(tcPr);
  tc.appendChild(doc.createElementNS(W, 'w:p'));
  return tc as unknown as El;
}

/** Pads rows that declare `w:gridBefore`/`w:gridAfter` with empty cells of that width. */
function padGridRows(doc: Document): number {
  let padded = 0;
  const rows = doc.getElementsByTagName('w:tr');
  for (let i = 0; i < rows.length; i++) {
    const tr = rows.item(i) as unknown as El;
    const trPr = child(tr, 'w:trPr');
    const before = Number(val(child(trPr, 'w:gridBefore')) ?? 0);
    const after = Number(val(child(trPr, 'w:gridAfter')) ?? 0);
    if (before > 0) {
      const first = children(tr, 'w:tc')[0];
      tr.insertBefore(emptyCell(doc, before), first ?? null);
      padded++;
    }
    if (after > 0) {
      tr.appendChild(emptyCell(doc, after));
      padded++;
    }
  }
  return padded;
}

/** Replaces each `w:fldSimple` by its children (the field's result runs), innermost first. */
function unwrapSimpleFields(doc: Document): number {
  const fields = doc.getElementsByTagName('w:fldSimple');
  const all: El[] = [];
  for (let i = 0; i < fields.length; i++) all.push(fields.item(i) as unknown as El);
  for (const field of all.reverse()) {
    const parent = field.parentNode;
    if (!parent) continue;
    while (field.firstChild) parent.insertBefore(field.firstChild, field);
    parent.removeChild(field);
  }
  return all.length;
}

/**
 * The repaired document.xml, or undefined when nothing needed repair (the
 * common case, which then costs one string search).
 */
export function prepareDocumentXml(documentXml: string, numberingXml?: string, stylesXml?: string): string | undefined {
  const hasNumbering = !!numberingXml && (documentXml.includes('<w:numPr') || (stylesXml ?? '').includes('<w:numPr'));
  const hasGrid = documentXml.includes('<w:gridBefore') || documentXml.includes('<w:gridAfter');
  const hasSimpleFields = documentXml.includes('<w:fldSimple');
  if (!hasNumbering && !hasGrid && !hasSimpleFields) return undefined;
  const doc = new DOMParser().parseFromString(documentXml, 'text/xml') as unknown as Document;
  let changes = 0;
  if (hasNumbering) changes += renderNumbering(doc, readNumbering(numberingXml), readStyleNumbering(stylesXml));
  if (hasGrid) changes += padGridRows(doc);
  if (hasSimpleFields) changes += unwrapSimpleFields(doc);
  return changes ? new XMLSerializer().serializeToString(doc as never) : undefined;
}
