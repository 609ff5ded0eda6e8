/**
 * Text lines rebuilt from item positions. pdfjs reports items in
 * content-stream order, which LibreOffice and WPS scatter (a line of body
 * text arrives in a dozen runs, table cells column by column), so order
 * and grouping come from geometry alone.
 */

import { removeCjkSpaces } from '../../text/cjk.js';
import { overlap, union } from './geometry.js';
import type { Box, TextItem } from './types.js';

export interface TextLine extends Box {
  page: number;
  /** Left to right. */
  items: TextItem[];
  /** Items joined, spurious spaces between CJK characters removed. */
  text: string;
  /** Font size of the widest item. */
  fontSize: number;
  /** True when most of the line's characters are bold. */
  bold: boolean;
}

/** Two items share a line when they overlap vertically by this share of the smaller one. */
const SAME_LINE_OVERLAP = 0.5;
/** A horizontal gap wider than this (in em) between items is a space. */
const SPACE_GAP_EM = 0.25;

/** Groups one page's items into lines, top to bottom. */
export function buildLines(items: readonly TextItem[]): TextLine[] {
  const sorted = [...items].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1) || a.x0 - b.x0);
  const groups: TextItem[][] = [];
  const boxes: Box[] = [];
  for (const item of sorted) {
    const k = findLine(boxes, groups, item);
    if (k < 0) {
      groups.push([item]);
      boxes.push({ x0: item.x0, y0: item.y0, x1: item.x1, y1: item.y1 });
    } else {
      groups[k]!.push(item);
      boxes[k] = union([boxes[k]!, item]);
    }
  }
  return groups.map(makeLine).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** Only the most recent lines can match, since items come sorted by their middle. */
function findLine(boxes: readonly Box[], groups: readonly TextItem[][], item: TextItem): number {
  const h = item.y1 - item.y0;
  for (let k = boxes.length - 1; k >= 0; k--) {
    const b = boxes[k]!;
    if (b.y1 < item.y0 - 2 * h) break;
    const lh = Math.min(h, b.y1 - b.y0);
    if (overlap(b.y0, b.y1, item.y0, item.y1) < SAME_LINE_OVERLAP * lh) continue;
    // A second item over the same place is another line (or a duplicate, kept out of the text).
    if (groups[k]!.some((o) => overlap(o.x0, o.x1, item.x0, item.x1) > 0.5 * Math.min(o.x1 - o.x0, item.x1 - item.x0) && o.text !== item.text)) continue;
    return k;
  }
  return -1;
}

export function makeLine(items: readonly TextItem[]): TextLine {
  const row = dedupe([...items].sort((a, b) => a.x0 - b.x0));
  const box = union(row);
  let widest = row[0]!;
  let boldChars = 0, chars = 0;
  for (const it of row) {
    if (it.x1 - it.x0 > widest.x1 - widest.x0) widest = it;
    const n = HAS_SPACE.test(it.text) ? it.text.replace(/\s/g, '').length : it.text.length;
    chars += n;
    if (it.bold) boldChars += n;
  }
  return {
    x0: box.x0,
    y0: box.y0,
    x1: box.x1,
    y1: box.y1,
    page: row[0]!.page,
    items: row,
    text: joinItems(row),
    fontSize: widest.fontSize,
    bold: chars > 0 && boldChars * 2 > chars,
  };
}

/**
 * Producers that fake bold by printing a run twice, slightly offset, would
 * double the text: drop an item that repeats its neighbour at the same place.
 */
function dedupe(row: TextItem[]): TextItem[] {
  const out: TextItem[] = [];
  for (const it of row) {
    const prev = out[out.length - 1];
    if (prev && prev.text === it.text && Math.abs(prev.x0 - it.x0) < 0.3 * it.fontSize) continue;
    out.push(it);
  }
  return out;
}

/** Joins items left to right: a space for a visible gap, then CJK spacing rules. */
export function joinItems(row: readonly TextItem[]): string {
  let text = '';
  let prev: TextItem | undefined;
  for (const it of row) {
    if (prev && it.x0 - prev.x1 > SPACE_GAP_EM * Math.min(prev.fontSize, it.fontSize)) text += ' ';
    text += it.text;
    prev = it;
  }
  // Without whitespace there is nothing to collapse, trim or remove.
  if (!HAS_SPACE.test(text)) return text;
  return removeCjkSpaces(collapseSpacedDigits(text.replace(/\s+/g, ' ').trim()));
}

const HAS_SPACE = /\s/;

/**
 * Justified or letter-spaced lines put gaps between single digits
 * (`2 0 2 1年`); a run of three or more spaced single digits is one number.
 */
function collapseSpacedDigits(text: string): string {
  return text.replace(/(?<![\d.])\d(?: \d){2,}(?![\d.])/g, (m) => m.replace(/ /g, ''));
}
