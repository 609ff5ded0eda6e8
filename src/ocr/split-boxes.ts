/**
 * Text boxes cut at the table borders that cross them. The detector sees
 * text, not borders: two cells' words printed close together on either side
 * of a thin column border (`单位 | 统计数` in a narrow header row) come back
 * as one box, read as one string and placed in one cell — the column is
 * lost. A vertical ruling that crosses a box from above its top to below its
 * bottom is a cell edge, so the box is two boxes there (`splitAtRulings`).
 *
 * On a noisy scan the detector also boxes a row of numbers in narrow cells
 * as one run (`1 2 1 9` → one box read `121|9]`) that reaches past the
 * table's bottom border, so no border crosses it whole: a vertical ruling
 * crossing most of its height cuts it too, and a piece without ink (the box
 * reaching past the last border) is dropped rather than read as a forced,
 * low-confidence character (`splitAtColumnBorders`).
 */

import { INK_BELOW, pixelBounds, type GreyImage } from '../image/grey.js';
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

/** A border must cross at least this share of the box's height. */
const CROSSING = 0.6;
/** Pixels left out either side of the border (its stroke and blur). */
const BORDER_HALF = 2;
/** A piece narrower than this share of the box's height holds no character. */
const MIN_PIECE = 0.25;
/** A piece holds ink when at least this many pixels are darker than `INK_BELOW`. */
const MIN_INK_PIXELS = 6;

/** `boxes` with every box cut at the vertical rulings crossing it; pieces without ink left out. `img` is the page with its rulings erased. */
export function splitAtColumnBorders(boxes: readonly TextBox[], rulings: readonly PixelSegment[], img: GreyImage): TextBox[] {
  const verticals = rulings.filter((s) => s.x0 === s.x1);
  const out: TextBox[] = [];
  for (const b of boxes) {
    const h = b.y1 - b.y0;
    const cuts = [...new Set(verticals
      .filter((v) => v.x0 > b.x0 + BORDER_HALF && v.x0 < b.x1 - BORDER_HALF && Math.min(v.y1, b.y1) - Math.max(v.y0, b.y0) >= CROSSING * h)
      .map((v) => Math.round(v.x0)))].sort((p, q) => p - q);
    if (cuts.length === 0) {
      out.push(b);
      continue;
    }
    const edges = [b.x0, ...cuts, b.x1];
    for (let k = 0; k + 1 < edges.length; k++) {
      const piece = { x0: k === 0 ? edges[k]! : edges[k]! + BORDER_HALF, y0: b.y0, x1: k + 2 === edges.length ? edges[k + 1]! : edges[k + 1]! - BORDER_HALF, y1: b.y1 };
      if (piece.x1 - piece.x0 >= MIN_PIECE * h && hasInk(img, piece)) out.push(piece);
    }
  }
  return out;
}

function hasInk(img: GreyImage, b: TextBox): boolean {
  const { width: w, data } = img;
  const r = pixelBounds(img, b);
  let n = 0;
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) if (data[y * w + x]! < INK_BELOW && ++n >= MIN_INK_PIXELS) return true;
  }
  return false;
}
