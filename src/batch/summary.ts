/**
 * The record of a run (`--summary FILE`): counts by status, failed checks,
 * the documents with failed checks, failures with their reasons, the files
 * under folders that were skipped and why, timing, memory, and whether the
 * run was interrupted.
 */
import type { Report, Status } from '../report/types.js';
import type { Input, SkippedFile } from './inputs.js';
import { VERSION } from '../version.js';

export interface BatchSummary {
  gongkaiVersion: string;
  startedAt: string;
  elapsedSeconds: number;
  jobs: number;
  /** Inputs of the run (documents found and named). */
  documents: number;
  /** Documents whose output is counted below (read now or kept by --resume). */
  done: number;
  /** Inputs skipped by --resume (their earlier outputs are counted below). */
  skipped: number;
  /** Files under the folders named that were not read, and why (not a document format, hidden, …). */
  skippedFiles: SkippedFile[];
  byStatus: Record<Status, number>;
  /** Failed check rule → number of documents where it failed. */
  failedChecks: Record<string, number>;
  /** Documents with at least one failed check: their path and the rules that failed. */
  documentsWithFailedChecks: { file: string; rules: string[] }[];
  failures: { file: string; reason: string }[];
  /** Stopped by SIGINT/SIGTERM before every document was done. */
  interrupted: boolean;
  docsPerSecond: number;
  /** Peak resident memory of the whole run (all workers are threads of this process), in MB. */
  peakRssMb: number;
}

export function newSummary(jobs: number, documents: number, skippedFiles: SkippedFile[]): BatchSummary {
  return {
    gongkaiVersion: VERSION,
    startedAt: new Date().toISOString(),
    elapsedSeconds: 0,
    jobs,
    documents,
    done: 0,
    skipped: 0,
    skippedFiles,
    byStatus: { complete: 0, partial: 0, failed: 0 },
    failedChecks: {},
    documentsWithFailedChecks: [],
    failures: [],
    interrupted: false,
    docsPerSecond: 0,
    peakRssMb: 0,
  };
}

/** Adds one document's outcome. */
export function countReport(summary: BatchSummary, input: Input, report: Report): void {
  summary.done++;
  summary.byStatus[report.status]++;
  const failed = report.checks.filter((c) => !c.passed).map((c) => c.rule);
  for (const rule of failed) summary.failedChecks[rule] = (summary.failedChecks[rule] ?? 0) + 1;
  if (failed.length) summary.documentsWithFailedChecks.push({ file: input.path, rules: failed });
  if (report.status === 'failed') summary.failures.push({ file: input.path, reason: report.warnings[0] ?? 'unknown' });
}

/** Sorts the lists and fills in timing and memory at the end of a run. */
export function finishSummary(summary: BatchSummary, startedMs: number, readNow: number): void {
  summary.failures.sort((a, b) => a.file.localeCompare(b.file));
  summary.documentsWithFailedChecks.sort((a, b) => a.file.localeCompare(b.file));
  summary.elapsedSeconds = Math.round((Date.now() - startedMs) / 10) / 100;
  summary.docsPerSecond = Math.round((readNow / Math.max(summary.elapsedSeconds, 0.01)) * 100) / 100;
  summary.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
}

/** The run's last line: `12 documents: 10 complete, 1 partial, 1 failed; 2 with failed checks in 3.1 s`. */
export function summaryText(s: BatchSummary): string {
  const b = s.byStatus;
  const parts = [`${s.documents} documents: ${b.complete} complete, ${b.partial} partial, ${b.failed} failed`];
  if (s.documentsWithFailedChecks.length) parts.push(`; ${s.documentsWithFailedChecks.length} with failed checks`);
  if (s.skipped) parts.push(` (${s.skipped} unchanged, skipped)`);
  parts.push(` in ${s.elapsedSeconds} s`);
  if (s.skippedFiles.length) {
    const why = new Map<string, number>();
    for (const f of s.skippedFiles) why.set(f.reason, (why.get(f.reason) ?? 0) + 1);
    const list = [...why].map(([reason, n]) => `${n} ${reason}`).join(', ');
    parts.push(`; skipped ${s.skippedFiles.length} file${s.skippedFiles.length > 1 ? 's' : ''} under the folders: ${list}`);
  }
  return parts.join('');
}
