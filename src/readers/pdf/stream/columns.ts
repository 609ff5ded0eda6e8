/**
 * Columns of a table without rulings. Data columns come from the numbers,
 * which line up whatever the text around them does; label columns from the
 * left edges of the row labels (tables 三 has up to three: 三、本年度办理结果 |
 * （三）不予公开 | 1.属于国家秘密).
 */

import { clusterValues, median } from '../geometry.js';
import { centre, type Token } from './tokens.js';

export interface DataColumns {
  /** Middle of each column's numbers, ascending. */
  centres: number[];
  /** Territory boundaries: column j spans edges[j]..edges[j+1]; edges[0] is where the data area starts. */
  edges: number[];
  /** Median distance between neighbouring columns. */
  spacing: number;
  /** Left end of the first column's text. */
  firstLeft: number;
}

/**
 * Clusters the numbers by left edge, middle and right edge and keeps the
 * alignment that explains them with the fewest columns (numbers are
 * centred, right- or left-aligned depending on the page's CSS).
 */
export function dataColumns(values: readonly Token[], em: number): DataColumns | null {
  if (values.length === 0) return null;
  const tol = 0.7 * em;
  const options: Array<(t: Token) => number> = [centre, (t) => t.x1, (t) => t.x0];
  let best: { fn: (t: Token) => number; n: number } | null = null;
  for (const fn of options) {
    const n = clusterValues(values.map(fn), tol).length;
    if (!best || n < best.n) best = { fn, n };
  }
  const anchors = clusterValues(values.map(best!.fn), tol);
  const members: Token[][] = anchors.map(() => []);
  for (const t of values) members[nearest(anchors, best!.fn(t))]!.push(t);
  const centres = members.map((m) => m.reduce((s, t) => s + centre(t), 0) / Math.max(1, m.length));
  // The data area starts no later than the leftmost number of the first column.
  return columnsAt(centres, Math.min(...members[0]!.map((t) => t.x0)), em);
}

/** Territories around sorted column middles; `firstLeft` is the leftmost text of the first column. */
function columnsAt(centres: number[], firstLeft: number, em: number): DataColumns {
  const gaps = centres.slice(1).map((c, j) => c - centres[j]!);
  const spacing = gaps.length ? median(gaps) : 4 * em;
  const edges = [centres[0]! - (gaps[0] ?? spacing) / 2];
  for (let j = 1; j < centres.length; j++) edges.push((centres[j - 1]! + centres[j]!) / 2);
  edges.push(centres[centres.length - 1]! + (gaps[gaps.length - 1] ?? spacing) / 2);
  edges[0] = Math.min(edges[0]!, firstLeft - 0.25 * em);
  return { centres, edges, spacing, firstLeft };
}

/**
 * Columns whose cells are all blank (many reports leave zeros empty) have
 * no numbers to be found by; their headers find them. Within one header
 * band each column header claims the stretch halfway to its neighbours; a
 * header whose stretch holds no column of numbers adds a column at its
 * middle.
 */
export function withBlankColumns(cols: DataColumns, bands: ReadonlyArray<ReadonlyArray<{ x0: number; x1: number }>>, em: number): DataColumns {
  const added: number[] = [];
  let firstLeft = cols.firstLeft;
  for (const leaves of bands) {
    const mids = leaves.map(centre).sort((a, b) => a - b);
    mids.forEach((m, i) => {
      const lo = i > 0 ? (mids[i - 1]! + m) / 2 : -Infinity;
      const hi = i + 1 < mids.length ? (m + mids[i + 1]!) / 2 : Infinity;
      if (cols.centres.some((c) => c >= lo && c < hi) || added.some((a) => Math.abs(a - m) <= 0.7 * em)) return;
      added.push(m);
      if (m < cols.centres[0]!) firstLeft = Math.min(firstLeft, ...leaves.filter((l) => centre(l) === m).map((l) => l.x0));
    });
  }
  if (added.length === 0) return cols;
  return columnsAt([...cols.centres, ...added].sort((a, b) => a - b), firstLeft, em);
}

/** Data column of a token: the one whose territory holds its middle. */
export function columnOf(cols: DataColumns, t: { x0: number; x1: number }): number {
  return nearest(cols.centres, centre(t));
}

function nearest(sorted: readonly number[], v: number): number {
  let best = 0;
  for (let j = 1; j < sorted.length; j++) if (Math.abs(sorted[j]! - v) < Math.abs(sorted[best]! - v)) best = j;
  return best;
}

/** Left edges of the label columns: clusters of the row labels' left edges. */
export function labelColumns(labels: readonly Token[], em: number): number[] {
  return clusterValues(labels.map((t) => t.x0), 0.8 * em).map((x) => {
    // The cluster's leftmost member, so every member sits at or right of it.
    const near = labels.filter((t) => Math.abs(t.x0 - x) <= 0.8 * em);
    return Math.min(...near.map((t) => t.x0));
  });
}

/** Label column of a token: the last column starting at or left of it. */
export function labelColumnOf(starts: readonly number[], t: Token, em: number): number {
  let c = 0;
  for (let k = 0; k < starts.length; k++) if (starts[k]! <= t.x0 + 0.8 * em) c = k;
  return c;
}
