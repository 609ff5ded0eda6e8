/**
 * Row labels of a table without rulings. Each data row has its own label
 * (its rightmost label block); labels further left that stand beside several
 * rows are group labels (三、本年度办理结果, （三）不予公开 broken as
 * （三）不 / 予公开) and get a row span over their group.
 */

import { labelColumnOf } from './columns.js';
import { makeBlock, mergeByHints, stack, type Block } from './blocks.js';
import { isRowLabel, matchLabel, startsRowLabel, type HintIndex } from './hints.js';
import type { Token } from './tokens.js';

export interface DataRow {
  /** The row's numbers. */
  values: Token[];
  cy0: number;
  cy1: number;
  /** Rows separated by a header band are in different segments. */
  segment: number;
  /** Page of the row's first line. */
  page: number;
}

export interface LabelCell {
  col: number;
  colSpan: number;
  /** Data row indices, inclusive. */
  first: number;
  last: number;
  block: Block;
  /** The row's own label (not a group label). */
  own: boolean;
}

interface Placed {
  block: Block;
  col: number;
  rows: number[];
}

/**
 * Label cells of a table's data rows: per label column, wrapped lines are
 * stacked into blocks and put beside the rows they stand next to; a row's
 * rightmost block is its own label, blocks left of it are group labels
 * whose span is then worked out; own labels widen over the empty label
 * columns to their right.
 */
export function labelCells(
  tokens: readonly Token[],
  rows: readonly DataRow[],
  starts: readonly number[],
  em: number,
  wrap: number,
  hints: HintIndex,
): LabelCell[] {
  if (rows.length === 0 || tokens.length === 0) return [];
  let placed: Placed[] = columnBlocks(tokens, starts, em, wrap, hints).map(({ block, col }) => ({ block, col, rows: anchorRows(block, rows) }));
  placed = placed.flatMap((p) => splitMerged(p, placed, rows, hints));
  const own = ownColumns(placed, rows.length);
  const cells: LabelCell[] = placed
    .filter((p) => p.rows.every((r) => own[r] === p.col))
    .map((p) => ({ col: p.col, colSpan: 1, first: Math.min(...p.rows), last: Math.max(...p.rows), block: p.block, own: true }));
  const extents = rowExtents(rows, cells);
  for (let c = 0; c < starts.length; c++) cells.push(...groupCells(c, placed, rows, own, extents));
  return widen(dedupe(cells), starts, em);
}

/** Per label column, wrapped lines stacked into blocks (joined further where the template's labels say so). */
function columnBlocks(tokens: readonly Token[], starts: readonly number[], em: number, wrap: number, hints: HintIndex): Array<{ block: Block; col: number }> {
  const out: Array<{ block: Block; col: number }> = [];
  const match = (t: string) => matchLabel(hints.rows, t);
  for (let c = 0; c < starts.length; c++) {
    const inCol = tokens.filter((t) => labelColumnOf(starts, t, em) === c);
    for (const block of mergeByHints(stack(inCol, em, wrap, match), em, match)) out.push({ block, col: c });
  }
  return out;
}

/**
 * Rows whose cells are all blank (many reports leave zeros empty) have no
 * numbers to be found by; their labels find them. A label beside no row of
 * numbers, with no label to its right at any of its height (which would
 * make it a group label such as （三）不予公开, centred on its sub-rows), is a
 * row of its own.
 */
export function blankRows(tokens: readonly Token[], rows: readonly DataRow[], starts: readonly number[], em: number, wrap: number, hints: HintIndex): DataRow[] {
  const blocks = columnBlocks(tokens, starts, em, wrap, hints);
  const share = (a: { cy0: number; cy1: number }, b: { cy0: number; cy1: number }) =>
    (Math.min(a.cy1, b.cy1) - Math.max(a.cy0, b.cy0)) / Math.max(1e-6, Math.min(a.cy1 - a.cy0, b.cy1 - b.cy0));
  return blocks
    .filter((p) => !rows.some((r) => share(p.block, r) >= 1 / 3))
    .filter((p) => !blocks.some((o) => o.col > p.col && share(o.block, p.block) > 0))
    .map(({ block }) => ({ values: [], cy0: block.cy0, cy1: block.cy1, segment: 0, page: block.tokens[0]!.page }));
}

/**
 * Column of each row's own label: the rightmost block beside it. A row
 * without any label may sit under a group label (a merged label cell), so
 * it counts as "right of every column".
 */
function ownColumns(placed: readonly Placed[], nRows: number): number[] {
  return Array.from({ length: nRows }, (_, r) => {
    const cols = placed.filter((p) => p.rows.includes(r)).map((p) => p.col);
    return cols.length ? Math.max(...cols) : Infinity;
  });
}

