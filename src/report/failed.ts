/**
 * The `failed` output (spec/report-schema.md, Top level: `status: failed`,
 * every section null, the reason in `warnings`). Kept apart from the
 * pipeline so that the batch runner's main thread can write one for a
 * worker that crashed, hung or ran out of memory without loading the
 * readers, the template mapping or zod.
 */
import { basename } from 'node:path';
import type { Report, ReportBody } from './types.js';
import { SCHEMA_VERSION } from '../schema/version.js';

/** The body of a `failed` output: nothing read, the reason in `warnings`. */
export function failedBody(reason: string): ReportBody {
  return {
    meta: { title: null, agency: null, year: null, publishedAt: null, edition: 'unknown' },
    status: 'failed',
    overview: null,
    activeDisclosure: null,
    applications: null,
    reviewLitigation: null,
    problems: null,
    otherMatters: null,
    checks: [],
    warnings: [reason],
  };
}

/**
 * The `failed` report of an input that could not be read (also what the batch
 * runner records for a document whose worker crashed, hung or ran out of
 * memory). `hash` is the sha256 of the input's bytes, or null when they
 * could not be read (report-schema.md, Top level). `sourcePath` defaults to
 * the base name.
 */
export function failedReport(file: string, reason: string, hash: string | null = null, sourcePath?: string): Report {
  const name = basename(file);
  const source: Report['source'] = { file: name, path: sourcePath ?? name, format: 'unknown', sha256: hash, pages: null };
  return { schemaVersion: SCHEMA_VERSION, source, ...failedBody(reason) };
}
