/**
 * Header rows of a table without rulings, from the text above its numbers.
 * Leaf headers sit over one column (often one or two characters per line:
 * 自 / 然 / 人, 结果 / 维持); a header over several columns (申请人情况,
 * 法人或其他组织, 行政诉讼, 第二十条第(一)项) is centred over the columns it
 * spans and has other headers below it. Spanning headers make one header
 * row per height; leaves make the last header row and reach up to the
 * lowest spanning header above them.
 */

import { makeBlock, mergeByHints, stackHeader, type Block } from './blocks.js';
import { matchLabel } from './hints.js';
import type { DataColumns } from './columns.js';
import { centre, type Token } from './tokens.js';

/** `col` counts the label area (when present) as column 0, data columns after it. */
export interface HeaderCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  block: Block | null;
}

export interface HeaderRows {
  rows: number;
  cells: HeaderCell[];
}

interface Spanning {
  block: Block;
  level: number;
  a: number;
  b: number;
}

/** Header cells of one band: its text stacked into cells (wrapped lines joined). */
export function headerBlocks(dataTokens: readonly Token[], em: number, wrap: number, columnLabels: ReadonlySet<string> = new Set()): Block[] {
  const match = (t: string) => matchLabel(columnLabels, t);
  return mergeByHints(stackHeader(dataTokens, em, wrap, match), em, match);
}

/**
 * Header cells with other header text below them (overlapping them, or
 * centred within half a column of their ends) head several columns; the
 * others are the columns' own headers. The label area's header counts as
 * text below (第二十条第（一）项 spans the label column too).
 */
export function splitLeaves(blocks: readonly Block[], labelTokens: readonly Token[], em: number, spacing: number): { spanning: Block[]; leaves: Block[] } {
  const others = [...blocks, ...(labelTokens.length ? [makeBlock([...labelTokens])] : [])];
  const under = (o: Block, b: Block) =>
    Math.min(o.x1, b.x1) > Math.max(o.x0, b.x0) || (centre(o) >= b.x0 - spacing / 2 && centre(o) <= b.x1 + spacing / 2);
  const below = (b: Block) => others.some((o) => o !== b && o.cy0 >= b.cy1 - 0.2 * em && under(o, b));
  const spanning = blocks.filter(below);
  return { spanning, leaves: blocks.filter((b) => !spanning.includes(b)) };
}

export function headerRows(
  blocks: readonly Block[],
  labelTokens: readonly Token[],
  cols: DataColumns,
  labelArea: { x0: number } | null,
  em: number,
): HeaderRows {
  const off = labelArea ? 1 : 0;
  const n = cols.centres.length + off;
  const left = (i: number) => (i < off ? labelArea!.x0 : cols.edges[i - off]!);
  const right = (i: number) => (i < off ? cols.edges[0]! : cols.edges[i - off + 1]!);
  const cover = new Map(blocks.map((b) => [b, coverOf(b, cols, em).map((j) => j + off)]));
  const split = splitLeaves(blocks, labelTokens, em, cols.spacing);
  const spanning = [...split.spanning, ...split.leaves.filter((b) => cover.get(b)!.length >= 2)];
  const leaves = split.leaves.filter((b) => !spanning.includes(b));

  // Where each column's own header cell starts: a spanning header above that is free to claim the column.
  const leafTop = Array<number>(n).fill(Infinity);
  const tops = cellTops(leaves, em);
  leaves.forEach((leaf, i) => {
    const c = cover.get(leaf)![0]!;
    leafTop[c] = Math.min(leafTop[c]!, tops[i]!);
  });
  if (off && labelTokens.length) leafTop[0] = Math.min(...labelTokens.map((t) => t.cy0));

  const levels = levelsOf(spanning, em);
  // Bottom-up: a header's span must hold its sub-headers' spans whole.
  const placed: Spanning[] = [];
  for (let li = levels.length - 1; li >= 0; li--) {
    const level = levels[li]!;
    for (const block of level.sort((x, y) => x.x0 - y.x0)) {
      const own = cover.get(block)!;
      const free = (c: number) =>
        !placed.some((p) => p.level === li && c >= p.a && c <= p.b) &&
        !level.some((o) => o !== block && cover.get(o)!.includes(c)) &&
        leafTop[c]! >= block.cy1 - 0.05 * em;
      const nests = (x: number, y: number) => placed.every((p) => p.level === li || p.b < x || p.a > y || (p.a >= x && p.b <= y));
      const [a, b] = widestSpan(block, own, n, left, right, free, nests, em, cols.spacing);
      placed.push({ block, level: li, a, b });
    }
  }

  const hasLeafRow = leaves.length > 0 || labelTokens.length > 0;
  const leafRow = levels.length;
  const rows = levels.length + (hasLeafRow ? 1 : 0);
  const cells: HeaderCell[] = placed.map((p) => ({ row: p.level, col: p.a, rowSpan: 1, colSpan: p.b - p.a + 1, block: p.block }));
  if (hasLeafRow) {
    const startRow = (c: number) => 1 + Math.max(-1, ...placed.filter((p) => c >= p.a && c <= p.b).map((p) => p.level));
    const byCol = new Map<number, Token[]>();
    for (const leaf of leaves) {
      const c = cover.get(leaf)![0]!;
      byCol.set(c, [...(byCol.get(c) ?? []), ...leaf.tokens]);
    }
    if (off && labelTokens.length) byCol.set(0, [...labelTokens]);
    for (const [c, tokens] of byCol) {
      const s = startRow(c);
      if (s > leafRow) continue;
      cells.push({ row: s, col: c, rowSpan: leafRow - s + 1, colSpan: 1, block: makeBlock(tokens) });
    }
  }
  return { rows, cells };
}

