/**
 * One Excel workbook for people (exceljs): a sheet of documents (status,
 * failed checks and what they mean, warnings) and a sheet per table (二, 三,
 * 四) laid out like the printed form, with its Chinese row and column labels
 * from the template data, one block per document. A printed total that a
 * check found inconsistent is filled red, with a note explaining the check.
 *
 * Legacy (2008–2018) reports have none of these tables: their attached
 * statistics table has its own sheet (legacy/xlsx.ts), which plugs in as a
 * `SheetBuilder` like any further sheet.
 */
import ExcelJS from 'exceljs';
import type { Report } from '../report/types.js';
import type { CompiledTable, Edition, Templates } from '../template/load.js';
import { describeCheck, explainCheck } from '../checks/explain.js';
import { csvColumns, valueAt as get } from './csv.js';
import { columnLabel, rowLabel } from './labels.js';

type Worksheet = ExcelJS.Worksheet;

/** A sheet of the workbook: made once, then given each document in input order. */
export interface SheetBuilder {
  name: string;
  /** Sets the columns (and anything else the sheet needs before the first document). */
  start(ws: Worksheet): void;
  /** Adds the document's block; returns false when the sheet has nothing for it. */
  add(ws: Worksheet, report: Report): boolean | void;
  /** The one line a sheet shows when no document had anything for it. */
  empty?: string;
}

const FAILED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const TITLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const NOT_READ_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
/** Thin borders on every side: the grid of a table block, in every sheet. */
export const CELL_BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

const FAILED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FF9C0006' } };

/** A document's block starts with its title row (path, title, edition), bold on blue, as in every sheet. */
export function addTitleRow(ws: Worksheet, text: string): void {
  const title = ws.addRow([text]);
  title.font = { bold: true };
  title.getCell(1).fill = TITLE_FILL;
}

/** A table's column-header row: grey, bordered, bold, wrapped. */
export function styleHeaderRow(row: ExcelJS.Row): void {
  row.eachCell((cell) => ((cell.fill = HEADER_FILL), (cell.border = CELL_BORDER), (cell.font = { bold: true }), (cell.alignment = { wrapText: true })));
}

/**
 * The printed totals that a failed check (勾稽关系, extractors/checks.json)
 * names, by their full report path (`applications.results.granted…`), each
 * with the descriptions of the checks it failed (checks/explain.ts).
 */
export function failedTotals(templates: Templates, report: Report): Map<string, string[]> {
  const marks = new Map<string, string[]>();
  for (const c of report.checks) {
    if (c.passed) continue;
    for (const p of explainCheck(templates.checks, c, report)?.totals ?? []) {
      marks.set(p, [...(marks.get(p) ?? []), describeCheck(templates.checks, c, report)]);
    }
  }
  return marks;
}

/** A value cell: red with the failed checks as its note when `why` lists any, else left as it is. */
export function markFailed(cell: ExcelJS.Cell, why: readonly string[] | undefined): void {
  if (!why) return;
  cell.fill = FAILED_FILL;
  cell.font = FAILED_FONT;
  cell.note = why.join('\n');
}

/** A value cell with no number: grey, with `note` saying why (null read, row not printed …). */
export function markNotRead(cell: ExcelJS.Cell, note: string): void {
  cell.fill = NOT_READ_FILL;
  cell.note = note;
}

/**
 * Writes the group rows (（三）不予公开, 一、主动公开情况 …) that a data row sits
 * under and the row before did not: `groups` are the labels outermost
 * first, `prev` the previous row's; each is indented by its depth.
 * Returns `groups`, the next call's `prev`.
 */
export function addGroupRows(ws: Worksheet, groups: string[], prev: string[]): string[] {
  let changed = false;
  groups.forEach((label, depth) => {
    if (!changed && prev[depth] === label) return;
    changed = true;
    ws.addRow([`${'  '.repeat(depth)}${label}`]).getCell(1).border = CELL_BORDER;
  });
  return groups;
}

function documentsSheet(templates: Templates): SheetBuilder {
  const columns = csvColumns(templates, [], 'zh');
  return {
    name: '文档',
    start(ws) {
      ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.key.startsWith('failed') || c.key === 'warnings' || c.key === 'meta.title' ? 50 : 16 }));
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
    },
    add(ws, report) {
      const row = ws.addRow(columns.map((c) => { const v = c.value(report); return v === '' || v === undefined ? null : v; }));
      row.alignment = { wrapText: true, vertical: 'top' };
      if (report.checks.some((c) => !c.passed)) row.getCell(columns.findIndex((c) => c.key === 'failedChecks') + 1).fill = FAILED_FILL;
    },
  };
}

/** The edition whose table a report's section is laid out with: its own, else the latest that has the table. */
function tableFor(templates: Templates, report: Report, tableKey: string): CompiledTable | undefined {
  const own = templates.editions.find((e) => e.id === report.meta.edition);
  if (own?.tables[tableKey]) return own.tables[tableKey];
  const latest = templates.editions.reduce<Edition | undefined>((a, b) => (b.tables[tableKey] && (!a || b.years.from > a.years.from) ? b : a), undefined);
  return latest?.tables[tableKey];
}

