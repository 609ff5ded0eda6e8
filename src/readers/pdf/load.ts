/**
 * Opens a PDF with pdfjs-dist (legacy build: the modern one needs DOMMatrix,
 * which Node 20 lacks) and turns pdfjs's failures into user-facing
 * `InputError`s.
 */

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InputError } from '../../model/document.js';
import { importTextOnlyPdfjs, textOnlyPdfjsTurnedOff } from './pdfjs-text-only.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/**
 * Which pdf.js a load uses. `text`: gongkai's text-only copy (no glyph
 * outlines, Type 3 glyph programs or message copies; `page.render()`
 * throws) — for reading text and drawings' operators only. `render`: the
 * original pdfjs-dist, for loads that draw pages (OCR images, review crops).
 */
export type PdfUse = 'text' | 'render';

const pdfjsPromises: Partial<Record<PdfUse, Promise<Pdfjs>>> = {};

/**
 * Built-ins the legacy build's core-js polyfills replace although Node 20's
 * own are correct for everything pdf.js does: they only work around engine
 * details (the error thrown on a non-writable array length, JSON.rawJSON).
 * The replacements are several times slower and global — every `push` and
 * every `JSON.stringify` in the process paid for them (profiled: ~10% of a
 * warm extraction) — so the originals are put back after the import.
 */
function restoringBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const saved = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
  return load().finally(() => {
    Array.prototype.push = saved.push;
    JSON.stringify = saved.stringify;
    JSON.parse = saved.parse;
  });
}

/**
 * Imported on first use: the module costs 230–390 ms to load. In Node pdf.js
 * runs its "worker" on this thread; its module is imported here too (and
 * handed over as `globalThis.pdfjsWorker`, which pdf.js looks for; the
 * text-only copy looks under its own name) so that its polyfills are also
 * undone.
 */
function pdfjs(use: PdfUse): Promise<Pdfjs> {
  pdfjsPromises[use] ??= restoringBuiltins(async () => {
    if (use === 'text') return importTextOnlyPdfjs<Pdfjs>();
    const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  });
  return pdfjsPromises[use];
}

interface DataDirs {
  cMapUrl: string;
  standardFontDataUrl: string;
}

let dirs: DataDirs | undefined;

/**
 * pdfjs wants plain file-system paths with a trailing slash (a `file://`
 * string fails, a URL object is silently ignored). Without cMaps, text in
 * non-embedded Adobe-GB1 fonts is dropped silently, so check they exist.
 */
function dataDirs(): DataDirs {
  if (dirs) return dirs;
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const cMapUrl = path.join(root, 'cmaps') + path.sep;
  if (!existsSync(path.join(cMapUrl, 'UniGB-UCS2-H.bcmap'))) {
    throw new Error(`pdfjs-dist cMaps not found in ${cMapUrl}: Chinese text would be lost`);
  }
  dirs = { cMapUrl, standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep };
  return dirs;
}

/**
 * Opens a PDF for `use` (default `render`: the full pdf.js). Errors: pdfjs
 * failures become `InputError`s (see `toInputError`); a `text` load throws a
 * plain Error when the build's text-only copy is missing.
 */
export async function openPdf(bytes: Uint8Array, password?: string, use: PdfUse = 'render'): Promise<PdfDocument> {
  const lib = await pdfjs(use === 'text' && textOnlyPdfjsTurnedOff() ? 'render' : use);
  const { cMapUrl, standardFontDataUrl } = dataDirs();
  // pdfjs takes the array over (its byteLength becomes 0) and rejects Buffers: pass a copy.
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  const task = lib.getDocument({
    data,
    password,
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw toInputError(err, password);
  }
}

/** Maps pdfjs exceptions (PasswordException, InvalidPDFException …) to user messages. */
export function toInputError(err: unknown, password?: string): InputError {
  if (err instanceof InputError) return err;
  const e = err as { name?: string; message?: string; code?: number };
  if (e?.name === 'PasswordException') {
    const wrong = e.code === 2 || (password !== undefined && password !== '');
    return new InputError(wrong ? 'encrypted PDF: the password is incorrect' : 'encrypted PDF: a password is required');
  }
  return new InputError(`not a readable PDF: ${e?.message ?? String(err)}`);
}
