/**
 * A pool worker: extracts the documents it is sent, one at a time, and
 * answers with the report. It stays alive between documents, so the readers
 * it has loaded (pdf.js, mammoth) are loaded once.
 *
 * Workers of the general lane (`workerData.ocrLane` false) load no OCR
 * engine: a document that needs OCR is abandoned there and answered with
 * `OCR_NEEDED`, and the pool hands it to the OCR lane, whose workers load one
 * engine each, once (batch/documents.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extract, type ExtractOptions } from '../extract.js';
import { setEngineRefusal, setEngineThreads } from '../ocr/engine.js';
import { setOcrPageListener } from '../ocr/progress.js';
import { OCR_NEEDED } from './lanes.js';

// Streams are inflated synchronously by the text-only pdf.js copy itself
// (readers/pdf/pdfjs-text-only.ts): no DecompressionStream round trip, and no
// global removed (which had made pdf.js throw and catch once per stream).

export interface ExtractJob {
  /** A file path, or the document's bytes (copied to the worker). */
  input: string | Uint8Array;
  /** `signal` cannot cross threads; the pool's timeout and termination stand in for it. */
  options: Omit<ExtractOptions, 'signal'>;
}

const lane = (workerData ?? {}) as { ocrLane?: boolean; ocrThreads?: number };
let ocrNeeded = false;
if (lane.ocrThreads) setEngineThreads(lane.ocrThreads);
if (lane.ocrLane === false) {
  setEngineRefusal(() => {
    ocrNeeded = true;
    return new Error('OCR is done in the OCR lane');
  });
}

parentPort!.on('message', async ({ id, job }: { id: number; job: ExtractJob }) => {
  // Each OCR'd page renews the document's time budget (see batch/pool.ts).
  setOcrPageListener(() => parentPort!.postMessage({ id, ocrPage: true }));
  ocrNeeded = false;
  const result = await extract(job.input, job.options);
  parentPort!.postMessage({ id, result: ocrNeeded ? OCR_NEEDED : result });
});
