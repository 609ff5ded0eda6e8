/**
 * `extractMany`: the CLI's isolated worker pool for library users. Each
 * document is read in a warm worker thread; one that crashes its worker,
 * hangs past `timeoutMs` or exceeds the heap cap costs that document only
 * (a `failed` report saying which).
 */
import { availableParallelism } from 'node:os';
import { WorkerPool } from './pool.js';
import type { ExtractJob } from './worker.js';
import { extract, type ExtractInput, type ExtractOptions } from '../extract.js';
import { failedReport } from '../report/failed.js';
import type { Report } from '../report/types.js';
import { outputNames } from './names.js';
import { fileSha256, sha256 } from '../io/hash.js';

export interface ExtractManyOptions extends Omit<ExtractOptions, 'signal' | 'timeoutMs' | 'sourcePath' | 'fileName'> {
  /** Documents read in parallel (default: the number of cores). */
  jobs?: number;
  /** Per-document time limit in ms (default 60 000; 0: none). The worker is stopped and replaced. */
  timeoutMs?: number;
  /** Heap limit per worker in MB (default 512). */
  maxMemoryMb?: number;
  /** Stops the run: documents not finished get a `failed` report saying `aborted`. */
  signal?: AbortSignal;
  /** Called as each document is done (in the order they finish). */
  onReport?: (report: Report, index: number) => void;
}

/**
 * Extracts every input (paths, `Uint8Array`s/`Buffer`s, `ArrayBuffer`s) in
 * parallel; resolves to the reports in input order. Never rejects for a bad
 * input. Paths get `source.path` relative to the deepest folder holding them
 * all (report-schema.md, Files), as the CLI names its outputs.
 */
export async function extractMany(inputs: ExtractInput[], options: ExtractManyOptions = {}): Promise<Report[]> {
  const { jobs = availableParallelism(), timeoutMs = 60_000, maxMemoryMb = 512, signal, onReport, ...extractOptions } = options;
  // Paths are named as the CLI names them; bytes `input-<n>` (1-based).
  const pathNames = outputNames(inputs.filter((x): x is string => typeof x === 'string'));
  let p = 0;
  const names = inputs.map((x, i) => (typeof x === 'string' ? pathNames[p++]! : `input-${i + 1}`));
  const results: Report[] = new Array<Report>(inputs.length);
  const pool = new WorkerPool<ExtractJob, Report>({
    script: new URL('./worker.js', import.meta.url),
    size: Math.max(1, Math.min(jobs, inputs.length)),
    timeoutMs,
    maxMemoryMb,
    onFault: (job, reason) => failedReport(job.options.fileName ?? 'input', reason, null, job.options.sourcePath),
  });
  const aborted = new Promise<undefined>((resolve) => {
    if (signal?.aborted) resolve(undefined);
    signal?.addEventListener('abort', () => resolve(undefined), { once: true });
  });
  try {
    await Promise.all(
      inputs.map(async (raw, i) => {
        const input = raw instanceof ArrayBuffer ? new Uint8Array(raw) : raw;
        const fileName = typeof input === 'string' ? input : names[i]!;
        const opts = { ...extractOptions, fileName, sourcePath: names[i]! };
        let report: Report | undefined;
        if (typeof input !== 'string' && !(input instanceof Uint8Array)) report = await extract(input, opts); // the failed report of an unsupported input
        else report = await Promise.race([pool.run({ input, options: opts }), aborted]);
        if (!report) {
          const hash = typeof input === 'string' ? ((await fileSha256(input)) ?? null) : sha256(input);
          report = failedReport(fileName, 'aborted', hash, names[i]);
        }
        results[i] = report;
        onReport?.(report, i);
      }),
    );
  } finally {
    await pool.close();
  }
  return results;
}
