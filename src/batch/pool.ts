/**
 * A pool of warm worker threads that isolates each job: a job that crashes
 * its worker, hangs past its timeout or runs the worker out of memory costs
 * that job only. The worker is replaced and the job gets the result `onFault`
 * makes of what happened; the other jobs never notice.
 *
 * Workers stay alive between jobs, so what they load (pdf.js, mammoth) is
 * loaded once per worker, not once per document.
 */
import { Worker } from 'node:worker_threads';

export interface PoolOptions<J, R> {
  /** The worker's module. It answers each `{ id, job }` message with `{ id, result }`. */
  script: URL | string;
  size: number;
  /** Per-job time limit in ms (0: none). */
  timeoutMs: number;
  /** Heap limit per worker in MB (0: Node's default). */
  maxMemoryMb: number;
  /** The result of a job whose worker died or hung: `reason` says what happened. */
  onFault: (job: J, reason: string) => R;
  workerData?: unknown;
}

interface Pending<J, R> {
  id: number;
  job: J;
  resolve: (r: R) => void;
}

interface Slot<J, R> {
  worker: Worker;
  current?: Pending<J, R>;
  timer?: NodeJS.Timeout;
  /** Set once the slot's worker is being replaced, so its late events are ignored. */
  retired: boolean;
}

export class WorkerPool<J, R> {
  private readonly queue: Pending<J, R>[] = [];
  private readonly slots: Slot<J, R>[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: PoolOptions<J, R>) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
  }

  run(job: J): Promise<R> {
    if (this.closed) throw new Error('the worker pool is closed');
    return new Promise<R>((resolve) => {
      this.queue.push({ id: this.nextId++, job, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker, abandoning the jobs they run (their promises never settle) and the queue. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    // A running job's time limit must not keep the process alive after the pool is gone.
    for (const s of this.slots) clearTimeout(s.timer);
    await Promise.all(this.slots.map((s) => ((s.retired = true), s.worker.terminate())));
  }

  private spawn(): Slot<J, R> {
    const { maxMemoryMb } = this.options;
    const worker = new Worker(this.options.script, {
      workerData: this.options.workerData,
      ...(maxMemoryMb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb } } : {}),
      // Whatever a library prints in the worker must not reach our stdout (it may be an NDJSON stream).
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot<J, R> = { worker, retired: false };
    worker.on('message', (msg: { id: number; result: R }) => {
      if (slot.retired || !slot.current || msg.id !== slot.current.id) return;
      this.finish(slot, msg.result);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const reason =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `ran out of memory (worker heap limit ${maxMemoryMb} MB)`
          : `the worker crashed: ${err.message}`;
      this.fault(slot, reason);
    });
    worker.on('exit', (code) => {
      if (!slot.retired) this.fault(slot, `the worker exited unexpectedly (code ${code})`);
    });
    // An idle worker must not keep the process alive.
    worker.unref();
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.current || slot.retired) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.current = next;
      slot.worker.ref();
      if (this.options.timeoutMs > 0) {
        slot.timer = setTimeout(() => this.fault(slot, `timed out after ${this.options.timeoutMs / 1000} s`), this.options.timeoutMs);
      }
      slot.worker.postMessage({ id: next.id, job: next.job });
    }
  }

  private finish(slot: Slot<J, R>, result: R): void {
    const done = slot.current!;
    clearTimeout(slot.timer);
    slot.current = undefined;
    slot.worker.unref();
    done.resolve(result);
    this.dispatch();
  }

  /** The slot's worker is gone or stuck: fail its job, replace the worker. */
  private fault(slot: Slot<J, R>, reason: string): void {
    if (slot.retired) return;
    slot.retired = true;
    clearTimeout(slot.timer);
    const job = slot.current;
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (!this.closed && index >= 0) this.slots[index] = this.spawn();
    if (job) job.resolve(this.options.onFault(job.job, reason));
    this.dispatch();
  }
}
