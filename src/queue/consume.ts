/**
 * `gongkai worker`: takes document jobs from a BullMQ queue and runs them
 * through the same isolated worker pool as `extract` (timeouts, memory caps),
 * writing each output atomically into --out with its ledger line, exactly as
 * `extract` does, then recording it in Redis (src/queue/redis.ts).
 *
 * Failures: a document whose extraction fails is a `failed` output, done (not
 * retried). One whose worker crashed, hung or ran out of memory, or whose URL
 * could not be fetched, is retried while the job has attempts left, then
 * written as `failed` with the reason and left in BullMQ's failed set. A
 * worker process that dies leaves its jobs locked; BullMQ's stalled-job check
 * (run by the other workers) returns them to the queue once the lock expires.
 */
import { basename } from 'node:path';
import { Queue, UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import { createExtractPool, earlierOutput, writeJsonOutput, type Extracted, type ExtractPoolOptions } from '../batch/documents.js';
import { readLedger } from '../batch/ledger.js';
import { failedReport } from '../report/failed.js';
import type { Report } from '../report/types.js';
import { toNdjsonLine } from '../writers/json.js';
import { download, DownloadError, type Download } from './download.js';
import { connect, isUrl, queueKeys, recordOutcome, type DocumentJob, type DocumentOutcome } from './redis.js';

/** The extraction options are the pool's (batch/documents.ts); `jobs` sets its size. */
export interface QueueWorkerOptions extends Omit<ExtractPoolOptions, 'size'> {
  redis: string;
  queue: string;
  out: string;
  /** Documents extracted at once (worker threads and BullMQ concurrency). */
  jobs: number;
  pretty: boolean;
  /** Reuse still-valid outputs already in --out (the ledger, as `extract --resume`). */
  resume: boolean;
  /** BullMQ lock: a job whose worker stops renewing it for this long is stalled (ms). */
  lockDurationMs: number;
  /** How often this worker looks for stalled jobs (ms). */
  stalledIntervalMs: number;
  /** Times a job may stall (its worker died) before it is failed. */
  maxStalledCount: number;
  /** This worker's name, stored on the jobs it takes. */
  name: string;
  /** Stop once the queue has nothing waiting, delayed or active (on any worker). */
  drain: boolean;
  /** Called after each document is recorded. */
  onDocument?: (report: Report, outcome: DocumentOutcome) => void;
  onError?: (e: Error) => void;
}

export interface RunningWorker {
  /** Resolves when the worker has stopped: number of documents it recorded. */
  done: Promise<number>;
  /** `finish`: take no new job, finish the running ones. `return`: put the running ones back in the queue now. */
  stop(mode: 'finish' | 'return'): void;
}

/** The job was handed back to the queue (the worker is stopping). */
const RETURNED = Symbol('returned');

/** `gongkai worker`: takes jobs from the BullMQ queue into the isolated extract pool, writes outputs as `extract` does and adds each record to the results stream; resolves with a handle to stop it (SIGTERM: finish or hand back running jobs). */
export async function startQueueWorker(o: QueueWorkerOptions): Promise<RunningWorker> {
  const redis = await connect(o.redis, true);
  const queue = new Queue<DocumentJob>(o.queue, { connection: redis });
  const keys = queueKeys((t) => queue.toKey(t));
  const earlier = o.resume ? await readLedger(o.out) : new Map();
  const pool = createExtractPool({
    size: o.jobs,
    timeoutSeconds: o.timeoutSeconds,
    maxMemoryMb: o.maxMemoryMb,
    maxSizeMb: o.maxSizeMb,
    provenance: o.provenance,
    password: o.password,
  });
  const maxBytes = o.maxSizeMb * 1024 * 1024;
  let recorded = 0;

  /** The report of the job's document, or what went wrong in a way worth another try. */
  const read = async ({ input, name, out }: DocumentJob, signal?: AbortSignal): Promise<Extracted & { reused?: boolean }> => {
    let file: Download | undefined;
    try {
      if (isUrl(input)) {
        try {
          file = await download(input, maxBytes, o.timeoutSeconds * 1000);
        } catch (e) {
          const report = failedReport(basename(new URL(input).pathname) || input, (e as Error).message, null, name);
          return (e as DownloadError).permanent ? { report } : { report, fault: (e as Error).message };
        }
      }
      const path = file?.path ?? input;
      const reused = o.resume ? await earlierOutput(o.out, path, out, earlier) : undefined;
      if (reused) return { report: reused, reused: true };
      const returned = new Promise<typeof RETURNED>((resolve) => signal?.addEventListener('abort', () => resolve(RETURNED), { once: true }));
      const result = await Promise.race([pool.extract(path, { fileName: file?.fileName ?? input, sourcePath: name }), returned]);
      if (result === RETURNED) throw new WaitingError();
      return result;
    } finally {
      await file?.remove();
    }
  };

  const processor = async (job: Job<DocumentJob, DocumentOutcome>, token?: string, signal?: AbortSignal): Promise<DocumentOutcome> => {
    const { input, out } = job.data;
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    let result: Awaited<ReturnType<typeof read>>;
    try {
      result = await read(job.data, signal);
    } catch (e) {
      if (e instanceof WaitingError) await job.moveToWait(token);
      throw e;
    }
    const { report, fault, reused } = result;
    if (fault !== undefined && !lastAttempt) throw new Error(fault);
    if (!reused) await writeJsonOutput(o.out, out, report, o.pretty);
    const outcome: DocumentOutcome = { input, out, status: report.status };
    if (report.status === 'failed') outcome.reason = report.warnings[0] ?? 'unknown';
    await recordOutcome(redis, keys, job.id!, outcome, toNdjsonLine(report));
    recorded++;
    o.onDocument?.(report, outcome);
    if (fault !== undefined) throw new UnrecoverableError(fault);
    return outcome;
  };

  const worker = new Worker<DocumentJob, DocumentOutcome>(o.queue, processor, {
    connection: redis,
    concurrency: o.jobs,
    lockDuration: o.lockDurationMs,
    stalledInterval: o.stalledIntervalMs,
    maxStalledCount: o.maxStalledCount,
    name: o.name,
  });
  worker.on('error', (e) => o.onError?.(e));

  let resolveDone!: (n: number) => void;
  const done = new Promise<number>((r) => (resolveDone = r));
  let stopping: Promise<void> | undefined;
  const stop = (mode: 'finish' | 'return') => {
    if (mode === 'return') worker.cancelAllJobs('the worker is stopping');
    stopping ??= (async () => {
      clearInterval(drainTimer);
      await worker.close();
      await pool.close();
      await queue.close();
      await redis.quit();
      resolveDone(recorded);
    })();
  };

  // --drain: stop when no job is waiting, delayed or active anywhere (a dead worker's jobs stay active until recovered).
  const drainTimer = setInterval(() => {
    if (!o.drain || stopping) return;
    void queue
      .getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused')
      .then((c) => {
        if (Object.values(c).every((n) => n === 0)) stop('finish');
      })
      .catch((e: Error) => o.onError?.(e));
  }, Math.min(1000, o.stalledIntervalMs));
  return { done, stop };
}
