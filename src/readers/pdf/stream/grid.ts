/**
 * The grid of a table without rulings, from its data rows, label cells and
 * header bands: one grid row per header row and per data row, label columns
 * first, every position covered by a cell, and each cell with the page and
 * box it was read from (column territories × the row's printed extent).
 */

import type { Cell, Table } from '../../../model/document.js';
import { toBBox } from '../geometry.js';
import { makeBlock } from './blocks.js';
import { columnOf, type DataColumns } from './columns.js';
import type { HeaderRows } from './header.js';
import type { DataRow, LabelCell } from './labels.js';
import type { StreamTable } from './table.js';
import type { Token } from './tokens.js';

/** Where the table's columns are (points). */
export interface Geometry {
  cols: DataColumns;
  /** Left edges of the label columns. */
  starts: number[];
  /** Number of label columns (at least 1 when any label text exists). */
  labelCols: number;
  /** Where the data columns begin. */
  dataLeft: number;
  /** Left edge of the table's text. */
  regionLeft: number;
  em: number;
}

interface Draft {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  tokens: Token[];
}

export function assemble(
  rows: DataRow[],
  extras: Token[][],
  labels: LabelCell[],
  headers: Map<number, HeaderRows>,
  g: Geometry,
): StreamTable {
  const drafts: Draft[] = [];
  const dataRowAt: number[] = [];
  const rowTokens: Token[][] = [];
  let r = 0;
  for (let k = 0; k <= rows.length; k++) {
    const h = headers.get(k);
    if (h) {
      for (const c of h.cells) {
        const [col, colSpan] = headerColumns(c.col, c.colSpan, g.labelCols);
        drafts.push({ row: r + c.row, col, rowSpan: c.rowSpan, colSpan, text: c.block?.text ?? '', tokens: c.block?.tokens ?? [] });
      }
      for (let i = 0; i < h.rows; i++) rowTokens[r + i] = h.cells.filter((c) => c.row === i).flatMap((c) => c.block?.tokens ?? []);
      r += h.rows;
    }
    if (k === rows.length) break;
    dataRowAt[k] = r;
    const row = rows[k]!;
    const inCol = new Map<number, Token[]>();
    for (const t of [...row.values, ...extras[k]!]) {
      const j = columnOf(g.cols, t);
      inCol.set(j, [...(inCol.get(j) ?? []), t]);
    }
    for (const [j, tokens] of inCol) drafts.push({ row: r, col: g.labelCols + j, rowSpan: 1, colSpan: 1, text: makeBlock(tokens).text, tokens });
    rowTokens[r] = [...row.values, ...extras[k]!];
    r++;
  }
  for (const l of labels) {
    const first = dataRowAt[l.first]!, last = dataRowAt[l.last]!;
    drafts.push({ row: first, col: l.col, rowSpan: last - first + 1, colSpan: l.colSpan, text: l.block.text, tokens: l.block.tokens });
    if (l.first === l.last) rowTokens[first]!.push(...l.block.tokens);
  }
  const nRows = r, nCols = g.labelCols + g.cols.centres.length;
  fillHoles(drafts, nRows, nCols);
  return toTable(drafts, rowTokens, nRows, nCols, g);
}

/** Header columns count the label area as one column; the grid has `labelCols` there. */
function headerColumns(col: number, colSpan: number, labelCols: number): [number, number] {
  if (labelCols === 0) return [col, colSpan];
  const start = col === 0 ? 0 : labelCols + col - 1;
  const end = labelCols + col + colSpan - 2;
  return [start, Math.max(1, end - start + 1)];
}

function fillHoles(drafts: Draft[], nRows: number, nCols: number): void {
  const taken = Array.from({ length: nRows }, () => Array<boolean>(nCols).fill(false));
  for (const d of drafts) {
    for (let i = d.row; i < d.row + d.rowSpan && i < nRows; i++) {
      for (let j = d.col; j < d.col + d.colSpan && j < nCols; j++) taken[i]![j] = true;
    }
  }
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < nCols; j++) if (!taken[i]![j]) drafts.push({ row: i, col: j, rowSpan: 1, colSpan: 1, text: '', tokens: [] });
  }
}

function toTable(drafts: Draft[], rowTokens: Token[][], nRows: number, nCols: number, g: Geometry): StreamTable {
  // Each grid row's page and vertical extent on that page.
  const rowPage: number[] = [];
  const rowBox: Array<[number, number]> = [];
  let lastPage = rowTokens.flat()[0]?.page ?? 1;
  for (let i = 0; i < nRows; i++) {
    const ts = rowTokens[i] ?? [];
    const page = ts[0]?.page ?? lastPage;
    const onPage = ts.filter((t) => t.page === page);
    rowPage[i] = page;
    rowBox[i] = onPage.length
      ? [Math.min(...onPage.map((t) => t.y0)), Math.max(...onPage.map((t) => t.y1))]
      : rowBox[i - 1] ?? [0, 0];
    lastPage = page;
  }
  const colLeft = (j: number) =>
    j < g.labelCols ? (j === 0 ? g.regionLeft : g.starts[j]! - 0.3 * g.em) : g.cols.edges[j - g.labelCols]!;
  const colRight = (j: number) =>
    j < g.labelCols ? (j + 1 < g.labelCols ? g.starts[j + 1]! - 0.3 * g.em : g.dataLeft) : g.cols.edges[j - g.labelCols + 1]!;
  const cells: Cell[] = drafts
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((d) => {
      const page = rowPage[d.row]!;
      let y1 = rowBox[d.row]![1];
      for (let i = d.row + 1; i < d.row + d.rowSpan; i++) if (rowPage[i] === page) y1 = Math.max(y1, rowBox[i]![1]);
      const own = d.tokens.filter((t) => t.page === page);
      const y0 = Math.min(rowBox[d.row]![0], ...own.map((t) => t.y0));
      y1 = Math.max(y1, ...own.map((t) => t.y1));
      return {
        row: d.row,
        col: d.col,
        rowSpan: d.rowSpan,
        colSpan: d.colSpan,
        text: d.text,
        page,
        bbox: toBBox({ x0: colLeft(d.col), y0, x1: colRight(d.col + d.colSpan - 1), y1 }),
      };
    });
  const parts = partsOf(rowPage, rowBox, colLeft(0), colRight(nCols - 1));
  const table: Table = {
    kind: 'table',
    rows: nRows,
    cols: nCols,
    cells,
    page: parts[0]!.page,
    bbox: toBBox(parts[0]!.box),
    strategy: 'stream',
  };
  return { table, parts };
}

function partsOf(rowPage: number[], rowBox: Array<[number, number]>, x0: number, x1: number): StreamTable['parts'] {
  const parts: StreamTable['parts'] = [];
  rowPage.forEach((page, i) => {
    const [y0, y1] = rowBox[i]!;
    const last = parts[parts.length - 1];
    if (last && last.page === page) {
      last.box.y0 = Math.min(last.box.y0, y0);
      last.box.y1 = Math.max(last.box.y1, y1);
    } else parts.push({ page, box: { x0, y0, x1, y1 } });
  });
  return parts;
}
