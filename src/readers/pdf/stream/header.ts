/**
 * Header rows of a table without rulings, from the text above its numbers.
 * Leaf headers sit over one column (often one or two characters per line:
 * 自 / 然 / 人, 结果 / 维持); a header over several columns (申请人情况,
 * 法人或其他组织, 行政诉讼, 第二十条第(一)项) is centred over the columns it
 * spans and has other headers below it. Spanning headers make one header
 * row per height; leaves make the last header row and reach up to the
 * lowest spanning header above them.
 */

import { makeBlock, mergeByHints, stack, type Block } from './blocks.js';
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

export function headerRows(
  dataTokens: readonly Token[],
  labelTokens: readonly Token[],
  cols: DataColumns,
  labelArea: { x0: number } | null,
  em: number,
  columnLabels: ReadonlySet<string> = new Set(),
): HeaderRows {
  const off = labelArea ? 1 : 0;
  const n = cols.centres.length + off;
  const left = (i: number) => (i < off ? labelArea!.x0 : cols.edges[i - off]!);
  const right = (i: number) => (i < off ? cols.edges[0]! : cols.edges[i - off + 1]!);
  const blocks = mergeByHints(stack(dataTokens, em, true), em, (t) => matchLabel(columnLabels, t));
  const cover = new Map(blocks.map((b) => [b, coverOf(b, cols, em).map((j) => j + off)]));
  const below = (b: Block) => [...blocks, ...(labelTokens.length ? [makeBlock([...labelTokens])] : [])]
    .some((o) => o !== b && o.cy0 >= b.cy1 - 0.2 * em && centre(o) >= b.x0 - cols.spacing / 2 && centre(o) <= b.x1 + cols.spacing / 2);
  const spanning = blocks.filter((b) => cover.get(b)!.length >= 2 || below(b));
  const leaves = blocks.filter((b) => !spanning.includes(b));

  const leafTop = Array<number>(n).fill(Infinity);
  for (const leaf of leaves) {
    const c = cover.get(leaf)![0]!;
    leafTop[c] = Math.min(leafTop[c]!, leaf.cy0);
  }
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
