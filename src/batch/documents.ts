/**
 * One document at a time, for any driver of the worker pool (a batch run over
 * a folder, or a queue worker fed from Redis): extract it in an isolated
 * worker, write its JSON output atomically with its ledger line, or find the
 * still-valid output of an earlier run (`--resume`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkerPool } from './pool.js';
import { isOcrNeeded, type OcrNeeded } from './lanes.js';
import type { ExtractJob } from './worker.js';
import { appendLedger, type LedgerEntry } from './ledger.js';
import { fileSha256, sha256 } from '../io/hash.js';
import { writeAtomic } from '../io/write.js';
import type { ExtractOptions } from '../extract.js';
import { failedReport } from '../report/failed.js';
import type { Report } from '../report/types.js';
import { toJson } from '../writers/json.js';
import { VERSION } from '../version.js';
import type { CorrectionEntry } from '../corrections/entries.js';

const WORKER = new URL('./worker.js', import.meta.url);

export interface ExtractPoolOptions {
  /** Worker threads of the general lane (documents read at once). */
  size: number;
  /** Worker threads of the OCR lane (documents OCR'd at once, one engine each; default 1), started when the first document needs OCR. */
  ocrJobs?: number | undefined;
  /** WebAssembly threads of each OCR engine (default 1; see ocr/engine.ts `setEngineThreads`). */
  ocrThreads?: number | undefined;
  timeoutSeconds: number;
  maxMemoryMb: number;
  maxSizeMb: number;
  provenance: boolean;
  password?: string | undefined;
  /** Which pages to OCR (`off`, `auto`, `force`; default auto). */
  ocr?: 'off' | 'auto' | 'force' | undefined;
  /** Seconds one OCR'd page may take: renewed as each page starts, instead of the per-document timeout. */
  ocrPageSeconds?: number | undefined;
  /** A person's corrections (spec § Corrections), applied to the documents with their sha256. */
  corrections?: CorrectionEntry[] | undefined;
}

export interface Extracted {
  report: Report;
  /** Set when the document's worker crashed, hung past the timeout or ran out of memory: what happened. The report is then a `failed` one saying so. */
  fault?: string;
}

/** How a document is named in its report: `source.file` (and the format guess) from `fileName`, `source.path` from `sourcePath` (batch/names.ts). */
export interface DocumentNames {
  fileName: string;
  sourcePath: string;
}

export interface ExtractPool {
  /** Extracts a file (its path) or bytes (standard input). Never rejects for a bad document. */
  extract(input: string | Uint8Array, names: DocumentNames): Promise<Extracted>;
  /** Size of the OCR lane: 0 while no document has needed OCR, then `ocrJobs` (each of its workers loads at most one engine). */
  ocrWorkers(): number;
  close(): Promise<void>;
}

/**
 * A warm pool of isolated extraction workers (src/batch/pool.ts) in two
 * lanes (src/batch/lanes.ts): `size` general workers, and `ocrJobs` OCR
 * workers started when the first document needs OCR. A document that needs
 * OCR is read again from the start in the OCR lane (its text pages cost
 * milliseconds; its OCR'd pages seconds).
 */
export function createExtractPool(o: ExtractPoolOptions): ExtractPool {
  const options: ExtractOptions = {
    provenance: o.provenance,
    maxBytes: o.maxSizeMb * 1024 * 1024,
    ...(o.password !== undefined ? { password: o.password } : {}),
    ...(o.ocr !== undefined ? { ocr: o.ocr } : {}),
    ...(o.corrections?.length ? { corrections: o.corrections } : {}),
  };
  const faults = new WeakMap<Report, string>();
  const ocrThreads = Math.max(1, Math.floor(o.ocrThreads ?? 1));
  const lane = (size: number, ocrLane: boolean) =>
    new WorkerPool<ExtractJob, Report | OcrNeeded>({
      script: WORKER,
      size: Math.max(1, size),
      timeoutMs: o.timeoutSeconds * 1000,
      ...(o.ocrPageSeconds ? { ocrPageTimeoutMs: o.ocrPageSeconds * 1000 } : {}),
      maxMemoryMb: o.maxMemoryMb,
      workerData: ocrLane ? { ocrLane, ocrThreads } : { ocrLane },
      onFault: (job, reason) => {
        const report = failedReport(job.options.fileName ?? 'input', reason, null, job.options.sourcePath);
        faults.set(report, reason);
        return report;
      },
    });
  const general = lane(o.size, false);
  let ocr: WorkerPool<ExtractJob, Report | OcrNeeded> | undefined;
  let ocrWorkers = 0;
  const ocrLane = () => {
    if (!ocr) {
      ocrWorkers = Math.max(1, o.ocrJobs ?? 1);
      ocr = lane(ocrWorkers, true);
    }
    return ocr;
  };
  return {
    async extract(input, names) {
      const job = { input, options: { ...options, ...names } };
      let result = await general.run(job);
      if (isOcrNeeded(result)) result = await ocrLane().run(job);
      // An OCR-lane worker loads engines freely, so it never answers OCR_NEEDED.
      const report = result as Report;
      const fault = faults.get(report);
      if (fault === undefined) return { report };
      // A document whose worker died is reported with its file's real sha256, computed here.
      report.source.sha256 = typeof input === 'string' ? ((await fileSha256(input)) ?? null) : sha256(input);
      return { report, fault };
    },
    ocrWorkers: () => ocrWorkers,
    close: async () => {
      await Promise.all([general.close(), ocr?.close()]);
    },
  };
}

/** Writes one JSON output into `dir` atomically, then its ledger line (src/batch/ledger.ts; none for an input that could not be read). */
export async function writeJsonOutput(dir: string, outName: string, report: Report, pretty: boolean): Promise<void> {
  await writeAtomic(join(dir, outName), toJson(report, pretty));
  if (report.source.sha256) await appendLedger(dir, { out: outName, sha256: report.source.sha256, version: VERSION });
}

/**
 * The output an earlier run wrote for this input, when it is still valid: in
 * the ledger with the file's current sha256 and this gongkai version, and on
 * disk with that sha256. Undefined otherwise (a damaged output is redone).
 */
export async function earlierOutput(dir: string, path: string, outName: string, ledger: Map<string, LedgerEntry>): Promise<Report | undefined> {
  const entry = ledger.get(outName);
  if (!entry || entry.version !== VERSION) return undefined;
  const [sha, text] = await Promise.all([fileSha256(path), readFile(join(dir, outName), 'utf8').catch(() => undefined)]);
  if (!sha || sha !== entry.sha256 || !text) return undefined;
  try {
    const report = JSON.parse(text) as Report;
    return report.source?.sha256 === sha ? report : undefined;
  } catch {
    return undefined;
  }
}
