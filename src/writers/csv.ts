/**
 * One CSV row per document, for archivists who open the results in a
 * spreadsheet: source, meta, status, the table cells of the editions present
 * (no empty 2019 columns in a run of 2021 reports), the failed checks by rule
 * name with their explanation, and the warnings' text. Headers are the
 * report's paths, or with `labels: 'zh'` the printed Chinese labels from the
 * template data (writers/labels.ts).
 */
import type { Report } from '../report/types.js';
import type { Templates } from '../template/load.js';
import { describeCheck } from '../checks/explain.js';
import { cellColumns } from './labels.js';

export type LabelLanguage = 'keys' | 'zh';

export interface CsvColumn {
  /** Report path, or a derived column's name (`failedChecks`). */
  key: string;
  header: string;
  value(report: Report): unknown;
}

function get(obj: unknown, path: string): unknown {
  let o = obj;
  for (const k of path.split('.')) o = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined;
  return o;
}

const HEAD: [string, string][] = [
  ['source.file', '文件'],
  ['source.path', '路径'],
  ['source.format', '格式'],
  ['source.sha256', 'SHA-256'],
  ['source.pages', '页数'],
  ['meta.title', '标题'],
  ['meta.agency', '发布机关'],
  ['meta.year', '年度'],
  ['meta.publishedAt', '发布日期'],
  ['meta.edition', '模板版本'],
  ['status', '状态'],
];

/** Columns after the cells: failed checks by rule name, what they mean, the warnings. */
function tail(templates: Templates, zh: boolean): CsvColumn[] {
  const failed = (r: Report) => r.checks.filter((c) => !c.passed);
  return [
    { key: 'failedChecks', header: zh ? '未通过的校验' : 'failedChecks', value: (r) => failed(r).map((c) => c.rule).join('; ') },
    {
      key: 'failedCheckDetails',
      header: zh ? '校验说明' : 'failedCheckDetails',
      value: (r) => failed(r).map((c) => describeCheck(templates.checks, c, r)).join('\n'),
    },
    { key: 'warnings', header: zh ? '警告' : 'warnings', value: (r) => r.warnings.join('\n') },
  ];
}

/**
 * The columns of a CSV holding documents of `editions` (the edition ids
 * present; cells no such edition has are left out). `extra` columns (for
 * example legacy statistics) go between the cells and the tail.
 */
export function csvColumns(templates: Templates, editions: Iterable<string>, labels: LabelLanguage = 'keys', extra: CsvColumn[] = []): CsvColumn[] {
  const zh = labels === 'zh';
  const present = new Set(editions);
  const head: CsvColumn[] = HEAD.map(([key, label]) => ({ key, header: zh ? label : key, value: (r) => get(r, key) }));
  const cells: CsvColumn[] = cellColumns(templates)
    .filter((c) => c.editions.some((e) => present.has(e)))
    .map((c) => ({ key: c.path, header: zh ? c.label : c.path, value: (r) => get(r, c.path) }));
  return [...head, ...cells, ...extra, ...tail(templates, zh)];
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

/** The header line, with a byte-order mark so spreadsheet programs read the Chinese text as UTF-8. */
export function csvHeaderLine(columns: CsvColumn[]): string {
  return `\uFEFF${csvLine(columns.map((c) => c.header))}`;
}

export function csvRow(report: Report, columns: CsvColumn[]): string {
  return csvLine(columns.map((c) => c.value(report)));
}
