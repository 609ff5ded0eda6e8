/**
 * The series as CSV, for a spreadsheet: one row per body and year from its
 * first to its last (missing years included), with the documents, a few
 * headline numbers of table 三 (总计 column) and the cross-year checks that
 * failed into that year (from the year before).
 */
import { csvLine } from '../writers/csv.js';
import type { Report } from '../report/types.js';
import type { Body, Series } from './build.js';
import { numberAt } from './checks.js';

export const SERIES_CSV_HEADER = [
  'agency',
  'year',
  'state',
  'documents',
  'applications.newReceived.total',
  'applications.carriedOver.total',
  'applications.granted.total',
  'applications.totalProcessed.total',
  'applications.carriedForward.total',
  'failedSeriesChecks',
];

/**
 * `reportsOf(body, year)`: the reports of that year (for the numbers; the
 * first document's are used). `state`: found | duplicate | missing.
 */
export function seriesCsv(series: Series, reportsOf: (body: Body, year: number) => Report[]): string {
  let out = csvLine(SERIES_CSV_HEADER);
  for (const body of series.bodies) {
    const first = body.years[0]!.year;
    const last = body.years[body.years.length - 1]!.year;
    for (let year = first; year <= last; year++) {
      const y = body.years.find((x) => x.year === year);
      const r = reportsOf(body, year)[0];
      const failed = body.checks.filter((c) => c.to === year && !c.passed).map((c) => `${c.rule} (${c.expected}≠${c.actual})`);
      out += csvLine([
        body.agency,
        year,
        !y ? 'missing' : y.duplicate ? 'duplicate' : 'found',
        y ? y.documents.map((d) => d.file).join('; ') : '',
        ...SERIES_CSV_HEADER.slice(4, 9).map((p) => (r ? numberAt(r, p) : null)),
        failed.join('; '),
      ]);
    }
  }
  return out;
}