/** Rows beside a block: those it overlaps by a third of their height, else the nearest. */
function anchorRows(block: Block, rows: readonly DataRow[]): number[] {
  const out: number[] = [];
  rows.forEach((r, k) => {
    const ov = Math.min(block.cy1, r.cy1) - Math.max(block.cy0, r.cy0);
    if (ov >= (r.cy1 - r.cy0) / 3) out.push(k);
  });
  if (out.length) return out;
  const mid = (block.cy0 + block.cy1) / 2;
  let best = 0;
  rows.forEach((r, k) => {
    if (Math.abs((r.cy0 + r.cy1) / 2 - mid) < Math.abs((rows[best]!.cy0 + rows[best]!.cy1) / 2 - mid)) best = k;
  });
  return [best];
}

/**
 * A block beside several rows with no label to its right is two rows'
 * labels stacked too tightly to tell apart by spacing: give each line to its
 * row — unless the whole block is one printed label of the template.
 */
function splitMerged(p: Placed, all: readonly Placed[], rows: readonly DataRow[], hints: HintIndex): Placed[] {
  if (p.rows.length < 2) return [p];
  if (all.some((o) => o.col > p.col && o.rows.some((r) => p.rows.includes(r)))) return [p];
  if (isRowLabel(hints, p.block.text)) return [p];
  const byRow = new Map<number, Token[]>();
  for (const t of p.block.tokens) {
    const r = nearestRow(t, p.rows, rows);
    byRow.set(r, [...(byRow.get(r) ?? []), t]);
  }
  if (byRow.size < 2) return [p];
  const pieces = [...byRow].map(([r, ts]) => ({ block: makeBlock(ts), col: p.col, rows: [r] }));
  if (hints.rows.size > 0 && !pieces.every((q) => startsRowLabel(hints, q.block.text))) return [p];
  return pieces;
}

function nearestRow(t: Token, candidates: number[], rows: readonly DataRow[]): number {
  const mid = (t.cy0 + t.cy1) / 2;
  let best = candidates[0]!;
  for (const r of candidates) {
    const d = Math.abs((rows[r]!.cy0 + rows[r]!.cy1) / 2 - mid);
    if (d < Math.abs((rows[best]!.cy0 + rows[best]!.cy1) / 2 - mid)) best = r;
  }
  return best;
}

/**
 * Group labels of column `c`. Rows whose own label lies further right form
 * runs; the run is split among the group blocks beside it so that each
 * group is centred on its label (cells are vertically centred by default)
 * or starts level with it (a group cut by a page break prints its label at
 * the top of the first part).
 */
function groupCells(c: number, placed: readonly Placed[], rows: readonly DataRow[], own: number[], extents: RowExtent[]): LabelCell[] {
  const out: LabelCell[] = [];
  const groups = placed.filter((p) => p.col === c && p.rows.some((r) => own[r]! > c));
  for (const run of runs(c, rows, own)) {
    const blocks = groups
      .map((p) => ({ p, idx: p.rows.map((r) => run.indexOf(r)).filter((i) => i >= 0) }))
      .filter((b) => b.idx.length > 0)
      .sort((a, b) => Math.min(...a.idx) - Math.min(...b.idx));
    if (blocks.length === 0) continue;
    const ranges = partition(run, blocks.map((b) => [Math.min(...b.idx), Math.max(...b.idx)]), blocks.map((b) => b.p.block), extents);
    blocks.forEach((b, k) => {
      const [s, e] = ranges[k]!;
      out.push({ col: c, colSpan: 1, first: run[s]!, last: run[e]!, block: b.p.block, own: false });
    });
  }
  return out;
}

/** A data row's full height (its numbers and its own, possibly wrapped, label) and whether its label starts a numbered list. */
interface RowExtent {
  cy0: number;
  cy1: number;
  firstOfList: boolean;
}

/** `1.` / `1、` / `（1）` opens the list of sub-rows under a group label (1.属于国家秘密, 1.本机关不掌握…). */
const FIRST_ITEM = /^([1１][.．、]|[（(][1１一][)）])/;

function rowExtents(rows: readonly DataRow[], own: readonly LabelCell[]): RowExtent[] {
  return rows.map((row, r) => {
    const mine = own.filter((c) => c.first === r && c.last === r);
    return {
      cy0: Math.min(row.cy0, ...mine.map((c) => c.block.cy0)),
      cy1: Math.max(row.cy1, ...mine.map((c) => c.block.cy1)),
      firstOfList: mine.some((c) => FIRST_ITEM.test(c.block.text)),
    };
  });
}

