/**
 * Table rows → a cell grid. Word stores no grid: each row lists its own cell
 * boundaries (TDefTableOperand.rgdxaCenter). The grid's columns are the
 * union of all rows' boundaries (within a tolerance), so a cell spanning
 * several boundaries of other rows gets colSpan > 1. Vertically merged cells
 * (VerticalMergeFlag fvmMerge) join the cell above into one with
 * rowSpan > 1; legacy horizontal merges (TCGRF.horzMerge) join the cell to
 * the left. A table used for page layout (see isLayout) is read as the
 * blocks inside it, as the HTML reader does.
 */
import type { Block, Cell, Table } from '../../model/document.js';
import { LAYOUT_CELL_TEXT } from '../../model/grid.js';
import { joinWrapped } from '../../text/cjk.js';
import type { CellDef, RowDef } from './row-def.js';
import { paragraphBlocks, type Para } from './para.js';

/** Content of a cell: its paragraphs, and the blocks of any table nested in it. */
export type CellItem = Para | { nested: Block[] };

export interface SourceRow {
  cells: CellItem[][];
  def?: RowDef;
}

/**
 * Boundaries closer than this (twips; 20 = 1 pt, 60 ≈ 1 mm) are one grid
 * line: rows of hand-made tables are rarely aligned exactly, and no real
 * column is this narrow.
 */
const TOLERANCE = 60;
/** Beyond this many columns the boundaries are nonsense; fall back to cell indices. */
const MAX_COLS = 256;
/** Width given to cells of a row without a usable definition. */
const FALLBACK_WIDTH = 1000;

interface PlacedCell {
  items: CellItem[];
  left: number;
  right: number;
  vertMerge: CellDef['vertMerge'];
}

const isPara = (item: CellItem): item is Para => !('nested' in item);

function cellText(items: CellItem[]): string {
  return items.filter(isPara).flatMap((p) => p.lines).reduce(joinWrapped, '');
}

function cellBlocks(items: CellItem[]): Block[] {
  return items.flatMap((item) => (isPara(item) ? paragraphBlocks(item) : item.nested));
}

/** Boundary `i` of a row: from its definition, continued with made-up widths past the cells it defines. */
function edge(def: RowDef | undefined, i: number): number {
  const defined = def ? def.cells.length : 0;
  if (def && i <= defined) return def.centers[i]!;
  return (def ? def.centers[defined]! : 0) + (i - defined) * FALLBACK_WIDTH;
}

/** The row's cells with their edges, legacy horizontal merges folded into the first cell. */
function placeCells(row: SourceRow, previous: RowDef | undefined): PlacedCell[] {
  const def = row.def ?? previous;
  const placed: PlacedCell[] = [];
  row.cells.forEach((items, i) => {
    const left = edge(def, i);
    const right = edge(def, i + 1);
    const flags = def?.cells[i] ?? { horzMerge: 0, vertMerge: 0 };
    const prev = placed[placed.length - 1];
    // A cell merged into the previous one, or one with no width (non-increasing boundaries): the previous cell takes it over.
    if (prev && (flags.horzMerge === 2 || right <= prev.right || right <= left)) {
      prev.items.push(...items);
      prev.right = Math.max(prev.right, right);
      return;
    }
    placed.push({ items: [...items], left: prev ? Math.max(left, prev.right) : left, right, vertMerge: flags.vertMerge });
  });
  return placed;
}

/** Sorted boundary values → representative grid lines, clustering values within the tolerance. */
function gridLines(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const lines: number[] = [];
  for (const v of sorted) if (!lines.length || v - lines[lines.length - 1]! > TOLERANCE) lines.push(v);
  return lines;
}

/** Index of the grid line nearest to `x`. */
function lineIndex(lines: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < lines.length; i++) if (Math.abs(lines[i]! - x) < Math.abs(lines[best]! - x)) best = i;
  return best;
}

/**
 * Page layout rather than data: a table holding another table, or a one- or
 * two-column box around whole paragraphs. A data table with a long note row
 * stays a table.
 */
function isLayout(rows: PlacedCell[][]): boolean {
  if (rows.some((r) => r.some((c) => !c.items.every(isPara)))) return true;
  const long = rows.some((r) => r.some((c) => cellText(c.items).replace(/\s+/g, '').length > LAYOUT_CELL_TEXT));
  return long && rows.every((r) => r.length <= 2);
}

function gridTable(rows: PlacedCell[][]): Table {
  let lines = gridLines(rows.flatMap((r) => r.flatMap((c) => [c.left, c.right])));
  const byIndex = lines.length - 1 > MAX_COLS;
  if (byIndex) lines = [];
  const cells: Cell[] = [];
  // The cell that last covered each grid column, for vertical merges.
  const above = new Map<number, Cell>();
  let cols = 0;
  rows.forEach((row, r) => {
    let next = 0;
    row.forEach((pc, i) => {
      const col = byIndex ? i : Math.max(next, lineIndex(lines, pc.left));
      const end = byIndex ? i + 1 : Math.max(col + 1, lineIndex(lines, pc.right));
      next = end;
      cols = Math.max(cols, end);
      const text = cellText(pc.items);
      const target = above.get(col);
      if (pc.vertMerge === 1 && target && target.row + target.rowSpan === r && target.colSpan === end - col) {
        target.rowSpan++;
        target.text = joinWrapped(target.text, text);
        return;
      }
      const cell: Cell = { row: r, col, rowSpan: 1, colSpan: end - col, text, page: null };
      cells.push(cell);
      above.set(col, cell);
    });
  });
  return { kind: 'table', rows: rows.length, cols, cells, page: null, strategy: 'markup' };
}

/** One table's rows → its blocks: a grid, or (page layout in a table) its paragraphs. */
export function buildTable(rows: SourceRow[], warnings: string[]): Block[] {
  let previous: RowDef | undefined;
  const placed = rows.map((row) => {
    const cells = placeCells(row, previous);
    previous = row.def ?? previous;
    return cells;
  });
  if (rows.some((r) => !r.def)) warnings.push('a .doc table row has no cell definition; its columns were guessed');
  if (isLayout(placed)) return placed.flatMap((r) => r.flatMap((c) => cellBlocks(c.items)));
  const table = gridTable(placed);
  return table.cells.length ? [table] : [];
}
