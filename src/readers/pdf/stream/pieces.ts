/**
 * One region may hold several tables printed one under the other without a
 * line of text between them: table 二 is often printed as five small tables
 * (第二十条第（一）项, （五）项 …), each with its own header and its own column
 * widths. Without rulings they read as one run of lines; their numbers do not
 * line up, so one set of columns would mix them. A region is cut where a new
 * header starts and the numbers under it leave the columns above it.
 * (A header repeated on a new page, or a table continued under the same
 * header, keeps its columns and stays whole.)
 */

import type { TextLine } from '../lines.js';
import { lineTokens, trailingValues, type Region } from './regions.js';
import { centre, type Token } from './tokens.js';

/** Same column when within this distance (em), as in `dataColumns`. */
const ALIGN_EM = 0.7;

export function splitRegion(region: Region): Region[] {
  const em = region.fontSize;
  const tokens = region.lines.map(lineTokens);
  const pieces: TextLine[][] = [];
  let start = 0;
  let seen: Token[] = [];
  let lastNumeric = -1;
  tokens.forEach((line, i) => {
    const k = trailingValues(line);
    if (k === 0) return;
    const values = line.slice(line.length - k);
    if (seen.length > 0 && !aligned(seen, values, em)) {
      const cut = headerLine(tokens, lastNumeric + 1, i, Math.min(...[...seen, ...values].map((t) => t.x0)), em);
      if (cut >= 0) {
        pieces.push(region.lines.slice(start, cut));
        start = cut;
        seen = [];
      }
    }
    seen.push(...values);
    lastNumeric = i;
  });
  pieces.push(region.lines.slice(start));
  return pieces.map((lines) => ({ lines, fontSize: region.fontSize }));
}

/**
 * Every number of the row lines up with a number above it — by middle, right
 * or left edge (the page's CSS decides how numbers sit in their cells).
 */
function aligned(above: readonly Token[], row: readonly Token[], em: number): boolean {
  const modes: Array<(t: Token) => number> = [centre, (t) => t.x1, (t) => t.x0];
  return modes.some((fn) => row.every((v) => above.some((a) => Math.abs(fn(a) - fn(v)) <= ALIGN_EM * em)));
}

/**
 * The first line in [from, to) with text reaching over the numbers (a column
 * header, or a title such as 第二十条第（五）项 centred over the whole table),
 * or -1. Lines before it end left of the numbers: the previous table's
 * wrapped row labels.
 */
function headerLine(tokens: readonly Token[][], from: number, to: number, dataLeft: number, em: number): number {
  for (let i = from; i < to; i++) if (tokens[i]!.some((t) => !t.value && t.x1 > dataLeft + 0.25 * em)) return i;
  return -1;
}
