/**
 * `gongkai queue add`: one BullMQ job per document, named by the rule of
 * report-schema.md (Files) over all the documents of one `add`, identified by
 * path + size + mtime so that adding a folder again adds only what is new.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { collectInputs } from '../batch/inputs.js';
import { nameCollisions, outputNames } from '../batch/names.js';
import { connect, documentJobId, isUrl, type DocumentJob } from './redis.js';

export interface AddOptions {
  redis: string;
  queue: string;
  /** Tries per document when its worker crashes or times out (BullMQ `attempts`). */
  attempts: number;
}

export interface AddResult {
  /** Documents found. */
  documents: number;
  /** Jobs added now; the rest were already in the queue (done, running or waiting). */
  added: number;
}

interface Found extends DocumentJob {
  id: string;
}

/** The name of a URL's output: host and path, the query folded in (`x.gov.cn/dl?id=3` → `x.gov.cn/dl-id=3`). */
function urlPath(url: string): string {
  const u = new URL(url);
  const path = decodeURIComponent(u.pathname).replace(/\/$/, '/index');
  const query = u.search ? `-${u.search.slice(1).replace(/[^\w.=-]+/g, '_')}` : '';
  return `/${u.host}${path}${query}`;
}

/** Size and Last-Modified of a URL from a HEAD request, when the server gives them (-1 otherwise). */
async function urlVersion(url: string): Promise<[number, number]> {
  try {
    const r = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(10_000), redirect: 'follow' });
    const size = Number(r.headers.get('content-length') ?? -1);
    const modified = Date.parse(r.headers.get('last-modified') ?? '');
    return [Number.isFinite(size) ? size : -1, Number.isFinite(modified) ? modified : -1];
  } catch {
    return [-1, -1];
  }
}

async function fileVersion(path: string): Promise<[number, number]> {
  const s = await stat(path).catch(() => undefined);
  return s ? [s.size, Math.round(s.mtimeMs)] : [-1, -1];
}

/** Expands folders, names every document as `extract` would (batch/inputs.ts) and gives it its job id. A path that does not exist is a document too (its output says so). */
export async function findDocuments(args: string[]): Promise<Found[]> {
  const urls = args.filter(isUrl);
  const collected = await collectInputs(args.filter((x) => !isUrl(x)));
  const urlNames = outputNames(urls.map(urlPath));
  const inputs = [...collected.inputs.map((i) => resolve(i.path)), ...urls];
  const names = [...collected.inputs.map((i) => i.name), ...urlNames];
  const collisions = nameCollisions(inputs, names);
  for (const [name, paths] of collisions) throw new Error(`${paths.join(' and ')} would both be written to ${name}.json; add them separately`);
  const found: Found[] = [];
  for (let i = 0; i < inputs.length; i += 16) {
    const chunk = inputs.slice(i, i + 16);
    const versions = await Promise.all(chunk.map((x) => (isUrl(x) ? urlVersion(x) : fileVersion(x))));
    chunk.forEach((input, k) => found.push({ input, name: names[i + k]!, out: `${names[i + k]!}.json`, id: documentJobId(input, ...versions[k]!) }));
  }
  // The same file named twice is one document.
  return [...new Map(found.map((f) => [f.id, f])).values()];
}

/** Adds the documents' jobs to the queue; those already there (by job id) are left alone. */
export async function addDocuments(args: string[], o: AddOptions): Promise<AddResult> {
  const found = await findDocuments(args);
  const redis = await connect(o.redis, false);
  const queue = new Queue<DocumentJob>(o.queue, { connection: redis });
  try {
    let added = 0;
    for (let i = 0; i < found.length; i += 500) {
      const chunk = found.slice(i, i + 500);
      const pipeline = redis.pipeline();
      for (const f of chunk) pipeline.exists(queue.toKey(f.id));
      const exists = ((await pipeline.exec()) ?? []).map(([, n]) => n === 1);
      const fresh = chunk.filter((_, k) => !exists[k]);
      await queue.addBulk(
        fresh.map((f) => ({
          name: 'extract',
          data: { input: f.input, name: f.name, out: f.out },
          opts: { jobId: f.id, attempts: o.attempts, removeOnComplete: false, removeOnFail: false },
        })),
      );
      added += fresh.length;
    }
    return { documents: found.length, added };
  } finally {
    await queue.close();
    await redis.quit();
  }
}
