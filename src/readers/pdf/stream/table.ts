/**
 * One table without rulings, from one region: numbers → data rows and
 * columns; text above the numbers → header rows; text left of them → row
 * labels; then the grid, with every position covered by a cell (a blank
 * cell stays an empty cell).
 */

import type { Table } from '../../../model/document.js';
import type { Box } from '../types.js';
import { dataColumns, labelColumns } from './columns.js';
import { assemble } from './grid.js';
import { headerRows, type HeaderRows } from './header.js';
import type { HintIndex } from './hints.js';
import { labelCells, type DataRow } from './labels.js';
import { trailingValues, type Region } from './regions.js';
import { mergeTouching, tokenize, type Token } from './tokens.js';

export interface StreamTable {
  table: Table;
  /** The table's box on each page it covers, first page first. */
  parts: Array<{ page: number; box: Box }>;
}

interface Band {
  data: Token[];
  labels: Token[];
}

export function buildStreamTable(region: Region, hints: HintIndex): StreamTable | null {
  const em = region.fontSize;
  const { rows, others } = dataRows(region);
  const cols = dataColumns(rows.flatMap((r) => r.values), em);
  if (!cols || rows.length === 0) return null;
  const dataLeft = cols.edges[0]!;
  const { extras, bands, rowLabels } = sortTokens(others, rows, dataLeft, em);
  const starts = labelColumns(rowLabels, em);
  const hasBandLabels = [...bands.values()].some((b) => b.labels.length > 0);
  const labelCols = starts.length || (hasBandLabels ? 1 : 0);
  const labels = labelCells(rowLabels, rows, starts, em, hints);
  const regionLeft = Math.min(...[...others, ...rows.flatMap((r) => r.values)].map((t) => t.x0));
  const headers = new Map<number, HeaderRows>();
  for (const [k, b] of [...bands].sort((x, y) => x[0] - y[0])) {
    const h = headerRows(b.data, b.labels, cols, labelCols ? { x0: regionLeft } : null, em, hints.columns);
    if (h.rows > 0 && !(k > 0 && repeatsFirstHeader(h, headers.get(0), b, rows[k - 1]))) headers.set(k, h);
  }
  return assemble(rows, extras, labels, headers, { cols, starts, labelCols, dataLeft, regionLeft, em });
}

interface Sorted {
  /** Data-area text beside a data row (a unit, a note), per row. */
  extras: Token[][];
  /** Header bands, keyed by the index of the data row they stand above. */
  bands: Map<number, Band>;
  /** Label-area text beside the data rows. */
  rowLabels: Token[];
}

/**
 * Sorts the non-number tokens: left of the data columns they are labels
 * (row labels, or the label-area header beside a header band); over the
 * data columns they are header text, unless they sit beside a data row.
 * Also numbers the segments of rows between header bands.
 */
function sortTokens(others: readonly Token[], rows: DataRow[], dataLeft: number, em: number): Sorted {
  const isLabel = (t: Token) => t.x1 <= dataLeft + 0.25 * em || t.x0 < dataLeft - 0.25 * em;
  const extras: Token[][] = rows.map(() => []);
  const bands = new Map<number, Band>();
  const band = (k: number) => bands.get(k) ?? (bands.set(k, { data: [], labels: [] }), bands.get(k)!);
  for (const t of others.filter((x) => !isLabel(x))) {
    const r = rows.findIndex((row) => overlapShare(t, row) >= 0.5);
    if (r >= 0) extras[r]!.push(t);
    else band(rowsAbove(rows, t)).data.push(t);
  }
  const rowLabels: Token[] = [];
  for (const t of others.filter(isLabel)) {
    const k = bandHolding(bands, t, em) ?? (t.cy1 < rows[0]!.cy0 - 0.2 * em ? 0 : null);
    if (k === null || rows.some((row) => overlapShare(t, row) >= 0.3)) rowLabels.push(t);
    else band(k).labels.push(t);
  }
  let segment = 0;
  rows.forEach((row, k) => {
    if (k > 0 && bands.has(k)) segment++;
    row.segment = segment;
  });
  return { extras, bands, rowLabels };
}

/** Numeric lines give the data rows; every other token is returned for labels and headers. */
function dataRows(region: Region): { rows: DataRow[]; others: Token[] } {
  const dy = continuousOffsets(region);
  const rows: DataRow[] = [];
  const others: Token[] = [];
  for (const line of region.lines) {
    const tokens = mergeTouching(line.items.flatMap((it) => tokenize(it, dy.get(it.page)!)));
    const k = trailingValues(tokens);
    const values = tokens.slice(tokens.length - k);
    others.push(...tokens.slice(0, tokens.length - k));
    if (k > 0) rows.push({ values, cy0: Math.min(...values.map((t) => t.cy0)), cy1: Math.max(...values.map((t) => t.cy1)), segment: 0 });
  }
  rows.sort((a, b) => a.cy0 - b.cy0);
  return { rows, others: others.map((t) => ({ ...t, value: false })) };
}

/**
 * Vertical positions continued across page breaks (each page's part
 * stacked under the previous one), so "above", "beside" and "centred on"
 * work on a table printed over two pages.
 */
function continuousOffsets(region: Region): Map<number, number> {
  const out = new Map<number, number>();
  let offset = 0;
  for (const page of [...new Set(region.lines.map((l) => l.page))]) {
    const lines = region.lines.filter((l) => l.page === page);
    const top = Math.min(...lines.map((l) => l.y0));
    const bottom = Math.max(...lines.map((l) => l.y1));
    out.set(page, offset - top);
    offset += bottom - top + region.fontSize;
  }
  return out;
}

function overlapShare(t: Token, row: DataRow): number {
  const ov = Math.min(t.cy1, row.cy1) - Math.max(t.cy0, row.cy0);
  return ov / Math.max(1e-6, t.cy1 - t.cy0);
}

function rowsAbove(rows: readonly DataRow[], t: Token): number {
  const mid = (t.cy0 + t.cy1) / 2;
  return rows.filter((r) => (r.cy0 + r.cy1) / 2 < mid).length;
}

/** The band whose header text stands beside this label-area token. */
function bandHolding(bands: Map<number, Band>, t: Token, em: number): number | null {
  for (const [k, b] of bands) {
    if (b.data.length === 0) continue;
    const top = Math.min(...b.data.map((x) => x.cy0)) - 0.3 * em;
    const bottom = Math.max(...b.data.map((x) => x.cy1)) + 0.3 * em;
    if (t.cy0 >= top && t.cy1 <= bottom) return k;
  }
  return null;
}

/** A header band repeated at the top of a new page (a repeated `<thead>`). */
function repeatsFirstHeader(h: HeaderRows, first: HeaderRows | undefined, b: Band, rowBefore: DataRow | undefined): boolean {
  if (!first || !rowBefore) return false;
  const page = [...b.data, ...b.labels][0]?.page;
  if (page === undefined || page === rowBefore.values[0]!.page) return false;
  const texts = (x: HeaderRows) => x.cells.map((c) => c.block?.text ?? '').sort().join('|');
  return texts(h) === texts(first);
}
