/**
 * What the review site shows of one report: the tables as printed forms with
 * every value's evidence (provenance, crop), the failed checks with the
 * parts they add up, warnings attached to the cells or tables they name, the
 * corrections already applied, and the list of cells that need a look
 * (in a failed check, null, OCR below the confidence threshold, or named by a
 * warning), in reading order.
 */
import { explainCheck } from '../checks/explain.js';
import type { AppliedCorrection, Report } from '../report/types.js';
import type { Templates } from '../template/load.js';
import { formLayout, type FormCell } from './forms.js';
import { legacyCells } from './legacy.js';

export interface CellData {
  path: string;
  /** Chinese row › column labels. */
  label: string;
  value: number | null;
  /** A meta field's text (title, agency, date, edition). */
  text?: string;
  page: number | null;
  bbox?: number[];
  raw?: string;
  ocr?: boolean;
  confidence?: number;
  /** Crop file, relative to the site root. */
  crop?: string;
  /** Why it needs a look: failed, null, lowConfidence, warning. */
  flags: string[];
  /** Failed rules it is part of. */
  checks: string[];
  warnings: string[];
  correction?: AppliedCorrection;
}

export interface TableData {
  key: string;
  heading: string;
  rows: FormCell[][] | null;
  warnings: string[];
}

export interface DocumentData {
  id: string;
  /** null when the document's bytes could not be read (then nothing can be corrected). */
  sha256: string | null;
  file: string;
  format: string;
  /** Link to the document, relative to the site root; null when it is not among the inputs. */
  href: string | null;
  meta: Report['meta'];
  status: Report['status'];
  tables: TableData[];
  texts: { key: string; heading: string; text: string }[];
  failedChecks: FailedCheck[];
  passedChecks: number;
  warnings: string[];
  cells: Record<string, CellData>;
  look: string[];
  corrections: AppliedCorrection[];
  /** The report's `legacy` object when it has one (legacy-reports.md), rendered as it is. */
  legacy?: unknown;
}

/** A failed check with the rule's explanation and the cells summed on each side (with their numbers). */
export interface FailedCheck {
  rule: string;
  expected: number;
  actual: number;
  why: string;
  expectedParts: { path: string; value: number }[];
  actualParts: { path: string; value: number }[];
}

export interface DocumentSummary {
  id: string;
  file: string;
  agency: string | null;
  year: number | null;
  edition: string;
  status: Report['status'];
  failed: string[];
  warnings: number;
  lowConfidence: number;
  nulls: number;
  corrections: number;
}

type Tree = Record<string, unknown>;
const TABLE_SECTIONS = ['activeDisclosure', 'applications', 'reviewLitigation'] as const;
const TEXT_SECTIONS = ['overview', 'problems', 'otherMatters'] as const;

