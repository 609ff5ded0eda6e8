/**
 * Opens a PDF with pdfjs-dist (legacy build: the modern one needs DOMMatrix,
 * which Node 20 lacks) and turns pdfjs's failures into user-facing
 * `InputError`s.
 */

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InputError } from '../../model/document.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let pdfjsPromise: Promise<Pdfjs> | undefined;

/** Imported on first use: the module costs 230–390 ms to load. */
function pdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
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

export async function openPdf(bytes: Uint8Array, password?: string): Promise<PdfDocument> {
  const lib = await pdfjs();
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