/** Maximal runs of consecutive rows (same segment) whose own label is right of column `c`. */
function runs(c: number, rows: readonly DataRow[], own: number[]): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  rows.forEach((row, r) => {
    const prev = cur[cur.length - 1];
    if (own[r]! > c && (prev === undefined || rows[prev]!.segment === row.segment)) cur.push(r);
    else {
      if (cur.length) out.push(cur);
      cur = own[r]! > c ? [r] : [];
    }
  });
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Splits a run into contiguous groups, one per block, each holding the
 * rows its block stands beside. The split minimises how far each group's
 * middle is from its block's middle (cells are vertically centred by
 * default) — or, at a small penalty, its top from the block's top (a group
 * cut by a page break prints its label at the top of the first part). When
 * the sub-rows are numbered, a group starts exactly where the numbering
 * restarts at 1. Falls back to the anchor rows when blocks overlap.
 */
function partition(run: number[], anchors: Array<[number, number]>, blocks: Block[], extents: RowExtent[]): Array<[number, number]> {
  const n = run.length, m = anchors.length;
  for (let k = 1; k < m; k++) if (anchors[k]![0] <= anchors[k - 1]![1]) return anchors;
  const ext = run.map((r) => extents[r]!);
  const numbered = ext.filter((e) => e.firstOfList).length >= 2;
  const em = blocks[0]!.tokens[0]?.fontSize ?? 10;
  const cost = (k: number, s: number, e: number) => {
    const b = blocks[k]!;
    const centred = Math.abs((ext[s]!.cy0 + ext[e]!.cy1) / 2 - (b.cy0 + b.cy1) / 2);
    const topAligned = Math.abs(ext[s]!.cy0 - b.cy0) + em;
    let c = Math.min(centred, topAligned);
    if (numbered) {
      if (!ext[s]!.firstOfList) c += 1000;
      for (let i = s + 1; i <= e; i++) if (ext[i]!.firstOfList) c += 1000;
    }
    return c;
  };
  // best[k][e]: least cost with groups 0..k placed and group k ending at e.
  const best: number[][] = Array.from({ length: m }, () => Array<number>(n).fill(Infinity));
  const from: number[][] = Array.from({ length: m }, () => Array<number>(n).fill(-1));
  for (let k = 0; k < m; k++) {
    const [lo, hi] = anchors[k]!;
    const firstStart = k === 0 ? 0 : anchors[k - 1]![1] + 1;
    const lastStart = k === 0 ? 0 : lo;
    for (let e = hi; e < n; e++) {
      for (let s = firstStart; s <= lastStart; s++) {
        const prev = k === 0 ? 0 : best[k - 1]![s - 1]!;
        const v = prev + cost(k, s, e);
        if (v < best[k]![e]!) {
          best[k]![e] = v;
          from[k]![e] = s;
        }
      }
    }
  }
  if (!Number.isFinite(best[m - 1]![n - 1]!)) return anchors;
  const out: Array<[number, number]> = new Array(m);
  let e = n - 1;
  for (let k = m - 1; k >= 0; k--) {
    const s = from[k]![e]!;
    out[k] = [s, e];
    e = s - 1;
  }
  return out;
}

/** Two blocks on one cell: keep one cell, texts in reading order. */
function dedupe(cells: LabelCell[]): LabelCell[] {
  const out: LabelCell[] = [];
  for (const cell of cells.sort((a, b) => a.first - b.first || a.col - b.col)) {
    const clash = out.find((o) => o.col === cell.col && o.first <= cell.last && cell.first <= o.last);
    if (!clash) out.push({ ...cell });
    else {
      clash.block = makeBlock([...clash.block.tokens, ...cell.block.tokens]);
      clash.first = Math.min(clash.first, cell.first);
      clash.last = Math.max(clash.last, cell.last);
    }
  }
  return out;
}

/**
 * A row's own label spans the label columns right of it (they are empty:
 * it is the row's rightmost label), as `一、本年新收…` or `（七）总计` do in
 * the template; a group label only when its text runs into them.
 */
function widen(cells: LabelCell[], starts: readonly number[], em: number): LabelCell[] {
  for (const cell of cells) {
    for (;;) {
      const next = cell.col + cell.colSpan;
      if (next >= starts.length) break;
      if (!cell.own && cell.block.x1 <= starts[next]! + 0.3 * em) break;
      if (cells.some((o) => o !== cell && o.col <= next && next < o.col + o.colSpan && o.first <= cell.last && cell.first <= o.last)) break;
      cell.colSpan++;
    }
  }
  return cells;
}
