/**
 * A pool worker: extracts the documents it is sent, one at a time, and
 * answers with the report. It stays alive between documents, so the readers
 * it has loaded (pdf.js, mammoth) are loaded once.
 */
import { parentPort } from 'node:worker_threads';
import { extract, type ExtractOptions } from '../extract.js';

// Streams are inflated synchronously by the text-only pdf.js copy itself
// (readers/pdf/pdfjs-text-only.ts): no DecompressionStream round trip, and no
// global removed (which had made pdf.js throw and catch once per stream).

export interface ExtractJob {
  path: string;
  options: ExtractOptions;
}

parentPort!.on('message', async ({ id, job }: { id: number; job: ExtractJob }) => {
  const result = await extract(job.path, job.options);
  parentPort!.postMessage({ id, result });
});
