/**
 * `gongkai worker`: extracts documents from a Redis queue (filled by `gongkai
 * queue add`) into --out until stopped. SIGTERM or SIGINT: take no new job,
 * finish the running ones; those still running after --grace seconds (or at a
 * second signal) go back to the queue for another worker, and it exits 0 (130
 * when it could not hand them back within 10 s, e.g. Redis is gone).
 */
import { availableParallelism, hostname } from 'node:os';
import type { Argv } from 'yargs';
import { EXIT, UsageError, type CliCommand } from './command.js';
import { redisOptions } from './queue-command.js';
import { reexecSingleThreaded, shouldReexec } from './reexec.js';

const builder = (y: Argv) =>
  redisOptions(y)
    .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'output folder (shared by all workers, or one per machine)' })
    .option('jobs', { alias: 'j', type: 'number', describe: 'documents read in parallel (default: number of cores)' })
    .option('timeout', { type: 'number', default: 60, describe: 'seconds allowed per document' })
    .option('max-size', { type: 'number', default: 100, describe: 'largest input read, in MB' })
    .option('max-memory', { type: 'number', default: 512, describe: 'heap limit per worker, in MB' })
    .option('resume', { type: 'boolean', default: false, describe: 'reuse outputs already in --out (same bytes, same gongkai version)' })
    .option('provenance', { type: 'boolean', default: false, describe: "record each cell's page, box and printed text" })
    .option('pretty', { type: 'boolean', default: false, describe: 'indent the JSON' })
    .option('password', { type: 'string', describe: 'password of encrypted PDFs' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'one line per document on stderr' })
    .option('drain', { type: 'boolean', default: false, describe: 'exit once the queue is empty (for batch jobs) instead of waiting for more' })
    .option('name', { type: 'string', default: `${hostname()}:${process.pid}`, describe: 'this worker’s name, stored on its jobs' })
    .option('grace', { type: 'number', default: 20, describe: 'seconds to finish running documents after SIGTERM before returning them to the queue' })
    .option('lock-duration', { type: 'number', default: 30, describe: 'seconds after which a dead worker’s jobs count as stalled' })
    .option('stalled-interval', { type: 'number', default: 30, describe: 'seconds between checks for stalled jobs' })
    .option('max-stalled', { type: 'number', default: 2, describe: 'times a job may lose its worker before it is failed' })
    .check((a) => {
      for (const k of ['jobs', 'timeout', 'max-size', 'max-memory', 'lock-duration', 'stalled-interval'] as const) {
        const v = a[k];
        if (v !== undefined && (!Number.isFinite(v) || v <= 0)) throw new UsageError(`--${k} must be a positive number`);
      }
      return true;
    });

type WorkerArgs = (ReturnType<typeof builder> extends Argv<infer T> ? T : never) & { redis: string; queue: string };

export const workerCommand: CliCommand = {
  command: 'worker',
  describe: 'Extract documents from a Redis queue into --out (outputs as `extract` writes them), until stopped',
  builder: (y) => builder(y) as unknown as Argv,
  run: async (args) => {
    const a = args as unknown as WorkerArgs;
    const jobs = a.jobs ?? availableParallelism();
    if (shouldReexec(jobs, availableParallelism())) return reexecSingleThreaded();
    // BullMQ and ioredis (and the batch machinery) load only when a worker starts, after the restart.
    const [{ startQueueWorker }, { summaryLine }] = await Promise.all([import('../queue/consume.js'), import('../batch/progress.js')]);
    const worker = await startQueueWorker({
      redis: a.redis,
      queue: a.queue,
      out: a.out,
      jobs,
      timeoutSeconds: a.timeout,
      maxMemoryMb: a['max-memory'],
      maxSizeMb: a['max-size'],
      provenance: a.provenance,
      pretty: a.pretty,
      password: a.password,
      resume: a.resume,
      lockDurationMs: a['lock-duration'] * 1000,
      stalledIntervalMs: a['stalled-interval'] * 1000,
      maxStalledCount: a['max-stalled'],
      name: a.name,
      drain: a.drain,
      onDocument: (report, outcome) => {
        if (a.verbose) process.stderr.write(`${summaryLine(report, outcome.input)}\n`);
      },
      onError: (e) => process.stderr.write(`gongkai worker: ${e.message}\n`),
    });
    let signals = 0;
    const handBack = () => {
      worker.stop('return');
      // Without Redis nothing can be handed back cleanly: the jobs' locks expire and the stalled-job check recovers them.
      setTimeout(() => process.exit(EXIT.interrupted), 10_000).unref();
    };
    const onSignal = () => {
      if (signals++) return handBack();
      worker.stop('finish');
      setTimeout(handBack, a.grace * 1000).unref();
    };
    process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
    const n = await worker.done;
    process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
    if (a.verbose) process.stderr.write(`gongkai worker ${a.name}: ${n} documents recorded\n`);
    return EXIT.ok;
  },
};
