/**
 * PDF reader: born-digital PDFs → the document model.
 *
 * Step 1 (`extract.ts`) reads page primitives with pdfjs — one load per
 * document, text content and operator list from the same `getDocument`.
 * Step 2 (`pipeline.ts`) turns them into paragraphs and tables with pure
 * stages.
 */

import { InputError, type DocumentModel } from '../../model/document.js';
import { extractPrimitives, type GraphicsFilter } from './extract.js';
import { mayHoldTable } from './table-pages.js';
import { round2 } from './geometry.js';
import { openPdf, toInputError } from './load.js';
import { buildBlocks } from './pipeline.js';
import { textLayerMessage, textLayerProblem, textLayerStats, undecodablePages } from './text-layer.js';
import type { PdfPrimitives, PdfReadOptions } from './types.js';

export type { PdfReadOptions, TableHints } from './types.js';

const DEFAULT_MAX_PAGES = 1000;

const UNDECODABLE_PAGE = 'its text cannot be decoded (fonts without a Unicode map) and is not read';

/** The warning of a document whose whole text layer is undecodable and whose pages were read by OCR instead. */
export const UNDECODABLE_READ_BY_OCR = 'the text layer cannot be decoded (its fonts carry no Unicode map): its pages are read by OCR from their images instead';

/**
 * A PDF → the document model. Pages without usable text (a scan, a scanned
 * page in a digital PDF, a page whose fonts carry no Unicode map in a
 * document that is otherwise readable) are read by OCR under `options.ocr`
 * (default `auto`; see `readers/ocr/decide.ts`); a document undecodable as a
 * whole only under `force`.
 * Throws InputError (user-facing) for an unreadable file, a wrong password,
 * too many pages, or no text to read at all.
 */
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<DocumentModel> {
  const filter = options.hints ? mayHoldTable(options.hints) : undefined;
  const prims = await readPrimitives(bytes, options.password, options.maxPages ?? DEFAULT_MAX_PAGES, filter);
  // A text layer undecodable as a whole fails, saying what it is (issue 7; cases/13: an honest
  // failure, not numbers guessed): it is a digital document, not a scan. OCR reads it only on
  // request (`force`, issue 8), every page, with a warning saying why.
  const layer = textLayerProblem(textLayerStats(prims.pages));
  if (layer === 'undecodable' && options.ocr !== 'force') throw new InputError(textLayerMessage(layer));
  const unreadable = undecodablePages(prims.pages);
  for (const p of prims.pages) if (unreadable.includes(p.page)) p.items = [];
  const ocr = await ocrWhereNeeded(bytes, prims, options);
  // Glyph codes may look like digits: a page of such a document that OCR did not read (over its budget) is not read at all.
  if (layer === 'undecodable') for (const p of prims.pages) if (!ocr.pages.has(p.page)) p.items = [];
  const problem = textLayerProblem(textLayerStats(prims.pages));
  if (problem) throw new InputError(textLayerMessage(problem === 'no text' && layer === 'undecodable' ? layer : problem));
  const built = buildBlocks(prims, options.hints);
  const blocks = built.blocks;
  const warnings = [...(layer === 'undecodable' ? [UNDECODABLE_READ_BY_OCR] : []), ...ocr.warnings, ...built.warnings];
  for (const n of unreadable) if (!ocr.pages.has(n)) warnings.push(`page ${n}: ${UNDECODABLE_PAGE}`);
  return {
    format: 'pdf',
    pageCount: prims.pages.length,
    pages: prims.pages.map((p) => ({ width: round2(p.width), height: round2(p.height) })),
    metadata: prims.title ? { title: prims.title } : {},
    blocks,
    warnings,
  };
}

/**
 * The seam to OCR: pages without a usable text layer (see `readers/ocr/decide.ts`)
 * get their primitives from the page image instead. The OCR modules are
 * imported only when a page needs them.
 */
async function ocrWhereNeeded(bytes: Uint8Array, prims: PdfPrimitives, options: PdfReadOptions): Promise<{ pages: Set<number>; warnings: string[] }> {
  const { pagesToOcr } = await import('../ocr/decide.js');
  const wanted = pagesToOcr(prims.pages, options.ocr ?? 'auto');
  if (wanted.length === 0) return { pages: new Set(), warnings: [] };
  const { ocrPdfPages } = await import('../ocr/pdf-pages.js');
  const read = await ocrPdfPages(bytes, wanted, { password: options.password, pageBudgetMs: options.ocrPageBudgetMs });
  prims.pages = prims.pages.map((p) => read.pages.get(p.page)?.primitives ?? p);
  const warnings = [`OCR: ${read.pages.size} of ${prims.pages.length} page(s) read from their image`, ...[...read.pages.values()].flatMap((r) => r.warnings), ...read.warnings];
  return { pages: new Set(read.pages.keys()), warnings };
}

/** Step 1, with the document always destroyed and pdfjs failures made user-facing. */
export async function readPrimitives(bytes: Uint8Array, password?: string, maxPages = DEFAULT_MAX_PAGES, wantsGraphics?: GraphicsFilter): Promise<PdfPrimitives> {
  const doc = await openPdf(bytes, password, 'text');
  try {
    // Checked before any page is parsed: the page tree alone is cheap to read.
    if (doc.numPages > maxPages) throw new InputError(`too many pages: ${doc.numPages} (limit ${maxPages})`);
    return await extractPrimitives(doc, wantsGraphics);
  } catch (err) {
    throw toInputError(err, password);
  } finally {
    await doc.destroy();
  }
}
