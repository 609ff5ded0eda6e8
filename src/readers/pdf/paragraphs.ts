/**
 * Lines → paragraphs. A PDF has no paragraphs, only lines; a new paragraph is
 * recognised by what typesetters do to start one: a first-line indent, a
 * short last line before it, extra vertical space, a change of font size or
 * weight, a centred line (titles), or a heading number such as `一、`.
 */

import type { Line, Paragraph, TextStyle } from '../../model/document.js';
import { joinWrapped } from '../../text/cjk.js';
import { toBBox, union } from './geometry.js';
import { pitchFor, type Layout } from './layout.js';
import type { TextLine } from './lines.js';

/** A line in reading order, or a table that interrupts the text flow. */
export type FlowEntry = { kind: 'line'; line: TextLine } | { kind: 'barrier' };

/** Section headings of the template (`一、总体情况`) and numbered sub-headings. */
const SECTION_HEADING = /^[一二三四五六七八九十]{1,3}、/;
const SUB_HEADING = /^([（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、])/;
const SENTENCE_END = /[。！？；：:;!?]$/;
/** A sub-heading after this ends a paragraph; after `；` it is an inline list item (一是…；二是…). */
const PARAGRAPH_END = /[。！？：:!?]$/;
/** Characters that never start a line in Chinese typesetting (kinsoku): the line continues a paragraph. */
const NO_LINE_START = /^[。，、；：？！）》」』】〉”’…,.;:!?)\]]/;
/**
 * What a line break cannot split, at the start of a line: a Latin run (a
 * URL, an e-mail address, a long number) or a short bracketed group such as
 * `（市、区）`.
 */
const UNBREAKABLE_START = /^(?:[（(]?[A-Za-z0-9:/._\-?=&%#~+@]{2,}|[（(][^（）()]{1,6}[）)])/;

export function buildParagraphs(flow: readonly FlowEntry[], layout: Layout): Paragraph[] {
  const out: Paragraph[] = [];
  let current: TextLine[] = [];
  let prev: TextLine | null = null;
  const flush = () => {
    if (current.length) out.push(toParagraph(current, layout));
    current = [];
  };
  for (const entry of flow) {
    if (entry.kind === 'barrier') {
      flush();
      prev = null;
      continue;
    }
    const line = entry.line;
    if (prev && startsParagraph(prev, line, layout)) flush();
    current.push(line);
    prev = line;
  }
  flush();
  return out;
}

/** Does `b` start a new paragraph after `a`? */
export function startsParagraph(a: TextLine, b: TextLine, layout: Layout): boolean {
  if (!sameStyle(a, b)) return true;
  const samePage = a.page === b.page;
  if (samePage && b.y0 < a.y0) return true; // moved back up: another column or a float
  if (isTitleWrap(a, b, layout)) return false;
  if (samePage && b.y1 - a.y1 > pitchFor(layout, a.fontSize) * 1.18 + 0.5) return true;
  if (isCentred(a, layout) || isCentred(b, layout)) return true;
  if (NO_LINE_START.test(b.text)) return false;
  if (isShort(a, layout) && !pushedDown(a, b, layout)) return true;
  if (isIndented(b, layout)) return true;
  if (SECTION_HEADING.test(b.text)) return true;
  return SUB_HEADING.test(b.text) && PARAGRAPH_END.test(a.text);
}

function sameStyle(a: TextLine, b: TextLine): boolean {
  const big = Math.max(a.fontSize, b.fontSize);
  return Math.abs(a.fontSize - b.fontSize) <= big * 0.12 && a.bold === b.bold;
}

function em(line: TextLine): number {
  return line.fontSize || 12;
}

/**
 * Ends clearly before the right edge. CJK lines are often not justified and
 * line-breaking rules (no closing quote at a line start) push a character
 * or two to the next line, so only a wider gap counts — or a smaller one
 * after a full stop.
 */
function isShort(line: TextLine, layout: Layout): boolean {
  const gap = layout.right - line.x1;
  return gap > 2.5 * em(line) || (gap > 1.2 * em(line) && SENTENCE_END.test(line.text));
}

/**
 * A line ended early because the next word could not fit: a URL or a long
 * number does not break, so the line before it stops short.
 */
function pushedDown(a: TextLine, b: TextLine, layout: Layout): boolean {
  const m = UNBREAKABLE_START.exec(b.text);
  if (!m) return false;
  const weight = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const width = ((b.x1 - b.x0) * weight(m[0])) / Math.max(1, weight(b.text));
  // Half an em of slack: producers add space between CJK and Latin (`2021 年`).
  return layout.right - a.x1 < width + 0.5 * em(b);
}

function isIndented(line: TextLine, layout: Layout): boolean {
  return line.x0 > layout.left + 0.8 * em(line);
}

function centreOffset(line: TextLine, layout: Layout): number {
  return Math.abs((line.x0 + line.x1) / 2 - (layout.left + layout.right) / 2);
}

/**
 * Visibly centred: clear of both edges, balanced around the column's
 * middle, and not most of a line wide (an indented first line that stops
 * two characters short, before a quotation mark that may not end a line,
 * is balanced too).
 */
export function isCentred(line: TextLine, layout: Layout): boolean {
  const e = em(line);
  const width = line.x1 - line.x0;
  return (
    line.x0 > layout.left + 2 * e &&
    line.x1 < layout.right - 1.5 * e &&
    centreOffset(line, layout) < 1.5 * e &&
    width < 0.75 * (layout.right - layout.left)
  );
}

/**
 * A title wrapped over two lines (or set as agency / rest of the title):
 * both balanced around the middle, one visibly centred, the same style, and
 * more prominent than body text.
 */
function isTitleWrap(a: TextLine, b: TextLine, layout: Layout): boolean {
  // Titles are often set with double line spacing, wider than any body pitch.
  if (a.page !== b.page || b.y1 - a.y1 > 2.6 * em(a)) return false;
  const balanced = centreOffset(a, layout) < 1.5 * em(a) && centreOffset(b, layout) < 1.5 * em(b);
  if (!balanced) return false;
  // Prominence tells a title from a centred signature (agency, then date).
  const prominent = a.bold || a.fontSize >= layout.bodySize + 1.5;
  return prominent && (isCentred(a, layout) || isCentred(b, layout));
}

function toParagraph(lines: TextLine[], layout: Layout): Paragraph {
  const text = lines.map((l) => l.text).reduce((acc, t) => joinWrapped(acc, t), '');
  const first = lines[0]!;
  const onFirstPage = lines.filter((l) => l.page === first.page);
  const style: TextStyle = { fontSize: first.fontSize, bold: lines.filter((l) => l.bold).length * 2 > lines.length };
  const align = alignment(lines, layout);
  if (align) style.align = align;
  return {
    kind: 'paragraph',
    text,
    page: first.page,
    bbox: toBBox(union(onFirstPage)),
    style,
    lines: lines.map(toModelLine),
  };
}

function alignment(lines: TextLine[], layout: Layout): TextStyle['align'] {
  if (lines.every((l) => isCentred(l, layout)) || (lines.length > 1 && lines.every((l) => centreOffset(l, layout) < 1.5 * em(l)) && lines.some((l) => isCentred(l, layout)))) {
    return 'center';
  }
  if (lines.every((l) => l.x0 > layout.left + 4 * em(l) && l.x1 >= layout.right - 2 * em(l))) return 'right';
  return 'left';
}

function toModelLine(l: TextLine): Line {
  return { text: l.text, page: l.page, bbox: toBBox(l), fontSize: l.fontSize, bold: l.bold };
}
