/**
 * Tables from ruling lines ("lattice"): ruling segments → connected border
 * networks → a cell grid with merged cells → text items dropped into cells.
 *
 * LibreOffice draws each border run as its own segment, continuous across
 * cells, and shortens or omits segments where cells are merged; Chromium and
 * WPS draw borders as thin filled rectangles (already turned into segments by
 * the graphics walker). A merged cell is recognised by a missing border.
 */

import type { Cell, Table } from '../../model/document.js';
import { clusterValues, toBBox } from './geometry.js';
import { cellText, ocrConfidence } from './cell-text.js';
import type { Box, Segment, TextItem } from './types.js';

/** Distance (points) within which two ruling positions are the same line. */
const SNAP = 2;
/** Rows or columns thinner than this are double borders, not cells. */
const MIN_TRACK = 2.5;
/**
 * An outermost row or column thinner than this holds no text: the stub of
 * a table cut by a page break (Chromium draws the side borders a few points
 * past the last row).
 */
const MIN_EDGE_TRACK = 5;
/** Share of a cell edge a border must cover to separate two cells. */
const EDGE_COVER = 0.6;

export interface LatticeTable {
  table: Table;
  /** The grid's outer box: items whose middle falls inside belong to the table. */
  box: Box;
}

/** Finds the ruled tables of one page and fills them with the page's items. */
export function findLatticeTables(page: number, segments: readonly Segment[], items: readonly TextItem[]): LatticeTable[] {
  const { horizontals, verticals } = mergeSegments(segments);
  const out: LatticeTable[] = [];
  for (const comp of components(horizontals, verticals)) {
    const grid = buildGrid(comp.h, comp.v);
    if (!grid) continue;
    const box = { x0: grid.xs[0]!, y0: grid.ys[0]!, x1: grid.xs[grid.xs.length - 1]!, y1: grid.ys[grid.ys.length - 1]! };
    const inside = items.filter((it) => contains(box, it));
    out.push({ table: fillGrid(page, grid, inside), box });
  }
  return out.sort((a, b) => a.box.y0 - b.box.y0);
}

export function contains(box: Box, item: Box): boolean {
  const cx = (item.x0 + item.x1) / 2, cy = (item.y0 + item.y1) / 2;
  return cx >= box.x0 && cx <= box.x1 && cy >= box.y0 && cy <= box.y1;
}

interface Merged {
  horizontals: Segment[];
  verticals: Segment[];
}

/** Joins collinear pieces (a border drawn cell by cell) into longer segments. */
export function mergeSegments(segments: readonly Segment[]): Merged {
  const h = segments.filter((s) => s.y0 === s.y1);
  const v = segments.filter((s) => s.x0 === s.x1 && s.y0 !== s.y1);
  return {
    horizontals: mergeAxis(h, (s) => s.y0, (s) => [s.x0, s.x1], (pos, a, b) => ({ x0: a, y0: pos, x1: b, y1: pos })),
    verticals: mergeAxis(v, (s) => s.x0, (s) => [s.y0, s.y1], (pos, a, b) => ({ x0: pos, y0: a, x1: pos, y1: b })),
  };
}

function mergeAxis(
  segs: Segment[],
  pos: (s: Segment) => number,
  span: (s: Segment) => [number, number],
  make: (pos: number, a: number, b: number) => Segment,
): Segment[] {
  const sorted = [...segs].sort((a, b) => pos(a) - pos(b));
  const out: Segment[] = [];
  let i = 0;
  while (i < sorted.length) {
    // One line position: all segments within SNAP of the first.
    let j = i;
    let sum = 0;
    while (j < sorted.length && pos(sorted[j]!) - pos(sorted[i]!) <= SNAP) sum += pos(sorted[j++]!);
    const p = sum / (j - i);
    const spans = sorted.slice(i, j).map(span).sort((a, b) => a[0] - b[0]);
    let [a, b] = spans[0]!;
    for (const [c, d] of spans.slice(1)) {
      if (c <= b + SNAP) b = Math.max(b, d);
      else {
        out.push(make(p, a, b));
        [a, b] = [c, d];
      }
    }
    out.push(make(p, a, b));
    i = j;
  }
  return out;
}

