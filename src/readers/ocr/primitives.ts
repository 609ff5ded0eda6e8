/**
 * A page image → the page primitives the PDF reader's stages consume:
 * text items (one per detected box, with the recogniser's confidence) and
 * ruling-line segments found in the image, in PDF points with the origin at
 * the top-left corner. Lattice, stream, join, paragraph and furniture stages
 * then run unchanged.
 */

import type { GreyImage } from '../../image/grey.js';
import type { OcrEngine } from '../../ocr/engine.js';
import { readPageImage } from '../../ocr/page.js';
import type { PagePrimitives, Segment, TextItem } from '../pdf/types.js';

/** A detected box is taller than the glyphs in it; the em is this share of its height. */
const EM_OF_BOX = 0.75;

export interface OcrPage {
  primitives: PagePrimitives;
  warnings: string[];
}

/**
 * `pointsPerPixel` converts image pixels to PDF points (72 / dpi). The page's
 * size in points is the image's.
 */
export async function ocrPagePrimitives(engine: OcrEngine, scan: GreyImage, page: number, pointsPerPixel: number): Promise<OcrPage> {
  const reading = await readPageImage(engine, scan, pointsPerPixel);
  const k = pointsPerPixel;
  const warnings: string[] = [];
  if (reading.turns) warnings.push(`page ${page}: scanned ${reading.turns === 2 ? 'upside down' : 'sideways'}; turned upright for OCR`);
  const items: TextItem[] = reading.words.map((w) => {
    const h = (w.y1 - w.y0) * k, size = h * EM_OF_BOX, mid = ((w.y0 + w.y1) / 2) * k;
    const inset = (h * (1 - EM_OF_BOX)) / 2;
    return {
      x0: w.x0 * k + inset,
      x1: w.x1 * k - inset,
      y0: mid - size / 2,
      y1: mid + size / 2,
      text: foldOcrLookalikes(w.text),
      page,
      fontSize: Math.round(size * 100) / 100,
      bold: false,
      confidence: Math.round(w.confidence * 1000) / 1000,
    };
  });
  const segments: Segment[] = reading.rulings.map((s) => ({ x0: s.x0 * k, y0: s.y0 * k, x1: s.x1 * k, y1: s.y1 * k }));
  return {
    primitives: { page, width: reading.image.width * k, height: reading.image.height * k, items, segments },
    warnings,
  };
}


/**
 * The recogniser's dictionary holds the radical 丶 (U+4E36), which it reads
 * for the enumeration comma 、 in many fonts (`四丶政府信息公开…`); the
 * radical never stands alone in report prose. A dash printed alone (a
 * table's "nothing" mark, `—` or `——`) looks exactly like the numeral 一,
 * which the recogniser prefers: a box that reads only 一 is a dash — the
 * numeral is never printed alone (counts are digits; 一 in prose is part of
 * a word or a heading's `一、`, in the same box).
 */
export function foldOcrLookalikes(text: string): string {
  const t = text.replace(/丶/g, '、');
  return /^一+$/.test(t) ? '—'.repeat(t.length) : t;
}
