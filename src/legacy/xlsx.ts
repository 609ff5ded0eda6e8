/**
 * The workbook's sheet for legacy (2008–2018) reports: their attached
 * statistics table (spec/legacy-reports.md, `legacy.statistics`) laid out
 * like the printed 统计表, one block per legacy document. Columns are the
 * template's printed headers (统计指标 / 单位 / 统计数; the Shanghai-type form
 * adds 代码); rows are the document's printed rows in printed order, each
 * with its label from the template (`extractors/legacy/statistics/`) under
 * the template's group rows (一、主动公开情况 …); a row the template knows
 * that the document does not print is shown greyed at its template place; a
 * local row the template does not know keeps its printed label. A value
 * that a failed check (勾稽关系, extractors/checks.json `legacy.*`) names as its
 * total is filled red with a note saying what the check is.
 */
import type { Report } from '../report/types.js';
import type { LeafRow, Templates } from '../template/load.js';
import { addGroupRows, addTitleRow, CELL_BORDER, failedTotals, markFailed, markNotRead, styleHeaderRow, type SheetBuilder } from '../writers/xlsx.js';
import { canonical } from '../text/labels.js';
import { loadLegacyTemplates, templateUnit, type StatisticsTemplate } from './load.js';
import type { StatisticsRow } from './statistics.js';

const VALUES = 'legacy.statistics.values.';
/**
 * A template group printed as a row of its own starts with an ordinal
 * (一、主动公开情况, （二）通过不同渠道…); one without (行政复议 under
 * 四、行政复议数量) only tells repeated labels apart and is not printed.
 */
const PRINTED_GROUP = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])/;
/** Headers of a table no template matches (template `other`): the national form's words. */
const OTHER_HEADERS = { label: '统计指标', unit: '单位', code: '代码', value: '统计数' };

/** A line of a block: a printed row (with its template row when it has one), or a template row not printed. */
interface Line {
  leaf?: LeafRow;
  row?: StatisticsRow;
}

/**
 * The printed rows in printed order, with every template row the document
 * does not print put back at its template place (before the next printed
 * row that follows it in the template).
 */
export function statisticsLines(rows: StatisticsRow[], leaves: LeafRow[]): Line[] {
  const index = new Map(leaves.map((l, i) => [l.path, i]));
  const printed = new Set(rows.map((r) => r.path));
  const lines: Line[] = [];
  let cursor = 0;
  const missingUpTo = (end: number) => {
    for (; cursor < end; cursor++) if (!printed.has(leaves[cursor]!.path)) lines.push({ leaf: leaves[cursor]! });
  };
  for (const row of rows) {
    const i = row.path === null ? undefined : index.get(row.path);
    if (i !== undefined && i >= cursor) {
      missingUpTo(i);
      cursor = i + 1;
    }
    lines.push({ ...(i === undefined ? {} : { leaf: leaves[i]! }), row });
  }
  missingUpTo(leaves.length);
  return lines;
}

function headers(tpl: StatisticsTemplate | undefined): { label: string; unit: string; code?: string; value: string } {
  if (!tpl) return OTHER_HEADERS;
  const label = (key: string) => tpl.table.columns.find((c) => c.key === key)?.path[0]?.[0] ?? key;
  const [first, ...rest] = tpl.def.valueColumns.map(label);
  return {
    label: tpl.def.headerLabels?.[0] ?? OTHER_HEADERS.label,
    unit: label(tpl.def.unitColumn),
    ...(tpl.def.codeColumn ? { code: label(tpl.def.codeColumn) } : {}),
    // shanghai2008 reads 本年累计 when printed, else 本期实际 (spec): the header says so.
    value: rest.length ? `${first}（未印时为${rest.join('、')}）` : first!,
  };
}

/** The sheet `统计表（2008–2018）`: one block per legacy report (see above). */
export function legacyStatisticsSheet(templates: Templates): SheetBuilder {
  const legacy = loadLegacyTemplates(templates.dir);
  return {
    name: '统计表（2008–2018）',
    empty: '本批没有2008–2018年的旧版报告',
    start(ws) {
      ws.getColumn(1).width = 64;
      for (let i = 2; i <= 4; i++) ws.getColumn(i).width = 14;
    },
    add(ws, report) {
      if (report.meta.edition !== 'legacy' || report.status === 'failed') return false;
      const stats = report.legacy?.statistics ?? null;
      addTitleRow(ws, `${report.source.path}  ${report.meta.title ?? ''}  （legacy${stats ? ` · ${stats.template}` : ''}）`);
      if (!stats) {
        ws.addRow(['未附统计表']);
        ws.addRow([]);
        return;
      }
      if (stats.heading) ws.addRow([stats.heading]).font = { bold: true };
      const tpl = legacy?.templates.find((t) => t.def.id === stats.template);
      const h = headers(tpl);
      styleHeaderRow(ws.addRow([h.label, h.unit, ...(h.code ? [h.code] : []), h.value]));
      // The failed checks' totals in this table (full paths, under VALUES), with what each means.
      const marks = failedTotals(templates, report);
      let groups: string[] = [];
      for (const { leaf, row } of statisticsLines(stats.rows, tpl?.table.variants[0]?.leaves ?? [])) {
        if (leaf) groups = addGroupRows(ws, leaf.groups.map((g) => g[0]!).filter((g) => PRINTED_GROUP.test(g)), groups);
        const depth = leaf ? leaf.groups.length : groups.length;
        const label = ws.addRow([`${'  '.repeat(depth)}${leaf?.spellings[0] ?? row!.label}`]);
        const path = leaf?.path ?? row?.path ?? null;
        const unit = row?.unit ?? (tpl && path ? templateUnit(tpl.def, path) : null);
        const values = [unit, ...(h.code ? [row?.code ?? (tpl?.def.codeColumn ? path : null)] : [])];
        values.forEach((v, i) => (label.getCell(i + 2).value = v));
        const labelCell = label.getCell(1);
        if (row && leaf && canonical(row.label) !== canonical(leaf.spellings[0]!)) labelCell.note = `印作：${row.label}`;
        if (row && !leaf) labelCell.note = '模板无此行（本表增列）';
        const cell = label.getCell(values.length + 2);
        for (let i = 1; i <= values.length + 2; i++) label.getCell(i).border = CELL_BORDER;
        if (!row || row.value === null) {
          markNotRead(cell, row ? `未读出 (null)；印作：${row.raw}` : '本表未印此行 (null)');
          continue;
        }
        cell.value = row.value;
        markFailed(cell, path === null ? undefined : marks.get(VALUES + path));
      }
      ws.addRow([]);
    },
  };
}
