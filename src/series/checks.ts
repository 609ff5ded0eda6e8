/**
 * Cross-year checks between two reports of one body (spec report-schema.md
 * § Series), one entry per rule instance for an adjacent pair of years:
 * - `series.carryOver.<column>`: `applications.carriedOver.<column>` of year N
 *   equals `applications.carriedForward.<column>` of year N−1;
 * - `series.inForce.regulations` / `.normativeDocuments` (2021 edition):
 *   `inForce` of N = `inForce` of N−1 + `issued` − `repealed` of N (often broken
 *   by documents that expire: information, not an error).
 * A rule instance with a null or absent input is not listed (as for `checks`).
 */
import type { Report } from '../report/types.js';

export interface SeriesCheck {
  rule: string;
  from: number;
  to: number;
  passed: boolean;
  expected: number;
  actual: number;
}

export const APPLICANT_COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'] as const;
export const IN_FORCE_ROWS = ['regulations', 'normativeDocuments'] as const;

/** The number at a dotted path of a report, or null when absent or not a number. */
export function numberAt(report: Report, path: string): number | null {
  let node: unknown = report;
  for (const k of path.split('.')) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[k];
  }
  return typeof node === 'number' ? node : null;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The input paths of a series rule instance, per year: used to highlight the cells a failed check involves. */
export function seriesRulePaths(rule: string): { from: string[]; to: string[] } {
  const [, kind, name] = rule.split('.');
  if (kind === 'carryOver') return { from: [`applications.carriedForward.${name}`], to: [`applications.carriedOver.${name}`] };
  return { from: [`activeDisclosure.${name}.inForce`], to: [`activeDisclosure.${name}.inForce`, `activeDisclosure.${name}.issued`, `activeDisclosure.${name}.repealed`] };
}

/** The cross-year checks from `prev` (year `from`) to `next` (year `to` = from + 1). */
export function seriesChecks(prev: Report, next: Report, from: number, to: number): SeriesCheck[] {
  const out: SeriesCheck[] = [];
  const push = (rule: string, expected: number | null, actual: number | null) => {
    if (expected === null || actual === null) return;
    const [e, a] = [round(expected), round(actual)];
    out.push({ rule, from, to, passed: e === a, expected: e, actual: a });
  };
  for (const c of APPLICANT_COLUMNS) {
    push(`series.carryOver.${c}`, numberAt(prev, `applications.carriedForward.${c}`), numberAt(next, `applications.carriedOver.${c}`));
  }
  for (const row of IN_FORCE_ROWS) {
    const before = numberAt(prev, `activeDisclosure.${row}.inForce`);
    const issued = numberAt(next, `activeDisclosure.${row}.issued`);
    const repealed = numberAt(next, `activeDisclosure.${row}.repealed`);
    const expected = before === null || issued === null || repealed === null ? null : before + issued - repealed;
    push(`series.inForce.${row}`, expected, numberAt(next, `activeDisclosure.${row}.inForce`));
  }
  return out;
}
