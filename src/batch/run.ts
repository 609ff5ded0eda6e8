/**
 * A batch run: every input through the worker pool, each result written as
 * soon as it is known (JSON files, atomically) or in input order (NDJSON and
 * CSV streams, so the output does not depend on the number of workers), a
 * ledger for --resume, a summary for the record.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import { WorkerPool } from './pool.js';
import type { ExtractJob } from './worker.js';
import type { Input } from './inputs.js';
import { appendLedger, readLedger } from './ledger.js';
import { fileSha256 } from '../io/hash.js';
import type { Reporter } from './progress.js';
import { writeAtomic } from '../io/write.js';
import { failedReport } from '../extract.js';
import type { Report, Status } from '../report/types.js';
import { toJson, toNdjsonLine } from '../writers/json.js';
import { csvHeader, csvLine, csvRow } from '../writers/csv.js';
import { loadTemplates } from '../template/load.js';
import { VERSION } from '../version.js';
import type { CorrectionEntry } from '../corrections/entries.js';

export type BatchFormat = 'json' | 'ndjson' | 'csv';

export interface BatchOptions {
  inputs: Input[];
  format: BatchFormat;
  /** json: the output folder, or undefined for stdout (one input). ndjson/csv: a file, or undefined for stdout. */
  out: string | undefined;
  jobs: number;
  timeoutSeconds: number;
  maxMemoryMb: number;
  maxSizeMb: number;
  provenance: boolean;
  pretty: boolean;
  password?: string | undefined;
  /** A person's corrections (spec § Corrections), applied to the documents with their sha256. */
  corrections?: CorrectionEntry[] | undefined;
  resume: boolean;
  reporter: Reporter;
}

export interface BatchSummary {
  gongkaiVersion: string;
  startedAt: string;
  elapsedSeconds: number;
  jobs: number;
  documents: number;
  /** Inputs skipped by --resume (their earlier outputs are counted below). */
  skipped: number;
  byStatus: Record<Status, number>;
  /** Failed check rule → number of documents where it failed. */
  failedChecks: Record<string, number>;
  failures: { file: string; reason: string }[];
  docsPerSecond: number;
  /** Peak resident memory of the whole run (all workers are threads of this process), in MB. */
  peakRssMb: number;
}

/** Where results go, one sink per output format. */
interface Sink {
  /** `index` is the input's position: streams keep input order. */
  write(index: number, input: Input, report: Report): Promise<void>;
  close(): Promise<void>;
}

const WORKER = new URL('./worker.js', import.meta.url);

class JsonFiles implements Sink {
  constructor(private readonly dir: string, private readonly pretty: boolean) {}
  async write(_: number, input: Input, report: Report): Promise<void> {
    await writeAtomic(join(this.dir, input.outName), toJson(report, this.pretty));
    await appendLedger(this.dir, { out: input.outName, sha256: report.source.sha256, version: VERSION });
  }
  async close(): Promise<void> {}
}

/**
 * A stream of records in input order. Written to a temporary file renamed
 * into place at the end (or to stdout), so a killed run leaves no half file.
 */
class OrderedStream implements Sink {
  private readonly pending = new Map<number, string>();
  private next = 0;
  private readonly stream: NodeJS.WritableStream;
  private readonly tmp?: string;

  constructor(private readonly target: string | undefined, private readonly format: (r: Report) => string, first: string[]) {
    if (target) {
      this.tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
      this.stream = createWriteStream(this.tmp);
    } else {
      this.stream = process.stdout;
    }
    for (const line of first) this.stream.write(line);
  }

  async write(index: number, _: Input, report: Report): Promise<void> {
    this.pending.set(index, this.format(report));
    for (let text = this.pending.get(this.next); text !== undefined; text = this.pending.get(this.next)) {
      this.pending.delete(this.next++);
      if (!this.stream.write(text)) await once(this.stream, 'drain');
    }
  }

  async close(): Promise<void> {
    if (!this.tmp) return;
    const file = this.stream as WriteStream;
    file.end();
    await once(file, 'close');
    await mkdir(dirname(this.target!), { recursive: true });
    await rename(this.tmp, this.target!).catch(async (e: unknown) => {
      await rm(this.tmp!, { force: true });
      throw e;
    });
  }
}

class StdoutJson implements Sink {
  constructor(private readonly pretty: boolean) {}
  async write(_: number, __: Input, report: Report): Promise<void> {
    process.stdout.write(toJson(report, this.pretty));
  }
  async close(): Promise<void> {}
}

