/**
 * One table without rulings, from one region: numbers → data rows and
 * columns; text above the numbers → header rows; text left of them → row
 * labels; a label beside no number → a row left blank, a column header
 * over no number → a column left blank; then the grid, with every position
 * covered by a cell (a blank cell stays an empty cell).
 */

import type { Table } from '../../../model/document.js';
import type { Box } from '../types.js';
import { dataColumns, labelColumns, withBlankColumns, type DataColumns } from './columns.js';
import { assemble } from './grid.js';
import { wrapGap, type Block } from './blocks.js';
import { headerBlocks, headerRows, splitLeaves, type HeaderRows } from './header.js';
import { startsRowLabel, type HintIndex } from './hints.js';
import { blankRows, labelCells, type DataRow } from './labels.js';
import { lineTokens, trailingValues, type Region } from './regions.js';
import { centre, type Token } from './tokens.js';

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
  const { rows: numeric, others, labelRight } = dataRows(region);
  const found = dataColumns(numeric.flatMap((r) => r.values), em);
  if (!found || numeric.length === 0) return null;
  const isLabel = labelTest(found.centres[0]!, labelRight, em);
  const wrap = wrapGap(numeric, em);
  const sortWith = (rows: DataRow[]) => sortTokens(others, rows, isLabel, em, wrap, hints);
  const first = sortWith(numeric);
  const blank = blankRows(first.rowLabels, numeric, labelColumns(first.rowLabels, em), em, wrap, hints);
  const rows = [...numeric, ...blank].sort((a, b) => a.cy0 - b.cy0);
  const sorted = blank.length ? sortWith(rows) : first;
  const cells = new Map([...sorted.bands].map(([k, b]) => [k, headerBlocks(b.data, em, wrap, hints.columns)]));
  // Numbers may be missing from most columns, so their spacing may be far wider than the columns'.
  const spacing = Math.min(found.spacing, 4 * em);
  const cols = withBlankColumns(found, [...sorted.bands].map(([k, b]) => splitLeaves(cells.get(k)!, b.labels, em, spacing).leaves), em);
  const regionLeft = Math.min(...[...others, ...numeric.flatMap((r) => r.values)].map((t) => t.x0));
  return grid(rows, sorted, cells, { cols, regionLeft, em, wrap, hints });
}

/** The grid from rows, sorted text and columns: label cells, header rows per band, data cells. */
function grid(
  rows: DataRow[],
  { extras, bands, rowLabels }: Sorted,
  cells: Map<number, Block[]>,
  o: { cols: DataColumns; regionLeft: number; em: number; wrap: number; hints: HintIndex },
): StreamTable {
  const { cols, regionLeft, em } = o;
  const starts = labelColumns(rowLabels, em);
  const hasBandLabels = [...bands.values()].some((b) => b.labels.length > 0);
  const labelCols = starts.length || (hasBandLabels ? 1 : 0);
  const labels = labelCells(rowLabels, rows, starts, em, o.wrap, o.hints);
  const headers = new Map<number, HeaderRows>();
  for (const [k, b] of [...bands].sort((x, y) => x[0] - y[0])) {
    const h = headerRows(cells.get(k)!, b.labels, cols, labelCols ? { x0: regionLeft } : null, em);
    if (h.rows > 0 && !(k > 0 && repeatsFirstHeader(h, headers.get(0), b, rows[k - 1]))) headers.set(k, h);
  }
  return assemble(rows, extras, labels, headers, { cols, starts, labelCols, dataLeft: cols.edges[0]!, regionLeft, em });
}

/**
 * Label text is centred left of the first column of numbers and starts
 * left of where the row labels end. Neither test alone: a column header
 * wider than its numbers reaches left of them (本年新制作数量 over a column
 * of short numbers), a column whose cells are all blank has no numbers
 * under its header, and when most cells are blank the first column's
 * territory, measured to the next column with numbers, reaches far into
 * the labels.
 */
