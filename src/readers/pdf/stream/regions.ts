/**
 * Where tables without ruling lines are: runs of lines around "numeric
 * rows" (a label followed by numbers in separate cells), in the table's own
 * font size, without prose lines or large gaps. A run may cross a page
 * break: web pages printed to PDF break tables anywhere.
 */

import type { PageLines } from '../furniture.js';
import { median } from '../geometry.js';
import type { TextLine } from '../lines.js';
import { mergeTouching, tokenize, type Token } from './tokens.js';

export interface Region {
  /** Top to bottom, page by page. */
  lines: TextLine[];
  fontSize: number;
}

/** Same table font within this share. */
const SIZE_TOLERANCE = 0.08;
/** Largest vertical gap inside a table, in em. */
const MAX_GAP_EM = 2.5;
/** A lone trailing number counts as a cell when this far (em) from the text before it. */
const CELL_GAP_EM = 2;

const tokensOf = new WeakMap<TextLine, Token[]>();

/** A line's tokens, left to right (computed once per line: every stream stage reads them). */
export function lineTokens(line: TextLine): Token[] {
  let tokens = tokensOf.get(line);
  if (!tokens) tokensOf.set(line, (tokens = mergeTouching(line.items.flatMap((it) => tokenize(it, 0)))));
  return tokens;
}

/** Number of values ending the line as separate cells (0 when it is not a numeric row). */
export function trailingValues(tokens: readonly Token[]): number {
  let k = 0;
  while (k < tokens.length && tokens[tokens.length - 1 - k]!.value) k++;
  if (k !== 1 || k === tokens.length) return k;
  const last = tokens[tokens.length - 1]!, before = tokens[tokens.length - 2]!;
  return last.x0 - before.x1 >= CELL_GAP_EM * last.fontSize ? 1 : 0;
}

export function findRegions(pages: readonly PageLines[]): Region[] {
  const seq = pages.flatMap((p) => p.lines);
  if (seq.length === 0) return [];
  const columnWidth = Math.max(...seq.map((l) => l.x1)) - Math.min(...seq.map((l) => l.x0));
  const tokens = seq.map(lineTokens);
  const values = tokens.map(trailingValues);
  const taken = new Array<boolean>(seq.length).fill(false);
  const regions: Region[] = [];
  for (let i = 0; i < seq.length; i++) {
    if (taken[i] || values[i] === 0) continue;
    const size = seq[i]!.fontSize;
    const bold = seq[i]!.bold;
    const fits = (k: number) => !taken[k] && fitsTable(seq[k]!, size, bold, columnWidth, values[k]!);
    let lo = i, hi = i;
    while (lo > 0 && fits(lo - 1) && closeEnough(seq[lo - 1]!, seq[lo]!, size)) lo--;
    while (hi + 1 < seq.length && fits(hi + 1) && closeEnough(seq[hi]!, seq[hi + 1]!, size)) hi++;
    [lo, hi] = trimLoose(seq, values, lo, hi, size);
    const numeric = values.slice(lo, hi + 1).filter((v) => v > 0);
    const single = numeric.length === 1 ? tokens[values.findIndex((v, k) => k >= lo && k <= hi && v > 0)]! : null;
    if (numeric.length >= 2 || (single && singleRow(single, numeric[0]!, hi > lo))) {
      for (let k = lo; k <= hi; k++) taken[k] = true;
      regions.push({ lines: seq.slice(lo, hi + 1), fontSize: size });
    }
    i = Math.max(i, hi);
  }
  return regions;
}

/**
 * A table with one row of numbers (table 四): three or more numbers, or —
 * when zeros are left blank — two, with no label beside them and header
 * lines above.
 */
function singleRow(tokens: readonly Token[], k: number, withHeader: boolean): boolean {
  if (!spreadOut(tokens.slice(tokens.length - k))) return false;
  return k >= 3 || (k === 2 && k === tokens.length && withHeader);
}

/**
 * Numbers in separate cells stand well apart; a phone number or a date in
 * a line of text (`0123 4567 8901`) does not.
 */
function spreadOut(values: Token[]): boolean {
  for (let k = 1; k < values.length; k++) if (values[k]!.x0 - values[k - 1]!.x1 < 0.8 * values[k]!.fontSize) return false;
  return true;
}

/**
 * Drops text-only lines at either end that stand apart from the table by a
 * clearly larger gap than its rows do: a sub-heading or a note in the
 * table's font set just above or below it.
 */
function trimLoose(seq: TextLine[], values: number[], lo: number, hi: number, size: number): [number, number] {
  const gaps: number[] = [];
  for (let k = lo + 1; k <= hi; k++) if (seq[k]!.page === seq[k - 1]!.page) gaps.push(seq[k]!.y0 - seq[k - 1]!.y1);
  if (gaps.length < 3) return [lo, hi];
  const loose = Math.max(2 * median(gaps), 1.5 * size);
  const gapAfter = (k: number) => (seq[k + 1]!.page === seq[k]!.page ? seq[k + 1]!.y0 - seq[k]!.y1 : 0);
  while (lo < hi && values[lo] === 0 && gapAfter(lo) > loose) lo++;
  while (hi > lo && values[hi] === 0 && gapAfter(hi - 1) > loose) hi--;
  return [lo, hi];
}

function fitsTable(line: TextLine, size: number, bold: boolean, columnWidth: number, values: number): boolean {
  if (Math.abs(line.fontSize - size) > size * SIZE_TOLERANCE) return false;
  if (values > 0) return true;
  return !isProse(line, columnWidth) && !isSectionHeading(line, bold);
}

/**
 * A section heading (`三、收到和处理…`) set in the table's size but in
 * another weight: web pages often print headings and tables in one font
 * size. (Row labels such as 三、本年度办理结果 are set like the numbers.)
 */
function isSectionHeading(line: TextLine, tableBold: boolean): boolean {
  return line.bold !== tableBold && /^[一二三四五六七八九十]{1,3}、/.test(line.text);
}

/**
 * A line of running text: wide, its pieces touching. A header line of
 * narrow columns (结果 维持 纠正 …) is as wide but has gaps between cells.
 */
function isProse(line: TextLine, columnWidth: number): boolean {
  if (line.x1 - line.x0 < columnWidth * 0.6) return false;
  for (let k = 1; k < line.items.length; k++) {
    if (line.items[k]!.x0 - line.items[k - 1]!.x1 > 0.5 * line.fontSize) return false;
  }
  return true;
}

/** Adjacent lines of one table: a small gap on one page, or last line / first line across a page break. */
function closeEnough(a: TextLine, b: TextLine, size: number): boolean {
  if (a.page !== b.page) return b.page === a.page + 1;
  return b.y0 - a.y1 <= MAX_GAP_EM * size;
}