interface Component {
  h: Segment[];
  v: Segment[];
}

/** Border networks: horizontals and verticals that touch, transitively. */
function components(h: Segment[], v: Segment[]): Component[] {
  const parent = [...Array(h.length + v.length).keys()];
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  for (let i = 0; i < h.length; i++) {
    const a = h[i]!;
    for (let j = 0; j < v.length; j++) {
      const b = v[j]!;
      if (b.x0 >= a.x0 - SNAP && b.x0 <= a.x1 + SNAP && a.y0 >= b.y0 - SNAP && a.y0 <= b.y1 + SNAP) {
        parent[find(i)] = find(h.length + j);
      }
    }
  }
  const groups = new Map<number, Component>();
  const get = (k: number) => {
    const r = find(k);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((s, i) => get(i).h.push(s));
  v.forEach((s, j) => get(h.length + j).v.push(s));
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}

export interface Grid {
  xs: number[];
  ys: number[];
  /** Spans as [row, col, rowSpan, colSpan]. */
  spans: Array<[number, number, number, number]>;
}

/** The cell grid of one border network; null for a lone box (a LibreOffice text frame). */
export function buildGrid(h: Segment[], v: Segment[]): Grid | null {
  const xs = tracks([...v.map((s) => s.x0), ...openEdges(h.map((s) => [s.x0, s.x1]), v.map((s) => s.x0))]);
  const ys = tracks([...h.map((s) => s.y0), ...openEdges(v.map((s) => [s.y0, s.y1]), h.map((s) => s.y0))]);
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1, cols = xs.length - 1;
  if (rows * cols < 2) return null;
  const vWall = (c: number, r: number) => covered(v, xs[c]!, ys[r]!, ys[r + 1]!, (s) => s.x0, (s) => [s.y0, s.y1]);
  const hWall = (r: number, c: number) => covered(h, ys[r]!, xs[c]!, xs[c + 1]!, (s) => s.y0, (s) => [s.x0, s.x1]);
  const taken: boolean[][] = Array.from({ length: rows }, () => Array<boolean>(cols).fill(false));
  const spans: Grid['spans'] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (taken[r]![c]) continue;
      let cs = 1;
      while (c + cs < cols && !taken[r]![c + cs] && !vWall(c + cs, r)) cs++;
      let rs = 1;
      while (r + rs < rows && canExtendDown(r + rs, c, cs, taken, hWall)) rs++;
      for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) taken[i]![j] = true;
      spans.push([r, c, rs, cs]);
    }
  }
  if (spans.length < 2) return null;
  return { xs, ys, spans };
}

/**
 * Outer edges of a table without outer borders (three-line tables): where
 * at least two rules run past the outermost crossing line. A single rule
 * running past (a page-header rule touching a table cut by a page break)
 * is not an edge.
 */
function openEdges(spans: Array<[number, number]>, crossing: number[]): number[] {
  const lo = Math.min(...crossing), hi = Math.max(...crossing);
  const out: number[] = [];
  const before = spans.filter(([a]) => a < lo - SNAP).map(([a]) => a);
  const after = spans.filter(([, b]) => b > hi + SNAP).map(([, b]) => b);
  if (before.length >= 2) out.push(Math.max(...before));
  if (after.length >= 2) out.push(Math.min(...after));
  return out;
}

function canExtendDown(r: number, c: number, cs: number, taken: boolean[][], hWall: (r: number, c: number) => boolean): boolean {
  for (let j = c; j < c + cs; j++) if (taken[r]![j] || hWall(r, j)) return false;
  return true;
}