function makeSink(o: BatchOptions): Sink {
  if (o.format === 'json') return o.out === undefined ? new StdoutJson(o.pretty) : new JsonFiles(o.out, o.pretty);
  if (o.format === 'ndjson') return new OrderedStream(o.out, toNdjsonLine, []);
  const header = csvHeader(loadTemplates());
  // A byte-order mark, so spreadsheet programs read the Chinese text as UTF-8.
  return new OrderedStream(o.out, (r) => csvRow(r, header), [`\uFEFF${csvLine(header)}`]);
}

/** Inputs whose output from an earlier run (same bytes, same gongkai) is still valid: index → that output. */
async function resumable(o: BatchOptions): Promise<Map<number, Report>> {
  const done = new Map<number, Report>();
  if (!o.resume || o.format !== 'json' || o.out === undefined) return done;
  const ledger = await readLedger(o.out);
  await Promise.all(
    o.inputs.map(async (input, i) => {
      const entry = ledger.get(input.outName);
      if (!entry || entry.version !== VERSION) return;
      const [sha, text] = await Promise.all([fileSha256(input.path), readFile(join(o.out!, input.outName), 'utf8').catch(() => undefined)]);
      if (!sha || sha !== entry.sha256 || !text) return;
      try {
        const report = JSON.parse(text) as Report;
        if (report.source?.sha256 === sha) done.set(i, report);
      } catch {
        // a damaged output is simply redone
      }
    }),
  );
  return done;
}

export async function runBatch(o: BatchOptions): Promise<BatchSummary> {
  const started = Date.now();
  const summary: BatchSummary = {
    gongkaiVersion: VERSION,
    startedAt: new Date(started).toISOString(),
    elapsedSeconds: 0,
    jobs: o.jobs,
    documents: o.inputs.length,
    skipped: 0,
    byStatus: { complete: 0, partial: 0, failed: 0 },
    failedChecks: {},
    failures: [],
    docsPerSecond: 0,
    peakRssMb: 0,
  };
  const count = (input: Input, report: Report) => {
    summary.byStatus[report.status]++;
    for (const c of report.checks) if (!c.passed) summary.failedChecks[c.rule] = (summary.failedChecks[c.rule] ?? 0) + 1;
    if (report.status === 'failed') summary.failures.push({ file: input.path, reason: report.warnings[0] ?? 'unknown' });
  };

  const earlier = await resumable(o);
  summary.skipped = earlier.size;
  for (const [i, report] of earlier) count(o.inputs[i]!, report);
  const todo = o.inputs.map((input, index) => ({ input, index })).filter(({ index }) => !earlier.has(index));

  // --resume applies to JSON folders only, so a stream sink always gets every input.
  const sink = makeSink(o);
  o.reporter.start(todo.length);
  const maxBytes = o.maxSizeMb * 1024 * 1024;
  const options = {
    provenance: o.provenance,
    maxBytes,
    ...(o.password !== undefined ? { password: o.password } : {}),
    ...(o.corrections?.length ? { corrections: o.corrections } : {}),
  };
  const faulted = new WeakSet<Report>();
  const pool = new WorkerPool<ExtractJob, Report>({
    script: WORKER,
    size: Math.max(1, Math.min(o.jobs, todo.length)),
    timeoutMs: o.timeoutSeconds * 1000,
    maxMemoryMb: o.maxMemoryMb,
    onFault: (job, reason) => {
      const report = failedReport(job.path, reason);
      faulted.add(report);
      return report;
    },
  });
  // A document whose worker died is reported with its file's real sha256, computed here.
  const run = async (path: string) => {
    const report = await pool.run({ path, options });
    if (faulted.has(report)) report.source.sha256 = (await fileSha256(path)) ?? report.source.sha256;
    return report;
  };
  try {
    // Writes are chained so that files and ledger lines never interleave badly.
    let writing = Promise.resolve();
    await Promise.all(
      todo.map(async ({ input, index }) => {
        const report = await run(input.path);
        count(input, report);
        o.reporter.document(report, input.path);
        writing = writing.then(() => sink.write(index, input, report));
        await writing;
      }),
    );
    await sink.close();
  } finally {
    await pool.close();
  }
  summary.failures.sort((a, b) => a.file.localeCompare(b.file));
  summary.elapsedSeconds = Math.round((Date.now() - started) / 10) / 100;
  summary.docsPerSecond = Math.round((todo.length / Math.max(summary.elapsedSeconds, 0.01)) * 100) / 100;
  summary.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const s = summary.byStatus;
  if (summary.documents > 1)
    o.reporter.finish(
    `${summary.documents} documents: ${s.complete} complete, ${s.partial} partial, ${s.failed} failed` +
      `${summary.skipped ? ` (${summary.skipped} unchanged, skipped)` : ''} in ${summary.elapsedSeconds} s`,
  );
  return summary;
}
