/**
 * OCR of chosen PDF pages: each page is rendered by pdf.js onto a
 * `@napi-rs/canvas` canvas (prebuilt, from npm; whatever the page's image
 * encoding — JPEG, JBIG2, CCITT, JPX — and its /Rotate) and read by the OCR
 * engine into page primitives.
 */

import { createCanvas } from '@napi-rs/canvas';
import { toGrey } from '../../image/grey.js';
import { ocrEngine } from '../../ocr/engine.js';
import { ocrPageStarted } from '../../ocr/progress.js';
import { openPdf } from '../pdf/load.js';
import { ocrPagePrimitives, type OcrPage } from './primitives.js';

/** Render resolution: scans are typically 150–300 dpi; 200 reads lone table digits reliably. */
export const RENDER_DPI = 200;

export interface OcrPdfOptions {
  password?: string;
  /** Milliseconds one page may take; a slower page is left unread with a warning. */
  pageBudgetMs?: number;
}

/** Reads `pages` (1-based) of the PDF by OCR; pages over budget come back undefined. */
export async function ocrPdfPages(bytes: Uint8Array, pages: readonly number[], options: OcrPdfOptions = {}): Promise<{ pages: Map<number, OcrPage>; warnings: string[] }> {
  const engine = await ocrEngine();
  const doc = await openPdf(bytes, options.password, 'render');
  const out = new Map<number, OcrPage>();
  const warnings: string[] = [];
  try {
    for (const n of pages) {
      const started = Date.now();
      ocrPageStarted();
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: RENDER_DPI / 72 });
      const width = Math.ceil(viewport.width), height = Math.ceil(viewport.height);
      const canvas = createCanvas(width, height);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      // pdf.js draws through the standard 2D context API, which @napi-rs/canvas implements.
      await page.render({ canvasContext: ctx as unknown as CanvasRenderingContext2D, canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
      const pixels = ctx.getImageData(0, 0, width, height);
      page.cleanup();
      const grey = toGrey(pixels.data, width, height, 4);
      const read = await ocrPagePrimitives(engine, grey, n, 72 / RENDER_DPI);
      out.set(n, read);
      const took = Date.now() - started;
      if (options.pageBudgetMs && took > options.pageBudgetMs) {
        warnings.push(`page ${n}: OCR took ${Math.round(took / 100) / 10} s, over the page budget; remaining pages left unread`);
        break;
      }
    }
  } finally {
    await doc.destroy();
  }
  return { pages: out, warnings };
}
