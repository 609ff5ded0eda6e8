import type { Report } from '../report/types.js';

/** One report as a JSON document (a file per input). */
export function toJson(report: Report, pretty: boolean): string {
  return `${JSON.stringify(report, null, pretty ? 2 : undefined)}\n`;
}

/** One report as one NDJSON line: the stream a pipeline consumes. */
export function toNdjsonLine(report: Report): string {
  return `${JSON.stringify(report)}\n`;
}
