/**
 * `gongkai queue add|status|results`: feed a BullMQ queue on Redis with
 * documents, and read back what the workers (`gongkai worker`) did with them.
 */
import type { Argv, CommandModule } from 'yargs';
import { addDocuments } from '../queue/enqueue.js';
import { formatStatus, printResults, queueStatus } from '../queue/inspect.js';
import { DEFAULT_QUEUE } from '../queue/redis.js';
import { UsageError } from './extract-command.js';

/** Options every queue command shares. */
export function redisOptions<T>(y: Argv<T>) {
  return y
    .option('redis', { type: 'string', demandOption: true, describe: 'the Redis URL (redis://host:6379, rediss:// for TLS)' })
    .option('queue', { type: 'string', default: DEFAULT_QUEUE, describe: 'the queue name' });
}

function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
}

/** The `queue` command; `setCode` receives the exit code. */
export function queueCommand(setCode: (code: number) => void): CommandModule {
  return {
    command: 'queue <command>',
    describe: 'Queue documents on Redis for `gongkai worker`s on many machines (add, status, results)',
    builder: (y) =>
      y
        .command(
          'add <inputs..>',
          'Add one job per document (file, folder or http(s) URL); documents already queued (same path, size, mtime) are skipped',
          (a) =>
            redisOptions(a)
              .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'files, folders or URLs, as the workers will see them' })
              .option('attempts', { type: 'number', default: 2, describe: 'tries per document when its worker crashes or times out' })
              .check((a) => {
                if (!Number.isInteger(a.attempts) || a.attempts < 1) throw new UsageError('--attempts must be a positive whole number');
                return true;
              }),
          async (a) => {
            const r = await addDocuments(a.inputs as string[], { redis: a.redis, queue: a.queue, attempts: a.attempts });
            if (!r.documents) throw new UsageError('no input documents found');
            process.stderr.write(`${r.added} of ${r.documents} documents added to queue ${a.queue} (${r.documents - r.added} already there)\n`);
            setCode(0);
          },
        )
        .command(
          'status',
          'Counts of waiting, active, completed and failed jobs, and the failures with their reasons',
          (a) => redisOptions(a).option('json', { type: 'boolean', default: false, describe: 'print the status as JSON' }),
          async (a) => {
            const s = await queueStatus(a.redis, a.queue);
            await write(a.json ? `${JSON.stringify(s, null, 2)}\n` : formatStatus(s));
            setCode(0);
          },
        )
        .command(
          'results',
          'Print the finished documents’ records (the NDJSON of `extract --format ndjson`) in the order they finished',
          (a) => redisOptions(a).option('follow', { alias: 'f', type: 'boolean', default: false, describe: 'keep waiting for new records' }),
          async (a) => {
            const stop = new AbortController();
            const abort = () => stop.abort();
            process.once('SIGINT', abort).once('SIGTERM', abort);
            await printResults(a.redis, a.queue, write, a.follow, stop.signal);
            setCode(0);
          },
        )
        .demandCommand(1, 'Name a queue command: add, status or results'),
    handler: () => undefined,
  };
}