function labelTest(firstColumn: number, labelRight: number, em: number): (t: Token) => boolean {
  return (t) => centre(t) < firstColumn - 0.5 * em && t.x0 < labelRight;
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
function sortTokens(others: readonly Token[], rows: DataRow[], isLabel: (t: Token) => boolean, em: number, wrap: number, hints: HintIndex): Sorted {
  const extras: Token[][] = rows.map(() => []);
  const bands = new Map<number, Band>();
  const band = (k: number) => bands.get(k) ?? (bands.set(k, { data: [], labels: [] }), bands.get(k)!);
  for (const t of others.filter((x) => !isLabel(x))) {
    const r = rows.findIndex((row) => overlapShare(t, row) >= 0.5);
    if (r >= 0) extras[r]!.push(t);
    else band(rowsAbove(rows, t)).data.push(t);
  }
  const rowLabels: Token[] = [];
  const headed: Array<{ t: Token; k: number }> = [];
  const headerTop = Math.min(...[...bands.values()].flatMap((b) => b.data.map((x) => x.cy0)));
  for (const t of others.filter(isLabel).sort((a, b) => a.cy0 - b.cy0)) {
    if (rows.some((row) => overlapShare(t, row) >= 0.3)) {
      rowLabels.push(t);
      continue;
    }
    const above = t.cy1 < rows[0]!.cy0 - 0.2 * em && t.cy1 <= headerTop + 0.2 * em;
    const k = besideHeader(bands, t, em) ?? underHeaderLabel(headed, t, em, wrap, hints) ?? (above ? 0 : null);
    if (k === null) rowLabels.push(t);
    else {
      band(k).labels.push(t);
      headed.push({ t, k });
    }
  }
  let segment = 0;
  rows.forEach((row, k) => {
    if (k > 0 && bands.has(k)) segment++;
    row.segment = segment;
  });
  return { extras, bands, rowLabels };
}

/** The band with header text on the same line as this label-area token. */
function besideHeader(bands: Map<number, Band>, t: Token, em: number): number | null {
  for (const [k, b] of bands) {
    if (b.data.some((x) => Math.min(x.cy1, t.cy1) - Math.max(x.cy0, t.cy0) >= 0.3 * (t.cy1 - t.cy0) - 0.2 * em)) return k;
  }
  return null;
}

/**
 * A wrapped line of a label-area header that runs lower than the header text
 * beside it (a long note in the corner cell). A row label right under the
 * corner cell (a first row left blank) is as close in a tightly set table,
 * so a printed row label of the template never continues the header.
 */
function underHeaderLabel(headed: ReadonlyArray<{ t: Token; k: number }>, t: Token, em: number, wrap: number, hints: HintIndex): number | null {
  if (startsRowLabel(hints, t.text)) return null;
  for (const h of headed) {
    const gap = t.cy0 - h.t.cy1;
    if (gap >= -0.2 * em && gap <= wrap && Math.min(h.t.x1, t.x1) > Math.max(h.t.x0, t.x0)) return h.k;
  }
  return null;
}

/**
 * Numeric lines give the data rows; every other token is returned for
 * labels and headers, with the right end of the labels printed beside the
 * numbers.
 */
function dataRows(region: Region): { rows: DataRow[]; others: Token[]; labelRight: number } {
  const dy = continuousOffsets(region);
  const rows: DataRow[] = [];
  const others: Token[] = [];
  let labelRight = -Infinity;
  for (const line of region.lines) {
    const shift = dy.get(line.page)!;
    const tokens = lineTokens(line).map((t) => ({ ...t, cy0: t.cy0 + shift, cy1: t.cy1 + shift }));
    const k = trailingValues(tokens);
    const values = tokens.slice(tokens.length - k);
    const rest = tokens.slice(0, tokens.length - k);
    others.push(...rest);
    if (k === 0) continue;
    rows.push({ values, cy0: Math.min(...values.map((t) => t.cy0)), cy1: Math.max(...values.map((t) => t.cy1)), segment: 0, page: line.page });
    for (const t of rest) if (t.x1 <= values[0]!.x0) labelRight = Math.max(labelRight, t.x1);
  }
  rows.sort((a, b) => a.cy0 - b.cy0);
  return { rows, others: others.map((t) => ({ ...t, value: false })), labelRight };
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

/** A header band repeated at the top of a new page (a repeated `<thead>`). */
function repeatsFirstHeader(h: HeaderRows, first: HeaderRows | undefined, b: Band, rowBefore: DataRow | undefined): boolean {
  if (!first || !rowBefore) return false;
  const page = [...b.data, ...b.labels][0]?.page;
  if (page === undefined || page === rowBefore.page) return false;
  const texts = (x: HeaderRows) => x.cells.map((c) => c.block?.text ?? '').sort().join('|');
  return texts(h) === texts(first);
}
