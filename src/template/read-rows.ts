/**
 * Reading a section's printed tables against one table template, before any
 * alignment: the tables' rows as one stream (a table printed in parts arrives
 * as several), header rows recognised by their words and turned into a map
 * from grid column to template column (template/map-columns.ts), and every
 * other row made a candidate data row with its label and its cells keyed by
 * that map. `mapTables` (template/map-table.ts) aligns the candidates with the
 * template's rows; `readHeaders` answers what the header rows alone tell.
 */
import type { Cell, Table } from '../model/document.js';
import { denseGrid, distinctCells } from '../model/grid.js';
import { labelParts, type LabelParts } from '../text/labels.js';
import { looksNumeric } from './cell-value.js';
import { isHeaderWord, mapColumns, type ColumnMap, type GridRow } from './map-columns.js';
import type { CompiledTable } from './load.js';

/** A row that may carry data, with its label and its cells keyed by template column. */
export interface Candidate {
  leafLabel: string;
  groupText: string;
  values: Map<string, { cell: Cell | undefined; header: string }>;
  /** Data cells in order, when no header told which column is which. */
  ordered: Cell[];
  numeric: number;
  index: number;
  /** `leafLabel`, the whole label (group labels and leaf) and `groupText` split once (text/labels.ts), for every template row they are scored against. */
  leafParts: LabelParts;
  fullCore: string;
  groupCore: string;
  /** The key of `labelMatch`'s memo (template/map-table.ts) for this row, built once (a string hashes once, however often it is looked up). */
  matchKey: string;
}

/**
 * What the header rows of `tables` tell, read as `mapTables` reads them but
 * without aligning or reading the data rows, for questions asked of every
 * table and template: `columnsMatched` (as `mapTables` gives it) and the
 * template columns that some printed row has a cell under (the keys of
 * `printedRows[].cells`); and the reading itself (`read`), which
 * `mapTables(tables, template, forms, read)` goes on from without reading the
 * rows again.
 */
export function readHeaders(tables: Table[], template: CompiledTable): { columnsMatched: number; columns: Set<string>; read: RowReading } {
  const read = readTables(tables, template);
  return { columnsMatched: read.columnsMatched, columns: new Set(read.candidates.flatMap((c) => [...c.values.keys()])), read };
}

/** The `tables` of one section (in reading order) read against `template`: their rows as one stream, each with the index of its table, split into header blocks and candidate data rows. */
export function readTables(tables: Table[], template: CompiledTable): RowReading {
  return readRows(
    tables.flatMap((t, i) => denseGrid(t).map((cells) => ({ table: i, cells }))),
    template,
  );
}

/** A section's tables read against one template: the candidate data rows, the template columns the header rows named, notes on columns placed by position. */
export interface RowReading {
  candidates: Candidate[];
  columnsMatched: number;
  notes: string[];
}

/** Splits the row stream into header blocks and candidate data rows. */
function readRows(rows: GridRow[], template: CompiledTable): RowReading {
  const candidates: Candidate[] = [];
  const matchedKeys = new Set<string>();
  const notes = new Set<string>();
  let map: ColumnMap | undefined;
  let header: GridRow[] = [];
  let prevTable = -1;
  let sawDataInTable = false;

  const closeHeader = () => {
    if (!header.length) return;
    const m = mapColumns(header, template);
    if (m.keyOf.some((k) => k)) {
      map = m;
      for (const k of m.keyOf) if (k) matchedKeys.add(k);
      for (const k of m.placed) notes.add(`column ${k}: header not recognised; placed by its position between the columns around it`);
    }
    header = [];
  };

  for (const row of rows) {
    if (row.table !== prevTable) {
      closeHeader();
      // A continuation part without its own header keeps the columns of the part before.
      if (map && map.ncols !== row.cells.length) map = undefined;
      prevTable = row.table;
      sawDataInTable = false;
    }
    const distinct = distinctOf(row.cells);
    const numeric = distinct.filter((c) => looksNumeric(c.text)).length;
    // A row with a number is never a header: its words need no scoring.
    const hits = numeric === 0 ? distinct.filter((c) => isHeaderWord(c.text, template)).length : 0;
    const isHeader = numeric === 0 && (hits >= 2 || (hits === 1 && (header.length > 0 || !sawDataInTable)));
    if (isHeader) {
      header.push(row);
      continue;
    }
    closeHeader();
    const cand = candidateOf(row, map, candidates.length);
    if (cand) {
      candidates.push(cand);
      if (cand.numeric || cand.leafLabel) sawDataInTable = true;
    }
  }
  closeHeader();
  return { candidates, columnsMatched: matchedKeys.size, notes: [...notes] };
}

/** The distinct cells of a row that print something. */
function distinctOf(cells: (Cell | undefined)[]): Cell[] {
  return distinctCells(cells).filter((c) => c.text.trim());
}

/** A grid row as a candidate data row: its label cells and its data cells, keyed by template column when a header named them (`map`), else in printed order; undefined for a row with neither label nor data. */
function candidateOf(row: GridRow, map: ColumnMap | undefined, index: number): Candidate | undefined {
  const labelCells: Cell[] = [];
  const values = new Map<string, { cell: Cell | undefined; header: string }>();
  const ordered: Cell[] = [];
  if (map) {
    for (let c = 0; c < row.cells.length; c++) {
      const cell = row.cells[c];
      const key = map.keyOf[c];
      if (c < map.firstDataCol || (cell && cell.col < map.firstDataCol)) {
        if (cell && !labelCells.includes(cell)) labelCells.push(cell);
      } else if (key) {
        const prev = values.get(key);
        // Two grid columns under one merged header: keep the cell that has text.
        if (!prev || (!prev.cell?.text.trim() && cell?.text.trim())) values.set(key, { cell, header: map.headerText[c]! });
      }
    }
  } else {
    // No header tells the columns apart: the label is the text before the first number.
    for (const cell of distinctOf(row.cells)) {
      if (!ordered.length && !looksNumeric(cell.text)) labelCells.push(cell);
      else ordered.push(cell);
    }
  }
  const labels = labelCells.map((c) => c.text.trim()).filter(Boolean);
  const dataCells = map ? [...values.values()].map((v) => v.cell) : ordered;
  const numeric = dataCells.filter((c) => c && looksNumeric(c.text) && c.text.trim()).length;
  // A row with neither label nor number is kept only where a header gave it data cells: the one
  // unlabelled row of table 四 is all blank when every count is zero.
  if (!labels.length && !numeric && !values.size) return undefined;
  const leafLabel = labels[labels.length - 1] ?? '';
  const groupText = labels.slice(0, -1).join('');
  const leafParts = labelParts(leafLabel);
  const fullCore = labelParts(labels.join('')).core;
  return {
    leafLabel,
    groupText,
    values,
    ordered,
    numeric,
    index,
    leafParts,
    fullCore,
    groupCore: groupText ? labelParts(groupText).core : '',
    matchKey: `${leafParts.core}\u0000${fullCore}`,
  };
}
