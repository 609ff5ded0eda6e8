/**
 * A pool worker: extracts the documents it is sent, one at a time, and
 * answers with the report. It stays alive between documents, so the readers
 * it has loaded (pdf.js, mammoth) are loaded once.
 */
import { parentPort } from 'node:worker_threads';
import { extract, type ExtractOptions } from '../extract.js';

export interface ExtractJob {
  path: string;
  options: ExtractOptions;
}

parentPort!.on('message', async ({ id, job }: { id: number; job: ExtractJob }) => {
  const result = await extract(job.path, job.options);
  parentPort!.postMessage({ id, result });
});
