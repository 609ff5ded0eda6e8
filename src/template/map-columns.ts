/**
 * Which template column each printed column holds (the header half of
 * `mapTables`, map-table.ts): header rows are told by their words, and each
 * grid column is given the template column whose label path its header texts
 * match best — by the labels printed, never by counting columns. Columns a
 * header leaves unnamed are placed by their position between named ones.
 */
import type { Cell } from '../model/document.js';
import { labelParts, labelScore, similarity } from '../text/labels.js';
import type { CompiledTable } from './load.js';

/** Printed header labels match a template label at this similarity or better. */
export const HEADER_MATCH = 0.8;
/** A column header matches a template column path at this similarity or better. */
export const COLUMN_MATCH = 0.6;

export interface GridRow {
  table: number;
  cells: (Cell | undefined)[];
}

export interface ColumnMap {
  /** Grid column → template column key. */
  keyOf: (string | undefined)[];
  /** Columns placed by position rather than by their header, for the warnings. */
  placed: string[];
  /** Grid column → the header's leaf text. */
  headerText: string[];
  firstDataCol: number;
  ncols: number;
}

/**
 * Is a cell's `text` a word of the table's header: no ordinal (row labels
 * carry them), and, without its parenthesised note, at least `HEADER_MATCH`
 * similar to one of the template's printed header spellings (column labels
 * at every level and `headerLabels`, extractors/ editions).
 */
export function isHeaderWord(text: string, template: CompiledTable): boolean {
  // Row labels carry ordinals (`3.其他`); header words never do.
  if (labelParts(text).ordinal) return false;
  return labelScore(withoutNote(text), template.headerSpellings) >= HEADER_MATCH;
}

/**
 * A header without its parenthesised note: `本年收费金额（单位：万元）` →
 * `本年收费金额`. Text that is all note stays as it is.
 */
function withoutNote(text: string): string {
  const t = text.replace(/[(（][^()（）]*[)）]/g, '').trim();
  return t || text;
}

/** Which template column each grid column holds, from the header rows' texts above it. */
export function mapColumns(header: GridRow[], template: CompiledTable): ColumnMap {
  const ncols = header[0]!.cells.length;
  const keyOf: (string | undefined)[] = new Array(ncols);
  const headerText: string[] = new Array(ncols).fill('');
  const scoreOf: number[] = new Array(ncols).fill(0);
  for (let c = 0; c < ncols; c++) {
    const path: string[] = [];
    const seen = new Set<Cell>();
    for (const row of header) {
      const cell = row.cells[c];
      if (cell && !seen.has(cell) && cell.text.trim()) {
        seen.add(cell);
        path.push(cell.text);
      }
    }
    if (!path.length) continue;
    headerText[c] = path[path.length - 1]!;
    const bare = path.map(withoutNote);
    for (const col of template.columns) {
      const s = columnScore(bare, col.path, uniqueLeaves(template).has(col.key));
      if (s >= COLUMN_MATCH && s > scoreOf[c]!) {
        scoreOf[c] = s;
        keyOf[c] = col.key;
      }
    }
  }
  const placed = fillGaps(keyOf, header, template);
  const firstDataCol = keyOf.findIndex((k) => k !== undefined);
  return { keyOf, placed, headerText, firstDataCol: firstDataCol < 0 ? ncols : firstDataCol, ncols };
}

/**
 * Columns whose header was not recognised (lost, garbled, wrapped beyond
 * reading) but that sit between recognised ones: when the grid columns in a
 * gap are exactly as many as the template columns missing between the two
 * neighbours, they are those columns, in printed order.
 */
function fillGaps(keyOf: (string | undefined)[], header: GridRow[], template: CompiledTable): string[] {
  const order = new Map(template.columns.map((c, i) => [c.key, i]));
  const used = new Set(keyOf.filter((k): k is string => !!k));
  const placed: string[] = [];
  const mapped = keyOf.flatMap((k, c) => (k ? [c] : []));
  for (let m = 0; m + 1 < mapped.length; m++) {
    const [a, b] = [mapped[m]!, mapped[m + 1]!];
    // Grid columns under one header cell are one column: count distinct header cells.
    const gap: number[][] = [];
    for (let c = a + 1; c < b; c++) {
      const last = gap[gap.length - 1];
      if (last && header.every((row) => row.cells[c] !== undefined && row.cells[c] === row.cells[last[0]!])) last.push(c);
      else gap.push([c]);
    }
    const [i, j] = [order.get(keyOf[a]!)!, order.get(keyOf[b]!)!];
    const missing = template.columns.slice(i + 1, j).map((c) => c.key).filter((k) => !used.has(k));
    if (!gap.length || gap.length !== missing.length || j <= i) continue;
    gap.forEach((cols, n) => {
      for (const c of cols) keyOf[c] = missing[n];
      placed.push(missing[n]!);
    });
  }
  return placed;
}

const uniqueLeafCache = new WeakMap<CompiledTable, Set<string>>();

/** Template columns whose own (leaf) label no other column shares: `其他` in table 三, not `结果维持` in table 四. */
function uniqueLeaves(template: CompiledTable): Set<string> {
  let keys = uniqueLeafCache.get(template);
  if (!keys) {
    const leafOf = (c: (typeof template.columns)[number]) => c.path[c.path.length - 1]!.map((s) => labelParts(s).core);
    keys = new Set(
      template.columns
        .filter((c) => !template.columns.some((o) => o !== c && leafOf(o).some((s) => leafOf(c).includes(s))))
        .map((c) => c.key),
    );
    uniqueLeafCache.set(template, keys);
  }
  return keys;
}

/**
 * How well a grid column's header texts (outermost first) fit a template
 * column path: the leaf must match the last text, and each outer level must
 * be found above it, in order. 0 when any level is missing.
 */
function columnScore(path: string[], templatePath: string[][], uniqueLeaf: boolean): number {
  // A label broken over two or three grid rows (`结果` / `维持`) is one label.
  let best = 0;
  for (let split = path.length - 1; split >= Math.max(0, path.length - 3); split--) {
    best = Math.max(best, columnScoreAt(path.slice(0, split), path.slice(split).join(''), templatePath, uniqueLeaf));
  }
  return best;
}

/** A unique leaf label without the header levels above it counts, but for less than a full match. */
const LEAF_ONLY = 0.75;

function columnScoreAt(outer: string[], leafText: string, templatePath: string[][], uniqueLeaf: boolean): number {
  const leaf = labelScore(leafText, templatePath[templatePath.length - 1]!);
  if (leaf < COLUMN_MATCH) return 0;
  const full = outerScore(outer, leaf, templatePath);
  return full > 0 ? full : uniqueLeaf && leaf * LEAF_ONLY >= COLUMN_MATCH ? leaf * LEAF_ONLY : 0;
}

/** The leaf's score averaged with each outer level found above it, in order; 0 when a level is missing. */
function outerScore(outer: string[], leaf: number, templatePath: string[][]): number {
  let total = leaf;
  let from = 0;
  for (let k = 0; k < templatePath.length - 1; k++) {
    let found = -1;
    let s = 0;
    for (let j = from; j < outer.length; j++) {
      s = labelScore(outer[j]!, templatePath[k]!);
      if (s >= COLUMN_MATCH) {
        found = j;
        break;
      }
    }
    if (found < 0) return 0;
    total += s;
    from = found + 1;
  }
  return total / templatePath.length;
}
