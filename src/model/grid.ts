import type { Cell, Table } from './document.js';

/**
 * The table as a dense rows × cols array: each position holds the cell that
 * covers it (a merged cell appears at every position it spans), or undefined
 * where no cell was printed.
 */
export function denseGrid(table: Table): (Cell | undefined)[][] {
  const grid: (Cell | undefined)[][] = Array.from({ length: table.rows }, () => new Array<Cell | undefined>(table.cols));
  for (const cell of table.cells) {
    for (let r = cell.row; r < Math.min(table.rows, cell.row + cell.rowSpan); r++) {
      for (let c = cell.col; c < Math.min(table.cols, cell.col + cell.colSpan); c++) grid[r]![c] = cell;
    }
  }
  return grid;
}

/** The distinct cells of a grid row, left to right (a merged cell once). */
export function distinctCells(row: readonly (Cell | undefined)[]): Cell[] {
  const out: Cell[] = [];
  for (const cell of row) if (cell && !out.includes(cell)) out.push(cell);
  return out;
}

/**
 * A table cell holding more text than this (whitespace aside) holds
 * paragraphs, not data: the table is page layout (readers of HTML and .doc).
 */
export const LAYOUT_CELL_TEXT = 200;