/**
 * The top of each leaf's cell. Its text's top, unless the cells are
 * vertically centred (the leaves of the last header row share their middle
 * though their line counts differ): then a leaf centred higher than that row
 * spans header rows above it (自然人 and 总计 beside 法人或其他组织), and its
 * cell starts as far above the middle as the row ends below it.
 */
function cellTops(leaves: readonly Block[], em: number): number[] {
  const mid = (b: Block) => (b.cy0 + b.cy1) / 2;
  const lowest = Math.max(...leaves.map(mid));
  const lastRow = leaves.filter((b) => lowest - mid(b) <= 0.35 * em);
  const centred = lastRow.length >= 2 && Math.max(...lastRow.map((b) => b.cy0)) - Math.min(...lastRow.map((b) => b.cy0)) > 0.4 * em;
  const bottom = Math.max(...lastRow.map((b) => b.cy1));
  return leaves.map((b) => (centred ? Math.min(b.cy0, 2 * mid(b) - bottom) : b.cy0));
}

/** Data columns whose middle lies under the block, or the nearest one. */
function coverOf(b: Block, cols: DataColumns, em: number): number[] {
  const out: number[] = [];
  cols.centres.forEach((c, j) => {
    if (c >= b.x0 - 0.3 * em && c <= b.x1 + 0.3 * em) out.push(j);
  });
  if (out.length) return out;
  let best = 0;
  cols.centres.forEach((c, j) => {
    if (Math.abs(c - centre(b)) < Math.abs(cols.centres[best]! - centre(b))) best = j;
  });
  return [best];
}

/** Spanning headers at the same height form one header row. */
function levelsOf(spanning: Block[], em: number): Block[][] {
  const levels: Block[][] = [];
  for (const b of [...spanning].sort((x, y) => x.cy0 - y.cy0)) {
    const last = levels[levels.length - 1];
    if (last && b.cy0 - last[0]!.cy0 <= 0.5 * em) last.push(b);
    else levels.push([b]);
  }
  return levels;
}

/**
 * The widest run of columns around the block's own columns that the block
 * is centred over, using only columns it may claim.
 */
function widestSpan(
  block: Block,
  own: number[],
  n: number,
  left: (i: number) => number,
  right: (i: number) => number,
  free: (c: number) => boolean,
  nests: (x: number, y: number) => boolean,
  em: number,
  spacing: number,
): [number, number] {
  const lo = Math.min(...own), hi = Math.max(...own);
  const tol = Math.max(0.75 * em, 0.3 * spacing);
  const mid = centre(block);
  let best: [number, number] = [lo, hi];
  let bestErr = Infinity;
  let a = lo;
  while (a > 0 && free(a - 1)) a--;
  let z = hi;
  while (z < n - 1 && free(z + 1)) z++;
  for (let x = a; x <= lo; x++) {
    for (let y = hi; y <= z; y++) {
      const err = Math.abs((left(x) + right(y)) / 2 - mid);
      if (err > tol || !nests(x, y)) continue;
      const wider = y - x > best[1] - best[0] || (y - x === best[1] - best[0] && err < bestErr);
      if (wider || bestErr === Infinity) {
        best = [x, y];
        bestErr = err;
      }
    }
  }
  return best;
}
