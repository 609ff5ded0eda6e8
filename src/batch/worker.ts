/**
 * A pool worker: extracts the documents it is sent, one at a time, and
 * answers with the report. It stays alive between documents, so the readers
 * it has loaded (pdf.js, mammoth) are loaded once.
 */
import { parentPort } from 'node:worker_threads';
import { extract, type ExtractOptions } from '../extract.js';

// pdf.js inflates streams through the web DecompressionStream when there is
// one: every content stream and font then makes a round trip through web
// streams and the libuv thread pool. For the many small streams of a report,
// its own synchronous inflate is ~25% faster per document (measured on the
// samples). This thread is gongkai's own, so the global can go.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

export interface ExtractJob {
  /** A file path, or the document's bytes (copied to the worker). */
  input: string | Uint8Array;
  /** `signal` cannot cross threads; the pool's timeout and termination stand in for it. */
  options: Omit<ExtractOptions, 'signal'>;
}

parentPort!.on('message', async ({ id, job }: { id: number; job: ExtractJob }) => {
  const result = await extract(job.input, job.options);
  parentPort!.postMessage({ id, result });
});
