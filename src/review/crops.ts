/**
 * Evidence images for the review site: for every value with a box, a PNG crop
 * of its page around the box, with the box drawn. PDF pages are rendered with
 * pdf.js onto @napi-rs/canvas (each page once, at `scale` × 72 dpi); image
 * inputs (OCR) are cropped from the image itself, whose pixels are the
 * boxes' points (spec § Provenance).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCanvas, loadImage, type Canvas, type Image } from '@napi-rs/canvas';
import { openPdf, type PdfDocument } from '../readers/pdf/load.js';

export interface CropRequest {
  path: string;
  page: number;
  /** [x0, y0, x1, y1] in PDF points from the page's top-left. */
  bbox: [number, number, number, number];
}

export interface CropOptions {
  /** More requests found in the opened PDF itself (e.g. where the meta fields are printed). */
  locate?: (doc: PdfDocument) => Promise<CropRequest[]>;
  /** Pixels per PDF point (2 = 144 dpi). */
  scale?: number;
  /** Context around the box, in points: [horizontal, vertical]. */
  margin?: [number, number];
}

type Source = Canvas | Image;

async function pdfPages(bytes: Uint8Array, requests: CropRequest[], scale: number, locate?: CropOptions['locate']): Promise<Map<number, Source>> {
  const doc = await openPdf(bytes);
  const out = new Map<number, Source>();
  try {
    if (locate) requests.push(...(await locate(doc).catch(() => [])));
    for (const n of new Set(requests.map((r) => r.page))) {
      if (n < 1 || n > doc.numPages) continue;
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
      page.cleanup();
      out.set(n, canvas);
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/**
 * Writes one PNG per request into `dir` (named `<path>.png`) and returns
 * path → file name (`requests` gets what `options.locate` found). Requests whose page cannot be rendered are left out; a
 * document that cannot be opened gives an empty map (the site then shows the
 * raw text only).
 */
export async function renderCrops(document: string, format: string, requests: CropRequest[], dir: string, options: CropOptions = {}): Promise<Map<string, string>> {
  const done = new Map<string, string>();
  if (!requests.length && !options.locate) return done;
  const [mx, my] = options.margin ?? [90, 40];
  let scale = options.scale ?? 2;
  let pages: Map<number, Source>;
  try {
    const bytes = new Uint8Array(await readFile(document));
    if (format === 'pdf') pages = await pdfPages(bytes, requests, scale, options.locate);
    else if (format === 'image') {
      const image = await loadImage(Buffer.from(bytes));
      pages = new Map([[1, image]]);
      scale = 1;
    } else return done;
  } catch {
    return done;
  }
  await mkdir(dir, { recursive: true });
  for (const r of requests) {
    const src = pages.get(r.page);
    if (!src) continue;
    const [x0, y0, x1, y1] = r.bbox.map((v) => v * scale) as [number, number, number, number];
    const sx = Math.max(0, Math.floor(x0 - mx * scale));
    const sy = Math.max(0, Math.floor(y0 - my * scale));
    const sw = Math.min(src.width, Math.ceil(x1 + mx * scale)) - sx;
    const sh = Math.min(src.height, Math.ceil(y1 + my * scale)) - sy;
    if (sw <= 0 || sh <= 0) continue;
    const canvas = createCanvas(sw, sh);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(src, sx, sy, sw, sh, 0, 0, sw, sh);
    ctx.strokeStyle = '#d1242f';
    ctx.lineWidth = Math.max(2, scale);
    ctx.strokeRect(x0 - sx - 2, y0 - sy - 2, x1 - x0 + 4, y1 - y0 + 4);
    const name = `${r.path}.png`;
    await writeFile(join(dir, name), await canvas.encode('png'));
    done.set(r.path, name);
  }
  return done;
}
