/**
 * One CSV row per document, for archivists who open the results in a
 * spreadsheet: source, meta, status, every table cell as a column in schema
 * order (both editions' section 二 cells; a report fills its own edition's),
 * and the number of failed checks.
 */
import type { Report } from '../report/types.js';
import type { Templates } from '../template/load.js';
import { legacyCell, legacyColumns } from '../legacy/csv.js';

const HEAD = ['source.file', 'source.format', 'source.sha256', 'source.pages', 'meta.title', 'meta.agency', 'meta.year', 'meta.publishedAt', 'meta.edition', 'status'];
const TAIL = ['failedChecks', 'warnings'];

/** Every table cell path, in template (schema) order, each once. */
export function cellColumns(templates: Templates): string[] {
  const seen = new Set<string>();
  for (const section of templates.sections) {
    if (!section.table) continue;
    for (const edition of templates.editions) {
      const table = edition.tables[section.table];
      if (!table) continue;
      const unitKeys = new Map(table.columns.filter((c) => c.unitKey).map((c) => [c.key, c.unitKey!]));
      for (const variant of table.variants) {
        for (const leaf of variant.leaves) {
          for (const col of leaf.columns) {
            const at = (k: string) => [section.key, leaf.path, k].filter(Boolean).join('.');
            seen.add(at(col));
            const u = unitKeys.get(col);
            if (u) seen.add(at(u));
          }
        }
      }
    }
  }
  return [...seen];
}

export function csvHeader(templates: Templates): string[] {
  return [...HEAD, ...cellColumns(templates), ...legacyColumns(templates), ...TAIL];
}

function get(obj: unknown, path: string): unknown {
  let o = obj;
  for (const k of path.split('.')) o = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined;
  return o;
}

/** RFC 4180: quote fields with commas, quotes or line breaks. */
function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

export function csvRow(report: Report, header: string[]): string {
  const failed = report.checks.filter((c) => !c.passed).length;
  return csvLine(
    header.map((h) =>
      h === 'failedChecks' ? failed : h === 'warnings' ? report.warnings.length : h.startsWith('legacy.') ? legacyCell(report, h) : get(report, h),
    ),
  );
}
