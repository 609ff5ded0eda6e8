/**
 * Loads that render keep pdf.js's full behaviour after the text-only copy has
 * been loaded in the same process: a Type 3 page (Chromium print) and a
 * TrueType page (LibreOffice) drawn by pdf.js + @napi-rs/canvas match
 * poppler's `pdftoppm` of the same page (block-averaged ink, so antialiasing
 * differences do not count; a page without its glyphs would not match). A
 * text-only load refuses to render.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPdf } from '../../../src/readers/pdf/load.js';
import { readPrimitives } from '../../../src/readers/pdf/index.js';

const DOCS = join(import.meta.dirname, '../../../samples/docs');
const BLOCK = 8;

interface Gray {
  width: number;
  height: number;
  /** 0 = white … 255 = black, row-major. */
  ink: Uint8Array;
}

/** Page `n` drawn by the full pdf.js at 72 dpi on a white canvas. */
async function renderPdfjs(file: string, n: number): Promise<Gray> {
  const doc = await openPdf(new Uint8Array(readFileSync(file)), undefined, 'render');
  try {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { width: number; height: number }; context: CanvasRenderingContext2D } } }).canvasFactory;
    const { canvas, context } = factory.create(Math.round(viewport.width), Math.round(viewport.height));
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const ink = new Uint8Array(canvas.width * canvas.height);
    for (let i = 0; i < ink.length; i++) ink[i] = 255 - Math.round(0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!);
    return { width: canvas.width, height: canvas.height, ink };
  } finally {
    await doc.destroy();
  }
}

/** Page `n` drawn by poppler (`pdftoppm -gray`, a binary PGM) at 72 dpi. */
function renderPoppler(file: string, n: number): Gray {
  const r = spawnSync('pdftoppm', ['-f', String(n), '-l', String(n), '-r', '72', '-gray', file], { maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`pdftoppm failed (install poppler-utils): ${r.error?.message ?? r.stderr}`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(r.stdout.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const gray = r.stdout.subarray(header[0].length);
  return { width, height, ink: Uint8Array.from(gray.subarray(0, width * height), (g) => 255 - g) };
}

/** Pearson correlation of the two pages' ink averaged over BLOCK × BLOCK squares, and their ink ratio a/b. */
function compare(a: Gray, b: Gray): { correlation: number; inkRatio: number } {
  const bw = Math.floor(Math.min(a.width, b.width) / BLOCK), bh = Math.floor(Math.min(a.height, b.height) / BLOCK);
  const sa = new Float64Array(bw * bh), sb = new Float64Array(bw * bh);
  for (let y = 0; y < bh * BLOCK; y++) {
    for (let x = 0; x < bw * BLOCK; x++) {
      const k = Math.floor(y / BLOCK) * bw + Math.floor(x / BLOCK);
      sa[k] = sa[k]! + a.ink[y * a.width + x]!;
      sb[k] = sb[k]! + b.ink[y * b.width + x]!;
    }
  }
  const mean = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(sa), mean(sb)];
  let ab = 0, aa = 0, bb = 0;
  for (let k = 0; k < sa.length; k++) {
    ab += (sa[k]! - ma) * (sb[k]! - mb);
    aa += (sa[k]! - ma) ** 2;
    bb += (sb[k]! - mb) ** 2;
  }
  return { correlation: ab / Math.sqrt(aa * bb), inkRatio: ma / mb };
}

beforeAll(async () => {
  // The text-only copy is loaded first, as in a process that reads text and then renders.
  await readPrimitives(new Uint8Array(readFileSync(join(DOCS, 'beizhou-gov-office-2023.web.pdf'))));
});

describe.each([
  ['Type 3 fonts (Chromium print)', 'beizhou-gov-office-2023.web.pdf'],
  ['TrueType fonts (LibreOffice)', 'jiangcheng-natres-2022.pdf'],
])('a rendering load of a page with %s', (_kind, file) => {
  it('draws what poppler draws', async () => {
    const path = join(DOCS, file);
    const drawn = await renderPdfjs(path, 1);
    const { correlation, inkRatio } = compare(drawn, renderPoppler(path, 1));
    expect(correlation).toBeGreaterThan(0.9);
    expect(inkRatio).toBeGreaterThan(0.6);
    expect(inkRatio).toBeLessThan(1.6);
    // The measure tells pages apart: the same drawing against another page of the document does not match.
    expect(compare(drawn, renderPoppler(path, 2)).correlation).toBeLessThan(0.6);
  });
});

it('a text-only load refuses to render', async () => {
  const doc = await openPdf(new Uint8Array(readFileSync(join(DOCS, 'jiangcheng-natres-2022.pdf'))), undefined, 'text');
  try {
    const page = await doc.getPage(1);
    expect(() => page.render({ canvasContext: {} as CanvasRenderingContext2D, viewport: page.getViewport({ scale: 1 }), canvas: null })).toThrow(/text-only pdf\.js load/);
  } finally {
    await doc.destroy();
  }
});
