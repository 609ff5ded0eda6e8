/**
 * The statistics table attached to a legacy report (spec/legacy-reports.md,
 * `legacy.statistics`): the national 政府信息公开情况统计表 (gov2014), the
 * Shanghai-type coded 统计报表 (shanghai2008) or another lineage — each a
 * template in `extractors/legacy/statistics/`, read by the same mapper as the
 * modern tables (label matching with aliases, alignment by position within
 * a group, the cell-value rules). A table no template matches but whose
 * labels speak of disclosure is kept as template `other`, row by row.
 */
import type { Block, Cell, Table } from '../model/document.js';
import { denseGrid, distinctCells } from '../model/grid.js';
import { parseCellValue, looksNumeric } from '../template/cell-value.js';
import { mapTables, setPath, type PrintedRow } from '../template/map-table.js';
import { readHeaders } from '../template/read-rows.js';
import { canonical, labelParts } from '../text/labels.js';
import { templateUnit, type LegacyTemplates, type StatisticsTemplate } from './load.js';

export interface StatisticsRow {
  path: string | null;
  label: string;
  code: string | null;
  unit: string | null;
  value: number | null;
  raw: string;
}

export interface Statistics {
  template: string;
  heading: string | null;
  rows: StatisticsRow[];
  values: Record<string, unknown>;
}

export interface FoundStatistics {
  statistics: Statistics;
  /** Blocks that belong to the table (its title line, an 附表 line above it, the tables): not section text. */
  blocks: Set<number>;
  warnings: string[];
}

/** Runs of tables: consecutive table blocks with at most this many paragraphs between them are one table. */
const MAX_GAP = 2;

function tableRuns(blocks: Block[]): number[][] {
  const runs: number[][] = [];
  let last = -Infinity;
  blocks.forEach((b, i) => {
    if (b.kind !== 'table') return;
    if (i - last <= MAX_GAP + 1 && runs.length) runs[runs.length - 1]!.push(i);
    else runs.push([i]);
    last = i;
  });
  return runs;
}

interface Reading {
  tpl: StatisticsTemplate;
  rows: PrintedRow[];
  share: number;
}

/** The template reading of a run of tables, when enough of the template's rows are printed and its key columns found. */
function readWith(tables: Table[], tpl: StatisticsTemplate): Reading | undefined {
  // The key columns are decided by the headers alone: a template that lacks them is not aligned at all.
  const { columns, read } = readHeaders(tables, tpl.table);
  if (tpl.def.codeColumn && !columns.has(tpl.def.codeColumn)) return undefined;
  if (!tpl.def.valueColumns.some((c) => columns.has(c))) return undefined;
  const rows = mapTables(tables, tpl.table, {}, read).printedRows ?? [];
  const leaves = tpl.table.variants[0]?.leaves.length ?? 1;
  const matched = rows.filter((r) => r.path !== null && !r.positional).length;
  const share = matched / leaves;
  return share >= tpl.def.minMatchedShare ? { tpl, rows, share } : undefined;
}

const text = (c: Cell | undefined) => (c?.text ?? '').trim();

function unitOf(raw: string, noUnit: string[]): string | null {
  const t = canonical(raw);
  return noUnit.includes(t) ? null : t || null;
}

/** Rows as the template read them; a row that prints neither a unit nor a number (a group row) is not a row. */
function templateRows(r: Reading, noUnit: string[]): { rows: StatisticsRow[]; values: Record<string, unknown> } {
  const def = r.tpl.def;
  const printedCols = new Set(r.rows.flatMap((row) => Object.keys(row.cells)));
  const valueCol = def.valueColumns.find((c) => printedCols.has(c))!;
  const rows: StatisticsRow[] = [];
  const values: Record<string, unknown> = {};
  for (const leaf of r.tpl.table.variants[0]!.leaves) setPath(values, leaf.path, null);
  for (const row of r.rows) {
    const raw = text(row.cells[valueCol]);
    const printedUnit = unitOf(text(row.cells[def.unitColumn]), noUnit);
    if (row.path === null && !printedUnit && !raw) continue;
    if (row.path === null && !row.label) continue;
    const value = parseCellValue(raw).value;
    const code = def.codeColumn ? text(row.cells[def.codeColumn]) || null : null;
    const unit = printedUnit ?? (row.path ? templateUnit(def, row.path) : null);
    rows.push({ path: row.path, label: row.label, code, unit, value, raw });
    if (row.path !== null) setPath(values, row.path, value);
  }
  return { rows, values };
}

