/**
 * Which pages of a PDF to OCR, per page: those whose text layer is missing,
 * or all of them when the document's text layer is unusable as a whole
 * (fonts without a Unicode map decode to garbage on every page).
 *
 * - `off`: never (a scan fails with "no usable text layer").
 * - `auto` (default): pages without text; every page when the text is garbage.
 * - `force`: every page, whatever its text layer.
 */

import { hasUsableText, textLayerStats } from '../pdf/text-layer.js';
import type { PagePrimitives } from '../pdf/types.js';

export type OcrMode = 'off' | 'auto' | 'force';

export const OCR_MODES: readonly OcrMode[] = ['off', 'auto', 'force'];

/** The 1-based page numbers to OCR under `mode` (issue 8: per page, not per document): none for `off`; every page for `force` or when the document has no usable text layer; otherwise the pages without text. */
export function pagesToOcr(pages: readonly PagePrimitives[], mode: OcrMode): number[] {
  if (mode === 'off') return [];
  if (mode === 'force' || !hasUsableText(textLayerStats(pages))) return pages.map((p) => p.page);
  return pages.filter((p) => textLayerStats([p]).chars === 0).map((p) => p.page);
}
