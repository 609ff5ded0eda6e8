/**
 * Tables continued on the next page. Reports let tables 二, 三 and 四 run
 * over a page break, sometimes repeating the header rows on the new page,
 * sometimes leaving only a sub-table's header at the bottom of a page (a
 * 第二十条第（六）项 header, its rows on the next page). The parts become one
 * table; a repeated header is dropped; a merged label cell cut by the break
 * (三、本年度办理结果) is continued instead of leaving an empty cell.
 */

import type { Cell, Table } from '../../model/document.js';
import { joinWrapped } from '../../text/cjk.js';
import { labelParts } from '../../text/labels.js';
import { clusterValues, nearestIndex } from './geometry.js';
import { isValueText } from './values.js';

/** Left and right edges of two parts of one table agree within this (points). */
const EDGE_TOLERANCE = 4;
const SNAP = 2;

/** Same left and right edges: the usual sign of one table cut by a page break. */
export function sameFrame(a: Table, b: Table): boolean {
  if (!a.bbox || !b.bbox) return false;
  return Math.abs(a.bbox[0] - b.bbox[0]) <= EDGE_TOLERANCE && Math.abs(a.bbox[2] - b.bbox[2]) <= EDGE_TOLERANCE;
}

export function joinTables(first: Table, second: Table): Table {
  const xs = clusterValues(
    [...first.cells, ...second.cells].flatMap((c) => (c.bbox ? [c.bbox[0], c.bbox[2]] : [])),
    SNAP,
  );
  const a = first.cells.map((c) => remapColumns(c, xs));
  let b = second.cells.map((c) => remapColumns(c, xs));
  const dropped = repeatedHeaderRows(a, b);
  b = b.filter((c) => c.row >= dropped).map((c) => ({ ...c, row: c.row - dropped }));
  const split = mergeSplitRow(a, b, first.rows);
  if (split) b = b.filter((c) => c.row + c.rowSpan > 1).map((c) => (c.row === 0 ? { ...c, rowSpan: c.rowSpan - 1 } : { ...c, row: c.row - 1 }));
  b = continueCutCells(a, b, first.rows);
  const rows = first.rows + second.rows - dropped - (split ? 1 : 0);
  const cells = [...a, ...b.map((c) => ({ ...c, row: c.row + first.rows }))];
  return { ...first, rows, cols: Math.max(1, xs.length - 1), cells };
}

/** Re-expresses a cell's columns on the union of both parts' column edges. */
function remapColumns(cell: Cell, xs: number[]): Cell {
  if (!cell.bbox) return { ...cell };
  const col = nearestIndex(xs, cell.bbox[0]);
  const end = nearestIndex(xs, cell.bbox[2]);
  return { ...cell, col, colSpan: Math.max(1, end - col) };
}

function signature(cells: Cell[], row: number): string | null {
  const inRow = cells.filter((c) => c.row === row).sort((x, y) => x.col - y.col);
  if (inRow.length === 0) return null;
  return inRow.map((c) => `${c.col}:${c.colSpan}:${c.text.replace(/\s+/g, '')}`).join('|');
}

/**
 * How many leading rows of the second part repeat the first part's header:
 * identical rows (same cells, same texts) holding some label text, and not
 * cut by a cell that spans further down.
 */
function repeatedHeaderRows(a: Cell[], b: Cell[]): number {
  let k = 0;
  for (;;) {
    const sb = signature(b, k);
    if (sb === null || sb !== signature(a, k)) break;
    const hasLabel = b.some((c) => c.row === k && c.text && !isValueText(c.text));
    if (!hasLabel) break;
    k++;
  }
  while (k > 0 && b.some((c) => c.row < k && c.row + c.rowSpan > k)) k--;
  return k;
}

/**
 * LibreOffice breaks a tall row across pages: the rest of its label
 * (`6.属于四类过程性信` / `息`) opens the next page with empty data cells.
 * When the second part's first row only holds label text under label cells
 * that reach the first part's last row, that text is appended to them and
 * the row is dropped (the caller removes it). Returns whether it merged.
 */
function mergeSplitRow(a: Cell[], b: Cell[], firstRows: number): boolean {
  const row = b.filter((c) => c.row === 0);
  const texts = row.filter((c) => c.text);
  if (texts.length === 0 || texts.length === row.length) return false;
  const aboveOf = (cell: Cell) => a.find((c) => c.row + c.rowSpan === firstRows && c.col === cell.col && c.colSpan === cell.colSpan);
  for (const cell of texts) {
    if (cell.rowSpan !== 1 || isValueText(cell.text)) return false;
    // A label that begins with its own number (`7.属于行政执法案卷`, `（四）…`) opens a row:
    // with zero cells left blank it would otherwise look just like the rest of the row above.
    if (labelParts(cell.text).ordinal) return false;
    const above = aboveOf(cell);
    if (!above?.text || isValueText(above.text)) return false;
  }
  // The row above must hold the numbers that the continuation lacks.
  const emptyUnderValue = row.some((c) => !c.text && c.rowSpan === 1 && isValueText(aboveOf(c)?.text ?? ''));
  if (!emptyUnderValue) return false;
  for (const cell of texts) {
    const above = aboveOf(cell)!;
    above.text = joinWrapped(above.text, cell.text);
  }
  return true;
}

/**
 * An empty cell in the second part's first row under a label cell that
 * reaches the first part's last row is the rest of that merged cell. Only in
 * the label columns (left of every number): under a header that ends a page,
 * an empty cell is a blank zero of the first data row, not more header.
 */
function continueCutCells(a: Cell[], b: Cell[], firstRows: number): Cell[] {
  const removed = new Set<Cell>();
  const firstValueCol = Math.min(...[...a, ...b].filter((c) => isValueText(c.text)).map((c) => c.col));
  for (const cell of b) {
    if (cell.row !== 0 || cell.text || cell.col + cell.colSpan > firstValueCol) continue;
    const above = a.find((c) => c.row + c.rowSpan === firstRows && c.col === cell.col && c.colSpan === cell.colSpan);
    if (!above || !above.text || isValueText(above.text)) continue;
    above.rowSpan += cell.rowSpan;
    removed.add(cell);
  }
  return b.filter((c) => !removed.has(c));
}
