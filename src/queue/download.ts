/**
 * A queued URL is read by the worker that takes its job: downloaded into a
 * temporary file (never held whole in memory), extracted, removed.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A download that failed. `permanent`: the server answered 4xx (or the file is too large), so trying again will not help. */
export class DownloadError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
  }
}

export interface Download {
  path: string;
  /** The name to report: the URL's last path segment. */
  fileName: string;
  remove(): Promise<void>;
}

/** Downloads `url` (redirects followed) into a fresh temporary folder. Throws DownloadError. */
export async function download(url: string, maxBytes: number, timeoutMs: number): Promise<Download> {
  const fileName = basename(decodeURIComponent(new URL(url).pathname)) || 'index.html';
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-dl-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, fileName);
  try {
    const r = await fetch(url, { redirect: 'follow', ...(timeoutMs > 0 ? { signal: AbortSignal.timeout(timeoutMs) } : {}) });
    if (!r.ok || !r.body) throw new DownloadError(`cannot download: HTTP ${r.status}`, r.status >= 400 && r.status < 500);
    let size = 0;
    const limited = Readable.fromWeb(r.body as import('node:stream/web').ReadableStream<Uint8Array>);
    limited.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) limited.destroy(new DownloadError(`file too large: more than ${Math.round(maxBytes / 1048576)} MB (the size limit)`, true));
    });
    await pipeline(limited, createWriteStream(path));
    return { path, fileName, remove };
  } catch (e) {
    await remove();
    if (e instanceof DownloadError) throw e;
    throw new DownloadError(`cannot download: ${(e as Error).message}`, false);
  }
}
