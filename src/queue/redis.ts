/**
 * What the queue keeps in Redis, and how gongkai connects to it. BullMQ
 * (bull:<queue>:…) holds one job per document: its path or URL and its output
 * name, never its bytes (shared storage is the user's). Beside BullMQ's keys,
 * under the same prefix:
 *   bull:<queue>:gongkai:results    a stream, one entry per finished document
 *                                   (fields job, out, record = the NDJSON line);
 *   bull:<queue>:gongkai:documents  a hash job id → {input, out, status, reason}:
 *                                   what `queue status` counts, and the guard
 *                                   that adds each job's record to the stream once.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';

export { DEFAULT_QUEUE } from './defaults.js';

/** A job's data: one document. */
export interface DocumentJob {
  /** An absolute path (as the workers see it) or an http(s) URL. */
  input: string;
  /** `source.path`: the path relative to the deepest folder holding the documents added with it (batch/names.ts). */
  name: string;
  /** Output file path relative to the worker's --out folder (`a/report.pdf.json`). */
  out: string;
}

/** What a finished job leaves in the documents hash (and returns to BullMQ). */
export interface DocumentOutcome {
  input: string;
  out: string;
  status: 'complete' | 'partial' | 'failed';
  /** Why a failed document failed (its report's first warning). */
  reason?: string;
}

export interface QueueKeys {
  results: string;
  documents: string;
}

/** The gongkai keys of a queue, from BullMQ's `toKey` (so `obliterate` removes them too). */
export function queueKeys(toKey: (type: string) => string): QueueKeys {
  return { results: toKey('gongkai:results'), documents: toKey('gongkai:documents') };
}

/**
 * The job id of a document: sha256 of its path or URL, size and mtime (ms)
 * (`-1` when unknown), so re-adding a folder adds only the files that are new
 * or changed. Prefixed, because BullMQ refuses ids that look like integers.
 */
export function documentJobId(input: string, size: number, mtimeMs: number): string {
  return `d${createHash('sha256').update(`${input}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 40)}`;
}

/** True for an `http://` or `https://` input, which a queue worker downloads instead of reading a path. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * A connection to the Redis at `url` (`redis://[user:pass@]host:port[/db]`,
 * `rediss://` for TLS). `persistent`: a worker keeps retrying a Redis that is
 * away (BullMQ needs `maxRetriesPerRequest: null`); a one-shot command gives
 * up after a few seconds with an error naming the URL.
 */
export async function connect(url: string, persistent: boolean): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    ...(persistent ? {} : { retryStrategy: (times: number) => (times > 5 ? null : 200 * times), enableOfflineQueue: false }),
  });
  let last: Error | undefined;
  redis.on('error', (e: Error) => (last = e));
  try {
    await redis.connect();
  } catch (e) {
    redis.disconnect();
    throw new Error(`cannot reach Redis at ${url}: ${(last ?? (e as Error)).message}`);
  }
  return redis;
}

/**
 * Records a finished document once per job id: sets its entry in the
 * documents hash and, only if it was not there yet, adds its record to the
 * results stream, atomically (a job done twice after a worker died is
 * streamed once).
 */
export async function recordOutcome(redis: Redis, keys: QueueKeys, jobId: string, outcome: DocumentOutcome, ndjsonLine: string): Promise<void> {
  await redis.eval(
    `if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
       redis.call('XADD', KEYS[2], '*', 'job', ARGV[1], 'out', ARGV[3], 'record', ARGV[4])
     end
     return 1`,
    2,
    keys.documents,
    keys.results,
    jobId,
    JSON.stringify(outcome),
    outcome.out,
    ndjsonLine.replace(/\n$/, ''),
  );
}
