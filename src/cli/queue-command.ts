/**
 * `gongkai queue add|status|results`: feed a BullMQ queue on Redis with
 * documents, and read back what the workers (`gongkai worker`) did with them.
 */
import type { Argv } from 'yargs';
// The queue modules (BullMQ, ioredis) load when a queue command runs, not with every command line.
import { DEFAULT_QUEUE } from '../queue/defaults.js';
import { EXIT, UsageError, type CliCommand } from './command.js';

/** Options every queue command shares. */
export function redisOptions(y: Argv): Argv {
  return y
    .option('redis', { type: 'string', demandOption: true, describe: 'the Redis URL (redis://[:password@]host:6379[/db], rediss:// for TLS)' })
    .option('queue', { type: 'string', default: DEFAULT_QUEUE, describe: 'the queue name' });
}

function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
}

async function add(inputs: string[], redis: string, queue: string, attempts: number): Promise<number> {
  if (!inputs.length) throw new UsageError('queue add needs the documents: files, folders or URLs');
  if (inputs.includes('-')) throw new UsageError('standard input cannot be queued: workers read files or URLs');
  if (!Number.isInteger(attempts) || attempts < 1) throw new UsageError('--attempts must be a positive whole number');
  const { addDocuments } = await import('../queue/enqueue.js');
  const r = await addDocuments(inputs, { redis, queue, attempts });
  if (!r.documents) throw new UsageError('no input documents found');
  process.stderr.write(`${r.added} of ${r.documents} documents added to queue ${queue} (${r.documents - r.added} already there)\n`);
  return EXIT.ok;
}

async function results(redis: string, queue: string, follow: boolean): Promise<number> {
  const stop = new AbortController();
  const abort = () => stop.abort();
  process.once('SIGINT', abort).once('SIGTERM', abort);
  try {
    const { printResults } = await import('../queue/inspect.js');
    await printResults(redis, queue, write, follow, stop.signal);
  } finally {
    process.off('SIGINT', abort).off('SIGTERM', abort);
  }
  return EXIT.ok;
}

export const queueCommand: CliCommand = {
  command: 'queue <action> [inputs..]',
  describe: 'Queue documents on Redis for `gongkai worker`s on many machines: add, status, results',
  builder: (y) =>
    redisOptions(
      y
        .positional('action', { choices: ['add', 'status', 'results'] as const, describe: 'add: one job per document; status: counts and failures; results: the records as NDJSON' })
        .positional('inputs', { type: 'string', array: true, describe: 'add: files, folders or http(s) URLs, as the workers will see them' }),
    )
      .option('attempts', { type: 'number', default: 2, describe: 'add: tries per document when its worker crashes or times out' })
      .option('json', { type: 'boolean', default: false, describe: 'status: print it as JSON' })
      .option('follow', { type: 'boolean', default: false, describe: 'results: keep waiting for new records' })
      .example('gongkai queue add /nfs/reports --redis redis://redis-host:6379', 'one job per new or changed document')
      .example('gongkai queue status --redis redis://redis-host:6379', 'waiting, active, completed, failed; failures with reasons')
      .example('gongkai queue results --redis redis://redis-host:6379 --follow | jq .meta', 'the records as documents finish'),
  run: async (a) => {
    const redis = a['redis'] as string;
    const queue = a['queue'] as string;
    switch (a['action'] as 'add' | 'status' | 'results') {
      case 'add':
        return add((a['inputs'] as string[] | undefined) ?? [], redis, queue, a['attempts'] as number);
      case 'status': {
        const { formatStatus, queueStatus } = await import('../queue/inspect.js');
        const s = await queueStatus(redis, queue);
        await write(a['json'] ? `${JSON.stringify(s, null, 2)}\n` : formatStatus(s));
        return EXIT.ok;
      }
      case 'results':
        return results(redis, queue, !!a['follow']);
    }
  },
};
