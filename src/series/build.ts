/**
 * Reports of one body over the years (spec report-schema.md § Series): groups
 * reports by body (agency.ts), lists per body the years found, the missing
 * years between the first and the last, the years with more than one
 * document, and the cross-year checks of each adjacent pair of years
 * (checks.ts). When a year has several documents (the same report as PDF and
 * DOCX, or two different reports), every pairing is checked and identical
 * results are listed once.
 */
import type { Report } from '../report/types.js';
import { foldAgency, groupAgencies } from './agency.js';
import { seriesChecks, type SeriesCheck } from './checks.js';

export interface SeriesDocument {
  /** `source.path` when the output has it, else `source.file`. */
  file: string;
  sha256: string | null;
  status: Report['status'];
  edition: string;
}

export interface SeriesYear {
  year: number;
  documents: SeriesDocument[];
  /** More than one document for this year. */
  duplicate: boolean;
}

export interface SeriesCheckEntry extends SeriesCheck {
  /** The documents compared (`file` of year `from`, then of year `to`). */
  documents: [string, string];
}

export interface Body {
  /** The body's name: its longest spelling. */
  agency: string;
  /** Every spelling found, as printed. */
  names: string[];
  years: SeriesYear[];
  missingYears: number[];
  duplicateYears: number[];
  checks: SeriesCheckEntry[];
}

export interface Series {
  bodies: Body[];
  /** Reports that name no agency or no year: they belong to no series. */
  unassigned: { file: string; reason: string }[];
}

export interface SeriesInput {
  report: Report;
}

const fileOf = (r: Report) => (r.source as { path?: string }).path ?? r.source.file;

/** Builds the series of every body in `reports`; bodies sorted by name, years ascending. */
export function buildSeries<T extends SeriesInput>(reports: T[]): Series & { members: Map<Body, Map<number, T[]>> } {
  const unassigned: Series['unassigned'] = [];
  const usable: T[] = [];
  for (const item of reports) {
    const { meta } = item.report;
    if (!meta.agency) unassigned.push({ file: fileOf(item.report), reason: item.report.status === 'failed' ? 'failed' : 'no agency' });
    else if (meta.year === null) unassigned.push({ file: fileOf(item.report), reason: 'no year' });
    else usable.push(item);
  }
  const keyOf = groupAgencies(usable.map((i) => foldAgency(i.report.meta.agency!)));
  const groups = new Map<string, T[]>();
  for (const item of usable) {
    const k = keyOf.get(foldAgency(item.report.meta.agency!))!;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  const members = new Map<Body, Map<number, T[]>>();
  const bodies: Body[] = [];
  for (const [, items] of [...groups].sort(([a], [b]) => a.localeCompare(b, 'zh'))) {
    const byYear = new Map<number, T[]>();
    for (const i of items) byYear.set(i.report.meta.year!, [...(byYear.get(i.report.meta.year!) ?? []), i]);
    const yearsSorted = [...byYear.keys()].sort((a, b) => a - b);
    const years: SeriesYear[] = yearsSorted.map((year) => {
      const docs = byYear.get(year)!.map(({ report: r }) => ({ file: fileOf(r), sha256: r.source.sha256, status: r.status, edition: r.meta.edition }));
      return { year, documents: docs, duplicate: docs.length > 1 };
    });
    const missingYears: number[] = [];
    for (let y = yearsSorted[0]!; y <= yearsSorted[yearsSorted.length - 1]!; y++) if (!byYear.has(y)) missingYears.push(y);
    const checks: SeriesCheckEntry[] = [];
    const seen = new Set<string>();
    for (const year of yearsSorted) {
      const prev = byYear.get(year - 1);
      if (!prev) continue;
      for (const a of prev)
        for (const b of byYear.get(year)!)
          for (const c of seriesChecks(a.report, b.report, year - 1, year)) {
            const id = JSON.stringify([c.rule, c.from, c.to, c.expected, c.actual]);
            if (seen.has(id)) continue;
            seen.add(id);
            checks.push({ ...c, documents: [fileOf(a.report), fileOf(b.report)] });
          }
    }
    const names = [...new Set(items.map((i) => i.report.meta.agency!))].sort((a, b) => b.length - a.length);
    const body: Body = { agency: names[0]!, names, years, missingYears, duplicateYears: years.filter((y) => y.duplicate).map((y) => y.year), checks };
    bodies.push(body);
    members.set(body, byYear);
  }
  return { bodies, unassigned, members };
}

/** The JSON output of `gongkai series` (without the in-memory membership). */
export function seriesJson(s: Series): Series {
  return { bodies: s.bodies, unassigned: s.unassigned };
}