/** A table no template matches, read row by row: label, unit, the last number. */
function otherRows(tables: Table[], noUnit: string[]): StatisticsRow[] {
  const rows: StatisticsRow[] = [];
  for (const t of tables) {
    for (const cells of denseGrid(t)) {
      const distinct = distinctCells(cells).map((c) => c.text.trim());
      const labelAt = distinct.findIndex((s) => s && !looksNumeric(s));
      const numbers = distinct.filter((s) => /\d/.test(s) && looksNumeric(s));
      if (labelAt < 0 || !numbers.length) continue;
      const label = distinct[labelAt]!;
      const unitText = distinct.slice(labelAt + 1).find((s) => s && !looksNumeric(s) && s.length <= 3);
      const raw = numbers[numbers.length - 1]!;
      rows.push({ path: null, label, code: null, unit: unitText ? unitOf(unitText, noUnit) : null, value: parseCellValue(raw).value, raw });
    }
  }
  return rows;
}

function mentions(tables: Table[], words: string[]): number {
  const all = tables.flatMap((t) => t.cells.map((c) => canonical(c.text))).join('|');
  return words.filter((w) => all.includes(w)).length;
}

/** The line above the table that titles it; a separate 附表 line above (or instead of) it is neither title nor text. */
function titleAbove(blocks: Block[], at: number, annexLines: string[], lowest: number): { heading: string | null; blocks: number[] } {
  const isAnnex = (i: number) => {
    const b = blocks[i];
    return i >= lowest && b?.kind === 'paragraph' && annexLines.some((a) => canonical(a) === canonical(b.text));
  };
  if (isAnnex(at - 1)) return { heading: null, blocks: [at - 1] };
  const b = blocks[at - 1];
  if (at - 1 < lowest || b?.kind !== 'paragraph') return { heading: null, blocks: [] };
  const t = canonical(b.text);
  if (!t || t.length > 60 || /[。；;]$/.test(t) || labelParts(t).ordinal) return { heading: null, blocks: [] };
  return { heading: t, blocks: isAnnex(at - 2) ? [at - 1, at - 2] : [at - 1] };
}

/**
 * Finds the statistics table among the document's tables (after `from`, the
 * report's title) and reads it. Undefined when the report attaches none.
 */
export function findStatistics(blocks: Block[], from: number, legacy: LegacyTemplates): FoundStatistics | undefined {
  const { noUnit, annexLines, otherTable } = legacy.statistics;
  let best: { run: number[]; reading: Reading } | undefined;
  let other: number[] | undefined;
  for (const run of tableRuns(blocks)) {
    if (run[0]! < from) continue;
    const tables = run.map((i) => blocks[i] as Table);
    for (const tpl of legacy.templates) {
      const reading = readWith(tables, tpl);
      if (reading && (!best || reading.share > best.reading.share)) best = { run, reading };
    }
    if (!other && mentions(tables, otherTable.words) >= otherTable.atLeast) other = run;
  }
  const run = best?.run ?? other;
  if (!run) return undefined;
  const title = titleAbove(blocks, run[0]!, annexLines, from);
  const taken = new Set<number>([...title.blocks, ...run]);
  if (best) {
    const { rows, values } = templateRows(best.reading, noUnit);
    const warnings = rows.filter((r) => r.value === null).map((r) => `legacy.statistics: cannot read "${r.raw}" as a number (${r.label})`);
    return { statistics: { template: best.reading.tpl.def.id, heading: title.heading, rows, values }, blocks: taken, warnings };
  }
  const rows = otherRows(run.map((i) => blocks[i] as Table), noUnit);
  const warnings = ['legacy.statistics: the table follows no known statistics template (template "other")'];
  return { statistics: { template: 'other', heading: title.heading, rows, values: {} }, blocks: taken, warnings };
}
