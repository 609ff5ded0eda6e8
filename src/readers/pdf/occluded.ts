/**
 * Table cells under a stamp. On an OCR'd page a red stamp's pixels are
 * dropped (`src/image/grey.ts`), and where the stamp is tall enough to cover
 * a whole digit (`stampCover` of the page primitives, from
 * `src/ocr/occlusion.ts`) a cell may have lost a digit without trace: a
 * blank cell there is not known to be 0, and `174` with its `1` under the
 * seal's star reads `74` with full confidence. Such cells are marked
 * `occluded` and their confidence capped at `OCCLUDED_CELL_CONFIDENCE`, under
 * the mapper's threshold, so their numbers come out null with a warning
 * (issue 8, "never guess a number").
 */

import type { Table } from '../../model/document.js';
import type { PagePrimitives } from './types.js';

/** Confidence of a cell that may hide a digit under a stamp: below `MIN_OCR_CONFIDENCE` (0.6, `src/template/map-table.ts`). */
export const OCCLUDED_CELL_CONFIDENCE = 0.5;

/** Marks the cells of `tables` (in place) that a page's stamp cover reaches with a digit-tall area. */
export function markOccludedCells(tables: readonly Table[], pages: readonly PagePrimitives[]): void {
  const covers = new Map(pages.filter((p) => p.stampCover).map((p) => [p.page, p.stampCover!]));
  if (covers.size === 0) return;
  for (const t of tables) {
    for (const cell of t.cells) {
      const cover = cell.page !== null ? covers.get(cell.page) : undefined;
      if (!cover || !cell.bbox) continue;
      const [x0, y0, x1, y1] = cell.bbox;
      const hides = cover.areas.some((a) => a.x1 > x0 && a.x0 < x1 && Math.min(a.y1, y1) - Math.max(a.y0, y0) >= cover.digitHeight);
      if (!hides) continue;
      cell.occluded = true;
      cell.confidence = Math.min(cell.confidence ?? 1, OCCLUDED_CELL_CONFIDENCE);
    }
  }
}
