/**
 * Text boxes cut at the table borders that cross them. The detector sees
 * text, not borders: two cells' words printed close together on either side
 * of a thin column border (`单位 | 统计数` in a narrow header row) come back
 * as one box, read as one string and placed in one cell — the column is
 * lost. A vertical ruling that crosses a box from above its top to below its
 * bottom is a cell edge, so the box is two boxes there.
 */

import type { PixelSegment } from '../image/rulings.js';
import type { TextBox } from './detect.js';

/**
 * A part narrower than this share of the box's height is no glyph (a CJK
 * glyph is about as wide as the box is tall, less the detector's padding):
 * the ruling only grazes the box's padding and nothing is cut.
 */
const MIN_PART_OF_HEIGHT = 0.4;

/** Pixels left white on either side of the cut (the border's ink and its fringe). */
const CUT_MARGIN = 2;

/**
 * `boxes` (page-image pixels, top-left origin) with every box that a vertical
 * ruling crosses whole (the ruling runs from at or above the box's top to at
 * or below its bottom) cut at the ruling into a left and a right box. Boxes
 * no ruling crosses are returned as they are, in order.
 */
export function splitAtRulings(boxes: readonly TextBox[], rulings: readonly PixelSegment[]): TextBox[] {
  const verticals = rulings.filter((s) => s.x0 === s.x1);
  return boxes.flatMap((b) => cut(b, verticals));
}

function cut(b: TextBox, verticals: readonly PixelSegment[]): TextBox[] {
  const minPart = (b.y1 - b.y0) * MIN_PART_OF_HEIGHT;
  const at = verticals
    .filter((s) => s.y0 <= b.y0 && s.y1 >= b.y1 && s.x0 - b.x0 >= minPart && b.x1 - s.x0 >= minPart)
    .map((s) => s.x0)
    .sort((p, q) => p - q);
  if (!at.length) return [b];
  const parts: TextBox[] = [];
  let left = b.x0;
  for (const x of at) {
    if (x - left < minPart) continue;
    parts.push({ ...b, x0: left, x1: x - CUT_MARGIN });
    left = x + 1 + CUT_MARGIN;
  }
  // A sliver right of the last cut is the border's own ink, not a glyph.
  if (!parts.length || b.x1 - left >= minPart) parts.push({ ...b, x0: left, x1: b.x1 });
  return parts;
}
