/**
 * The legacy columns of the CSV writer (spec/legacy-reports.md, Outputs):
 * one column per gov2014 statistics path (`legacy.statistics.values.<path>`)
 * and one per text-figure key (`legacy.figures.<key>`, the first figure of
 * that key). Empty for modern reports.
 */
import type { Report } from '../report/types.js';
import type { Templates } from '../template/load.js';
import { loadLegacyTemplates, statisticsPaths } from './load.js';

const STATISTICS = 'legacy.statistics.values.';
const FIGURES = 'legacy.figures.';

/** The legacy column names, in template order. */
export function legacyColumns(templates: Templates): string[] {
  const legacy = loadLegacyTemplates(templates.dir);
  if (!legacy) return [];
  return [...statisticsPaths(legacy, 'gov2014').map((p) => STATISTICS + p), ...legacy.figures.keys.map((k) => FIGURES + k)];
}

/** The value of a legacy column for one report: a number, or undefined when the report does not state it. */
export function legacyCell(report: Report, column: string): number | null | undefined {
  const l = report.legacy;
  if (!l) return undefined;
  if (column.startsWith(FIGURES)) return l.figures.find((f) => f.key === column.slice(FIGURES.length))?.value;
  if (!column.startsWith(STATISTICS) || l.statistics?.template !== 'gov2014') return undefined;
  let o: unknown = l.statistics.values;
  for (const k of column.slice(STATISTICS.length).split('.')) o = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined;
  return typeof o === 'number' || o === null ? o : undefined;
}
