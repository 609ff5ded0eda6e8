/**
 * Reading a queue back: `gongkai queue status` (BullMQ's counts, the
 * documents' statuses, the failures with their reasons) and `gongkai queue
 * results` (the results stream as NDJSON, the records `extract --format
 * ndjson` would print, in the order the documents finished).
 */
import { Queue } from 'bullmq';
import { connect, queueKeys, type DocumentOutcome } from './redis.js';

export interface QueueStatus {
  queue: string;
  /** BullMQ job counts. */
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  /** Recorded documents by report status. */
  documents: { complete: number; partial: number; failed: number };
  /** Every document that failed: its extraction failed, or its job did (crash, timeout, stalled too often), with the reason. */
  failures: { input: string; out: string; reason: string }[];
}

/** `gongkai queue status`: waiting / active / completed / failed counts of queue `name` on the Redis at `url`, and the failed jobs with their reasons. */
export async function queueStatus(url: string, name: string): Promise<QueueStatus> {
  const redis = await connect(url, false);
  const queue = new Queue(name, { connection: redis });
  try {
    const keys = queueKeys((t) => queue.toKey(t));
    const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    const status: QueueStatus = {
      queue: name,
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
      documents: { complete: 0, partial: 0, failed: 0 },
      failures: [],
    };
    const recorded = new Set<string>();
    let cursor = '0';
    do {
      const [next, flat] = await redis.hscan(keys.documents, cursor, 'COUNT', 1000);
      cursor = next;
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const d = JSON.parse(flat[i + 1]!) as DocumentOutcome;
        recorded.add(flat[i]!);
        status.documents[d.status]++;
        if (d.status === 'failed') status.failures.push({ input: d.input, out: d.out, reason: d.reason ?? 'unknown' });
      }
    } while (cursor !== '0');
    // Failed jobs with no recorded output: a worker died on them too often.
    for (let start = 0; start < status.failed; start += 1000) {
      for (const job of await queue.getFailed(start, start + 999)) {
        if (job.id && !recorded.has(job.id)) status.failures.push({ input: job.data.input, out: job.data.out, reason: job.failedReason });
      }
    }
    status.failures.sort((a, b) => a.input.localeCompare(b.input));
    return status;
  } finally {
    await queue.close();
    await redis.quit();
  }
}

/** The status for a person: counts, then one line per failure. */
export function formatStatus(s: QueueStatus): string {
  const d = s.documents;
  const lines = [
    `queue ${s.queue}: ${s.waiting} waiting, ${s.active} active, ${s.delayed} delayed, ${s.completed} completed, ${s.failed} failed`,
    `documents: ${d.complete} complete, ${d.partial} partial, ${d.failed} failed`,
    ...s.failures.map((f) => `failed  ${f.input}  ${f.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the results stream's records (one NDJSON line each) to `write`.
 * `follow`: then waits for new ones until `signal` aborts.
 */
export async function printResults(url: string, name: string, write: (text: string) => Promise<void>, follow: boolean, signal?: AbortSignal): Promise<number> {
  const redis = await connect(url, follow);
  const queue = new Queue(name, { connection: redis });
  const { results } = queueKeys((t) => queue.toKey(t));
  let printed = 0;
  let last = '0';
  const stop = () => redis.disconnect();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const batch = follow
        ? ((await redis.xread('COUNT', 1000, 'BLOCK', 5000, 'STREAMS', results, last))?.[0]?.[1] ?? [])
        : await redis.xrange(results, `(${last}`, '+', 'COUNT', 1000);
      if (!batch.length && !follow) break;
      let text = '';
      for (const [id, fields] of batch) {
        last = id;
        const record = fields[fields.indexOf('record') + 1];
        if (record !== undefined) text += `${record}\n`;
        printed++;
      }
      if (text) await write(text);
      if (signal?.aborted) break;
    }
  } catch (e) {
    if (!signal?.aborted) throw e;
  } finally {
    signal?.removeEventListener('abort', stop);
    await queue.close().catch(() => undefined);
    if (redis.status !== 'end') await redis.quit().catch(() => undefined);
  }
  return printed;
}