/** Builds the page data of one report. `crops`: path → crop file (relative to the site root). */
export function documentData(
  id: string,
  report: Report,
  templates: Templates,
  options: { href: string | null; crops: Map<string, string>; minConfidence: number; located?: Map<string, { page: number; bbox: number[] }> },
): DocumentData {
  const tree = report as unknown as Tree;
  const edition = templates.editions.find((e) => e.id === report.meta.edition);
  const cells: Record<string, CellData> = {};
  const tables: TableData[] = [];
  const order: string[] = [];
  const provenance = (report.provenance ?? {}) as unknown as Record<string, Record<string, unknown>>;
  const corrections = report.corrections ?? [];
  for (const key of TABLE_SECTIONS) {
    const section = tree[key] as Tree | null;
    const table = edition?.tables[key];
    const layout = section && table ? formLayout(table, key, section) : undefined;
    tables.push({ key, heading: (section?.['heading'] as string | undefined) ?? '', rows: layout?.rows ?? null, warnings: [] });
    if (!layout) continue;
    for (const row of layout.rows)
      for (const c of row) {
        if (!c.path) continue;
        const p = provenance[c.path];
        const value = c.path.split('.').reduce<unknown>((n, k) => (n as Tree | undefined)?.[k], tree);
        const cell: CellData = { path: c.path, label: layout.labels.get(c.path) ?? c.path, value: typeof value === 'number' ? value : null, page: null, flags: [], checks: [], warnings: [] };
        if (p) {
          cell.page = typeof p['page'] === 'number' ? p['page'] : null;
          if (Array.isArray(p['bbox'])) cell.bbox = p['bbox'] as number[];
          if (typeof p['raw'] === 'string') cell.raw = p['raw'];
          if (p['ocr'] === true) cell.ocr = true;
          if (typeof p['confidence'] === 'number') cell.confidence = p['confidence'];
        }
        const crop = options.crops.get(c.path);
        if (crop) cell.crop = crop;
        const corr = [...corrections].reverse().find((x) => x.path === c.path);
        if (corr) cell.correction = corr;
        if (cell.value === null) cell.flags.push('null');
        if (cell.confidence !== undefined && cell.confidence < options.minConfidence) cell.flags.push('lowConfidence');
        cells[c.path] = cell;
        order.push(c.path);
      }
  }
  const numberAt = (path: string) => path.split('.').reduce<unknown>((n, k) => (n as Tree | undefined)?.[k], tree) as number;
  for (const cell of legacyCells(tree['legacy'], provenance)) {
    const crop = options.crops.get(cell.path);
    if (crop) cell.crop = crop;
    cells[cell.path] = cell;
    order.push(cell.path);
  }
  for (const cell of metaCells(report, options.located ?? new Map())) {
    const crop = options.crops.get(cell.path);
    if (crop) cell.crop = crop;
    cells[cell.path] = cell;
  }
  const failedChecks: FailedCheck[] = report.checks
    .filter((c) => !c.passed)
    .map((c) => {
      const x = explainCheck(templates.checks, c, tree);
      const parts = (paths: string[]) => paths.map((path) => ({ path, value: numberAt(path) }));
      return { rule: c.rule, expected: c.expected, actual: c.actual, why: x?.why ?? '', expectedParts: parts(x?.parts ?? []), actualParts: parts(x?.totals ?? []) };
    });
  for (const check of failedChecks)
    for (const part of [...check.expectedParts, ...check.actualParts]) {
      const cell = cells[part.path];
      if (!cell) continue;
      cell.checks.push(check.rule);
      if (!cell.flags.includes('failed')) cell.flags.push('failed');
    }
  const general: string[] = [];
  for (const w of report.warnings) {
    const m = /^([\w.]+):/.exec(w);
    const prefix = m?.[1];
    const hit = prefix ? order.filter((p) => p === prefix || p.startsWith(`${prefix}.`)) : [];
    if (prefix && hit.length && hit.length <= 7) {
      for (const p of hit) {
        cells[p]!.warnings.push(w);
        if (!cells[p]!.flags.includes('warning')) cells[p]!.flags.push('warning');
      }
    } else {
      const t = tables.find((x) => prefix === x.key || (prefix && prefix.startsWith(`${x.key}.`)));
      (t ? t.warnings : general).push(w);
    }
  }
  const texts = TEXT_SECTIONS.map((key) => ({ key, section: tree[key] as { heading: string; text: string } | null })).map(({ key, section }) => ({ key, heading: section?.heading ?? '', text: section?.text ?? '' }));
  return {
    id,
    sha256: report.source.sha256,
    file: (report.source as { path?: string }).path ?? report.source.file,
    format: report.source.format,
    href: options.href,
    meta: report.meta,
    status: report.status,
    tables,
    texts,
    failedChecks,
    passedChecks: report.checks.filter((c) => c.passed).length,
    warnings: general,
    cells,
    look: order.filter((p) => cells[p]!.flags.length),
    corrections,
    ...(tree['legacy'] !== undefined ? { legacy: tree['legacy'] } : {}),
  };
}

/** How each meta field is read (locate/meta.ts), shown as its label. */
const META_FIELDS: [keyof Report['meta'], string][] = [
  ['title', '标题 title — the first line(s) of the document'],
  ['agency', '机关 agency — the signature at the end, else the title\'s subject'],
  ['year', '年度 year — the reporting year in the title'],
  ['publishedAt', '发布日期 date — under the signature'],
  ['edition', '版本 edition — decided by the columns of table 二'],
];

/** The meta fields as cells with their evidence: where a PDF printed them when found, else their text. */
function metaCells(report: Report, located: Map<string, { page: number; bbox: number[] }>): CellData[] {
  return META_FIELDS.map(([key, label]) => {
    const v = report.meta[key];
    const path = `meta.${key}`;
    const at = located.get(path);
    const cell: CellData = { path, label, value: typeof v === 'number' ? v : null, page: at?.page ?? null, flags: [], checks: [], warnings: [] };
    if (typeof v === 'string') cell.text = v;
    if (v !== null) cell.raw = String(v);
    if (at) cell.bbox = at.bbox;
    return cell;
  });
}

/** The index row of a document. */
export function summarize(d: DocumentData): DocumentSummary {
  const cells = Object.values(d.cells).filter((c) => !c.path.startsWith('meta.'));
  return {
    id: d.id,
    file: d.file,
    agency: d.meta.agency,
    year: d.meta.year,
    edition: d.meta.edition,
    status: d.status,
    failed: d.failedChecks.map((c) => c.rule),
    warnings: d.warnings.length + d.tables.reduce((s, t) => s + t.warnings.length, 0) + new Set(cells.flatMap((c) => c.warnings)).size,
    lowConfidence: cells.filter((c) => c.flags.includes('lowConfidence')).length,
    nulls: cells.filter((c) => c.value === null).length,
    corrections: d.corrections.length,
  };
}
