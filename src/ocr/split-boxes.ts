/**
 * Detected boxes cut at the table's column borders. On a noisy scan the
 * detector boxes a row of numbers in narrow cells as one run (`1 2 1 9` →
 * one box read `121|9]`), and the lattice stage then puts the whole run in
 * the cell under its middle: the row is lost. A vertical ruling that crosses
 * a box (most of its height) is a border between cells, so the box is cut
 * there; a piece without ink (the box reaching past the last border) is
 * dropped rather than read as a forced, low-confidence character.
 */

import type { GreyImage } from '../image/grey.js';
import type { PixelSegment } from '../image/rulings.js';
import type { TextBox } from './detect.js';

/** A border must cross at least this share of the box's height. */
const CROSSING = 0.6;
/** Pixels left out either side of the border (its stroke and blur). */
const BORDER_HALF = 2;
/** A piece narrower than this share of the box's height holds no character. */
const MIN_PIECE = 0.25;
/** A piece holds ink when at least this many pixels are darker than `INK`. */
const MIN_INK_PIXELS = 6;
const INK = 160;

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
  let n = 0;
  for (let y = Math.max(0, Math.floor(b.y0)); y < Math.min(img.height, Math.ceil(b.y1)); y++) {
    for (let x = Math.max(0, Math.floor(b.x0)); x < Math.min(w, Math.ceil(b.x1)); x++) if (data[y * w + x]! < INK && ++n >= MIN_INK_PIXELS) return true;
  }
  return false;
}