/** Clustered line positions, double borders collapsed, stubs at either end dropped. */
function tracks(values: number[]): number[] {
  const out: number[] = [];
  for (const p of clusterValues(values, SNAP)) {
    if (out.length && p - out[out.length - 1]! < MIN_TRACK) continue;
    out.push(p);
  }
  if (out.length > 2 && out[1]! - out[0]! < MIN_EDGE_TRACK) out.shift();
  if (out.length > 2 && out[out.length - 1]! - out[out.length - 2]! < MIN_EDGE_TRACK) out.pop();
  return out;
}

function covered(
  segs: Segment[],
  at: number,
  from: number,
  to: number,
  pos: (s: Segment) => number,
  span: (s: Segment) => [number, number],
): boolean {
  const need = (to - from) * EDGE_COVER;
  let sum = 0;
  for (const s of segs) {
    if (Math.abs(pos(s) - at) > SNAP) continue;
    const [a, b] = span(s);
    sum += Math.max(0, Math.min(b, to) - Math.max(a, from));
    if (sum >= need) return true;
  }
  return false;
}

/** Puts each item in the cell under its middle and builds the model table. */
export function fillGrid(page: number, grid: Grid, items: readonly TextItem[]): Table {
  const { xs, ys, spans } = grid;
  const owner: number[][] = Array.from({ length: ys.length - 1 }, () => Array<number>(xs.length - 1).fill(-1));
  spans.forEach(([r, c, rs, cs], k) => {
    for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) owner[i]![j] = k;
  });
  const byCell: TextItem[][] = spans.map(() => []);
  for (const it of items.flatMap((item) => splitAtBorders(item, xs))) {
    const c = trackIndex(xs, (it.x0 + it.x1) / 2);
    const r = trackIndex(ys, (it.y0 + it.y1) / 2);
    const k = owner[r]?.[c];
    if (k !== undefined && k >= 0) byCell[k]!.push(it);
  }
  const cells: Cell[] = spans.map(([r, c, rs, cs], k) => {
    const cell: Cell = { row: r, col: c, rowSpan: rs, colSpan: cs, text: cellText(byCell[k]!), page, bbox: toBBox({ x0: xs[c]!, y0: ys[r]!, x1: xs[c + cs]!, y1: ys[r + rs]! }) };
    const confidence = ocrConfidence(byCell[k]!);
    if (confidence !== undefined) cell.confidence = confidence;
    return cell;
  });
  return {
    kind: 'table',
    rows: ys.length - 1,
    cols: xs.length - 1,
    cells,
    page,
    bbox: toBBox({ x0: xs[0]!, y0: ys[0]!, x1: xs[xs.length - 1]!, y1: ys[ys.length - 1]! }),
    strategy: 'lattice',
  };
}

/** Width of a character in ems: CJK and full-width forms 1, the rest ½. */
const emWidth = (ch: string) => (/[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.5);

/**
 * An item that runs across a column border and has spaces inside is the
 * texts of neighbouring cells in one run (LibreOffice writes a table's header
 * `单位 统计数` as one run): it is split at its spaces, each word placed by
 * its share of the run's width, so each lands in its own cell.
 */
function splitAtBorders(item: TextItem, xs: readonly number[]): TextItem[] {
  if (!/\S\s+\S/.test(item.text) || !xs.some((x) => x > item.x0 + SNAP && x < item.x1 - SNAP)) return [item];
  const total = [...item.text].reduce((a, ch) => a + emWidth(ch), 0);
  const unit = (item.x1 - item.x0) / total;
  const out: TextItem[] = [];
  let at = 0;
  for (const m of item.text.matchAll(/\S+|\s+/g)) {
    const w = [...m[0]].reduce((a, ch) => a + emWidth(ch), 0) * unit;
    if (/\S/.test(m[0])) out.push({ ...item, text: m[0], x0: item.x0 + at, x1: item.x0 + at + w });
    at += w;
  }
  return out;
}

/** Index of the track (between consecutive positions) containing `v`, clamped. */
function trackIndex(positions: number[], v: number): number {
  let lo = 0, hi = positions.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (positions[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
