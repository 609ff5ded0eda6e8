/**
 * Image reader: a photographed or scanned report saved as JPEG, PNG or TIFF
 * (a multi-page TIFF is one document, one page per image) → OCR → the PDF
 * reader's page stages → the document model (`format: "image"`).
 *
 * Page size in points comes from the image's resolution when it states a
 * plausible one (100–1200 dpi), otherwise the page is taken to be A4 wide
 * (595 pt): phones and many scanners write 72 or nothing.
 */

import sharp from 'sharp';
import { InputError, type DocumentModel } from '../../model/document.js';
import { toGrey } from '../../image/grey.js';
import { ocrEngine } from '../../ocr/engine.js';
import { ocrPageStarted } from '../../ocr/progress.js';
import { ocrPagePrimitives } from '../ocr/primitives.js';
import { buildBlocks } from '../pdf/pipeline.js';
import type { PagePrimitives } from '../pdf/types.js';
import type { ReadOptions } from '../registry.js';

const A4_WIDTH_PT = 595.28;
const MAX_PAGES = 200;

/** Reads a JPEG, PNG or TIFF (a multi-page TIFF is one document, one page per image) by OCR into the document model, boxes in points at 72 dpi (spec: provenance). Throws `InputError` for an image it cannot decode, or when OCR is off. */
export async function readImage(bytes: Uint8Array, options: ReadOptions = {}): Promise<DocumentModel> {
  if (options.ocr === 'off') throw new InputError('an image needs OCR, which is turned off');
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes).metadata();
  } catch (e) {
    throw new InputError(`not a readable image: ${(e as Error).message}`);
  }
  const count = Math.min(meta.pages ?? 1, MAX_PAGES);
  const engine = await ocrEngine();
  const pages: PagePrimitives[] = [];
  const warnings: string[] = [];
  for (let i = 0; i < count; i++) {
    const started = Date.now();
    ocrPageStarted();
    const { data, info } = await sharp(bytes, { page: i, limitInputPixels: 2e8 }).rotate().raw().toBuffer({ resolveWithObject: true });
    const dpi = meta.density && meta.density >= 100 && meta.density <= 1200 ? meta.density : undefined;
    const pointsPerPixel = dpi ? 72 / dpi : A4_WIDTH_PT / info.width;
    const read = await ocrPagePrimitives(engine, toGrey(data, info.width, info.height, info.channels), i + 1, pointsPerPixel);
    pages.push(read.primitives);
    warnings.push(...read.warnings);
    if (options.ocrPageBudgetMs && Date.now() - started > options.ocrPageBudgetMs && i < count - 1) {
      warnings.push(`page ${i + 1}: OCR over the page budget; pages ${i + 2}–${count} left unread`);
      break;
    }
  }
  const built = buildBlocks({ pages }, options.hints);
  return {
    format: 'image',
    pageCount: count,
    pages: pages.map((p) => ({ width: Math.round(p.width * 100) / 100, height: Math.round(p.height * 100) / 100 })),
    metadata: {},
    blocks: built.blocks,
    warnings: [`OCR: ${pages.length} image page(s)`, ...warnings, ...built.warnings],
  };
}
