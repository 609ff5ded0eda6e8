/**
 * A batch run: every input through the isolated worker pool, each result
 * handed to the output sink as soon as it is known (batch/sinks.ts), a ledger
 * for --resume, a summary for the record. An abort signal (SIGINT/SIGTERM in
 * the CLI) stops the run: no document is started after it, the running ones
 * are abandoned (their workers stopped), the finished ones are written, and
 * the summary says `interrupted: true`.
 */
import type { Input, SkippedFile } from './inputs.js';
import { readLedger } from './ledger.js';
import { createExtractPool, earlierOutput } from './documents.js';
import type { Reporter } from './progress.js';
import type { Report } from '../report/types.js';
import { loadTemplates } from '../template/load.js';
import { makeSink, type BatchFormat, type OutputTarget } from './sinks.js';
import { countReport, finishSummary, newSummary, summaryText, type BatchSummary } from './summary.js';
import type { LabelLanguage } from '../writers/csv.js';
import { STDIN } from './names.js';
import type { CorrectionEntry } from '../corrections/entries.js';

export type { BatchFormat, OutputTarget } from './sinks.js';
export type { BatchSummary } from './summary.js';

export interface BatchOptions {
  inputs: Input[];
  format: BatchFormat;
  target: OutputTarget;
  jobs: number;
  /** Documents OCR'd at once (the OCR lane's workers, one engine each; default 1). */
  ocrJobs?: number | undefined;
  /** WebAssembly threads per OCR engine (default 1). */
  ocrThreads?: number | undefined;
  timeoutSeconds: number;
  /** Which pages to OCR (`off`, `auto`, `force`). */
  ocr?: 'off' | 'auto' | 'force' | undefined;
  /** Seconds one OCR'd page may take (renewed per page). */
  ocrPageSeconds?: number | undefined;
  maxMemoryMb: number;
  maxSizeMb: number;
  provenance: boolean;
  pretty: boolean;
  password?: string | undefined;
  /** A person's corrections (spec § Corrections), applied to the documents with their sha256. */
  corrections?: CorrectionEntry[] | undefined;
  resume: boolean;
  reporter: Reporter;
  /** Column headers of CSV: report paths or the printed Chinese labels. */
  labels?: LabelLanguage;
  /** Files under the folders that were not read (listed in the summary). */
  skippedFiles?: SkippedFile[];
  /** The bytes of the input `-` (standard input), read by the caller. */
  stdin?: Uint8Array;
  /** Stops the run (see above). */
  signal?: AbortSignal;
}

/** Inputs whose output from an earlier run (same bytes, same gongkai) is still valid: index → that output. */
async function resumable(o: BatchOptions): Promise<Map<number, Report>> {
  const done = new Map<number, Report>();
  if (!o.resume || o.format !== 'json' || o.target.kind !== 'folder') return done;
  const dir = o.target.path;
  const ledger = await readLedger(dir);
  await Promise.all(
    o.inputs.map(async (input, i) => {
      const report = input.path === STDIN ? undefined : await earlierOutput(dir, input.path, input.outName, ledger);
      if (report) done.set(i, report);
    }),
  );
  return done;
}

/** One `gongkai extract` run: every input through the isolated worker pool, outputs written by the sink in input order, the ledger for `--resume`; resolves with the run summary (counts, failures, interrupted). Never rejects for a bad input. */
export async function runBatch(o: BatchOptions): Promise<BatchSummary> {
  const started = Date.now();
  const summary = newSummary(o.jobs, o.inputs.length, o.skippedFiles ?? []);
  const earlier = await resumable(o);
  summary.skipped = earlier.size;
  for (const [i, report] of earlier) countReport(summary, o.inputs[i]!, report);
  const todo = o.inputs.map((input, index) => ({ input, index })).filter(({ index }) => !earlier.has(index));

  // --resume applies to JSON folders only, so a stream sink always gets every input.
  const sink = makeSink({ format: o.format, target: o.target, pretty: o.pretty, labels: o.labels ?? 'keys', templates: loadTemplates() });
  o.reporter.start(todo.length);
  const pool = createExtractPool({
    size: Math.min(o.jobs, todo.length),
    ocrJobs: Math.min(o.ocrJobs ?? 1, todo.length),
    ocrThreads: o.ocrThreads,
    timeoutSeconds: o.timeoutSeconds,
    ocr: o.ocr,
    ocrPageSeconds: o.ocrPageSeconds,
    maxMemoryMb: o.maxMemoryMb,
    maxSizeMb: o.maxSizeMb,
    provenance: o.provenance,
    password: o.password,
    corrections: o.corrections,
  });
  const run = async (input: Input) => {
    const isStdin = input.path === STDIN;
    const names = { fileName: isStdin ? input.name : input.path, sourcePath: input.name };
    return (await pool.extract(isStdin ? (o.stdin ?? new Uint8Array()) : input.path, names)).report;
  };
  const stop = new Promise<undefined>((resolve) => {
    if (o.signal?.aborted) resolve(undefined);
    o.signal?.addEventListener('abort', () => resolve(undefined), { once: true });
  });
  try {
    // Writes are chained so that files and ledger lines never interleave badly.
    let writing = Promise.resolve();
    await Promise.all(
      todo.map(async ({ input, index }) => {
        const report = await Promise.race([run(input), stop]);
        if (!report || o.signal?.aborted) return;
        countReport(summary, input, report);
        o.reporter.document(report, input.path);
        writing = writing.then(() => sink.write(index, input, report));
        await writing;
      }),
    );
    await writing;
    for (const note of (await sink.close()) ?? []) o.reporter.note(note);
  } finally {
    await pool.close();
  }
  summary.interrupted = !!o.signal?.aborted && summary.done < summary.documents;
  finishSummary(summary, started, summary.done - summary.skipped);
  if (summary.documents > 1 || summary.skippedFiles.length) o.reporter.finish(summaryText(summary));
  return summary;
}