function tableSheet(templates: Templates, name: string, sectionKey: string, tableKey: string): SheetBuilder {
  return {
    name,
    empty: '本批没有含此表的报告',
    start(ws) {
      ws.getColumn(1).width = 60;
      for (let i = 2; i <= 16; i++) ws.getColumn(i).width = 12;
    },
    add(ws, report) {
      const section = get(report, sectionKey) as Record<string, unknown> | null;
      const table = tableFor(templates, report, tableKey);
      // A legacy report has no such table (its statistics table has its own sheet).
      if (!table || report.status === 'failed' || report.meta.edition === 'legacy') return false;
      addTitleRow(ws, `${report.source.path}  ${report.meta.title ?? ''}  （${report.meta.edition}）`);
      if (!section || !Object.keys(section).some((k) => k !== 'heading')) {
        ws.addRow([section ? `${String(section['heading'])}：未读到表格` : '未找到本节']);
        ws.addRow([]);
        return;
      }
      // The failed checks' printed totals in this section, with what each means.
      const marks = failedTotals(templates, report);
      const keys = table.columns.flatMap((c) => (c.unitKey ? [c.key, c.unitKey] : [c.key]));
      // Header: the outer level of grouped columns above their own labels.
      const deep = table.columns.some((c) => c.path.length > 1);
      if (deep) {
        const upper = ws.addRow(['', ...keys.map((k) => (columnLabel(table, k).includes(' · ') ? columnLabel(table, k).split(' · ')[0] : ''))]);
        upper.eachCell((cell) => ((cell.fill = HEADER_FILL), (cell.border = CELL_BORDER), (cell.font = { bold: true }), (cell.alignment = { horizontal: 'center' })));
        // One merged cell over the columns of each group, as printed.
        for (let i = 0; i < keys.length; ) {
          const label = upper.getCell(i + 2).value;
          let j = i;
          while (j + 1 < keys.length && label && upper.getCell(j + 3).value === label) j++;
          if (j > i) ws.mergeCells(upper.number, i + 2, upper.number, j + 2);
          i = j + 1;
        }
      }
      styleHeaderRow(ws.addRow(['', ...keys.map((k) => columnLabel(table, k).split(' · ').pop())]));
      // The variant of the row groups the report has (（六）其他处理 as one row or three).
      const found = (v: CompiledTable['variants'][number]) => v.leaves.filter((l) => get(section, l.path || l.columns[0]!) !== undefined).length;
      const variant = [...table.variants].sort((a, b) => found(b) - found(a))[0]!;
      let prev: string[] = [];
      for (const leaf of variant.leaves) {
        prev = addGroupRows(ws, leaf.groups.map((x) => x[0]!), prev);
        const label = leaf.unlabelled ? '' : `${'  '.repeat(leaf.groups.length)}${leaf.spellings[0]}`;
        const row = ws.addRow([label || rowLabel(leaf)]);
        row.getCell(1).border = CELL_BORDER;
        keys.forEach((key, i) => {
          const cell = row.getCell(i + 2);
          cell.border = CELL_BORDER;
          const own = leaf.columns.includes(key) || table.columns.some((c) => c.unitKey === key && leaf.columns.includes(c.key));
          if (!own) return;
          const path = [sectionKey, leaf.path, key].filter(Boolean).join('.');
          const value = get(report, path);
          if (value === null || value === undefined) {
            markNotRead(cell, value === null ? '未读出 (null)' : '本报告无此格');
            return;
          }
          cell.value = value as number | string;
          markFailed(cell, marks.get(path));
        });
      }
      ws.addRow([]);
    },
  };
}

/** The sheets of the workbook, in order: documents, then tables 二, 三, 四, then `extra`. */
export function xlsxSheets(templates: Templates, extra: SheetBuilder[] = []): SheetBuilder[] {
  const names: Record<string, string> = { activeDisclosure: '二 主动公开', applications: '三 依申请', reviewLitigation: '四 复议诉讼' };
  const tables = templates.sections
    .filter((s) => s.table)
    .map((s) => tableSheet(templates, names[s.key] ?? `${s.numeral} ${s.labels[0]!.slice(0, 20)}`, s.key, s.table!));
  return [documentsSheet(templates), ...tables, ...extra];
}

/** Builds the workbook from the reports, in order; returns its bytes. */
export async function xlsxWorkbook(reports: AsyncIterable<Report>, templates: Templates, extra: SheetBuilder[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  const sheets = xlsxSheets(templates, extra).map((b) => {
    const ws = wb.addWorksheet(b.name);
    b.start(ws);
    return { b, ws };
  });
  const used = new Set<SheetBuilder>();
  for await (const report of reports) for (const { b, ws } of sheets) if (b.add(ws, report) !== false) used.add(b);
  for (const { b, ws } of sheets) if (!used.has(b) && b.empty) ws.addRow([b.empty]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
