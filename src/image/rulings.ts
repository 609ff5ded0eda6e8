/**
 * Ruling lines (table borders) found in a page image: long runs of ink
 * along a pixel row or column. Each run becomes a segment; collinear pieces
 * (a border a few pixels thick, or broken by scan noise) are joined later by
 * the lattice stage's own merging, exactly as for a PDF's drawn borders.
 */

import type { GreyImage } from './grey.js';
import type { Segment } from '../readers/pdf/types.js';

/** A ruling in pixels: horizontal when `y0 === y1`, vertical when `x0 === x1` (the page primitives' segment shape). */
export type PixelSegment = Segment;

/** Darker than this is ink. */
const INK = 200;
/** Gaps (pixels) bridged inside a run: JPEG noise and faint spots on a printed border. */
const GAP = 3;
/** Darkness (255 − grey) a pixel must reach to be ink: `255 − INK`. */
const INK_DARKNESS = 255 - INK;

/**
 * Horizontal (`y0 === y1`) and vertical (`x0 === x1`) runs of ink at least
 * `minLength` pixels long. A glyph's strokes are shorter than about one em,
 * so `minLength` should be well over the body text's size in pixels.
 *
 * Ink is judged on a band two pixels across (rows y and y+1 for a
 * horizontal run, columns x and x+1 for a vertical one) by its summed
 * darkness: a thin, faint border that deskewing (or the scanner) laid
 * slightly off the pixel grid is smeared over two rows, neither dark enough
 * alone, and would otherwise break into short pieces that miss whole cell
 * edges (cells then merge). A pixel dark enough alone is ink as before.
 */
export function findRulings(img: GreyImage, minLength: number): PixelSegment[] {
  const { width: w, height: h, data, stamp } = img;
  const dark = (i: number) => 255 - data[i]!;
  const hidden = stamp ? (i: number, j: number) => stamp[i] === 1 || stamp[j] === 1 : () => false;
  /** Pixel `i` with its neighbour `next` pixels on (the line beside it; 0 on the image's last line). */
  const kind = (i: number, next: number) => (dark(i) + (next ? dark(i + next) : 0) > INK_DARKNESS ? INK_PX : hidden(i, i + next) ? HIDDEN_PX : PAPER_PX);
  const out: PixelSegment[] = [];
  for (let y = 0; y < h; y++) {
    const next = y + 1 < h ? w : 0;
    runs(w, (x) => kind(y * w + x, next), minLength, (a, b) => out.push({ x0: a, y0: y, x1: b, y1: y }));
  }
  for (let x = 0; x < w; x++) {
    const next = x + 1 < w ? 1 : 0;
    runs(h, (y) => kind(y * w + x, next), minLength, (a, b) => out.push({ x0: x, y0: a, x1: x, y1: b }));
  }
  return out;
}

const PAPER_PX = 0, INK_PX = 1, HIDDEN_PX = 2;

/**
 * Runs of ink along one line of pixels. Paper gaps up to `GAP` are bridged;
 * a gap of hidden pixels (under a dropped stamp) of any length is bridged
 * too, when ink resumes beyond it: a border runs on under a stamp. A run
 * ends on ink at both ends and is kept when at least `minLength` long and
 * no more than half of it hidden (the stamp's own strokes are no border).
 */
function runs(n: number, kind: (i: number) => number, minLength: number, emit: (a: number, b: number) => void): void {
  let start = -1, last = -1, hiddenCount = 0, pendingHidden = 0, paperGap = 0;
  const close = () => {
    if (start >= 0 && last - start + 1 >= minLength && hiddenCount * 2 <= last - start + 1) emit(start, last + 1);
    start = -1;
    hiddenCount = 0;
  };
  for (let i = 0; i < n; i++) {
    const k = kind(i);
    if (k === INK_PX) {
      if (start < 0) start = i;
      else hiddenCount += pendingHidden;
      last = i;
      pendingHidden = 0;
      paperGap = 0;
    } else if (k === HIDDEN_PX) {
      pendingHidden++;
      paperGap = 0; // the stamp's blurred rim on either side is not a gap in the border
    } else {
      paperGap++;
    }
    // A paper gap that is too long ends the run (hidden pixels in between do not shorten it).
    if (k !== INK_PX && start >= 0 && paperGap > GAP) {
      close();
      pendingHidden = 0;
    }
  }
  close();
}

/** Pixels between a cell edge's end and the horizontal border it meets (a border's thickness, scan blur). */
const MEET = 3;

/**
 * A run of ink lying mostly inside one detected text box is a stroke of a
 * glyph (一, a bold heading's bar), not a table border: borders run between
 * the boxes. A border that passes through several boxes — a column border
 * through a header and a row of numbers the detector boxed across it — is
 * covered by none of them alone, and stays a border. Nor is a cell edge a
 * stroke: a vertical run that crosses a box whole (from above its top to
 * below its bottom) and meets a horizontal run of `found` (the runs
 * `findRulings` found) at both ends is a column border the detector ran one
 * box over (`ocr/split-boxes.ts` cuts the box there). A large heading's
 * strokes may poke out of its box, but they meet no long horizontal run at
 * both ends.
 */
export function isGlyphStroke(s: PixelSegment, words: readonly PixelSegment[], found: readonly PixelSegment[] = []): boolean {
  const horizontal = s.y0 === s.y1;
  const length = horizontal ? s.x1 - s.x0 : s.y1 - s.y0;
  for (const w of words) {
    if (horizontal ? s.y0 <= w.y0 || s.y0 >= w.y1 : s.x0 <= w.x0 || s.x0 >= w.x1) continue;
    if (!horizontal && s.y0 < w.y0 && s.y1 > w.y1 && isCellEdge(s, found)) continue;
    const [a, b] = horizontal ? [w.x0, w.x1] : [w.y0, w.y1];
    const [c, d] = horizontal ? [s.x0, s.x1] : [s.y0, s.y1];
    if (Math.max(0, Math.min(b, d) - Math.max(a, c)) >= length / 2) return true;
  }
  return false;
}

/** Does the vertical run `s` meet a horizontal run at its top and at its bottom (a cell's corners)? */
function isCellEdge(s: PixelSegment, runs: readonly PixelSegment[]): boolean {
  return meetsRun(runs, true, s.y0, s.x0) && meetsRun(runs, true, s.y1, s.x0);
}

/**
 * Is there a run in `runs`, horizontal (`horizontal`) or vertical, lying
 * within `MEET` pixels of `across` (its y, or its x) and reaching `along`
 * (an x, or a y) give or take `MEET`: the point where a perpendicular run
 * ends on it.
 */
function meetsRun(runs: readonly PixelSegment[], horizontal: boolean, across: number, along: number): boolean {
  return runs.some((o) =>
    horizontal
      ? o.y0 === o.y1 && Math.abs(o.y0 - across) <= MEET && along >= o.x0 - MEET && along <= o.x1 + MEET
      : o.x0 === o.x1 && Math.abs(o.x0 - across) <= MEET && along >= o.y0 - MEET && along <= o.y1 + MEET,
  );
}

/**
 * The image with the ruling lines painted white — the two-pixel band each
 * run was found on (see `findRulings`) and its ink fringe one pixel either
 * side — so crops of cell text hold no border.
 */
export function eraseRulings(img: GreyImage, rulings: readonly PixelSegment[]): GreyImage {
  const { width: w, height: h } = img;
  const data = img.data.slice();
  const clear = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < w && y < h) data[y * w + x] = 255;
  };
  const inkAt = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && img.data[y * w + x]! < INK;
  for (const s of rulings) {
    if (s.y0 === s.y1) {
      for (let x = s.x0; x < s.x1; x++) for (let d = -1; d <= 2; d++) if (d === 0 || d === 1 || inkAt(x, s.y0 + d)) clear(x, s.y0 + d);
    } else {
      for (let y = s.y0; y < s.y1; y++) for (let d = -1; d <= 2; d++) if (d === 0 || d === 1 || inkAt(s.x0 + d, y)) clear(s.x0 + d, y);
    }
  }
  return img.stamp ? { width: w, height: h, data, stamp: img.stamp } : { width: w, height: h, data };
}

/**
 * A border run that ends inside a text box has run on into a glyph touching
 * it (a heading printed right under a table continues the column borders
 * through its strokes, adding a phantom row that swallows the heading):
 * the run is cut back to the box's edge. A run crossing a box whole is kept,
 * and so is an end that meets a crossing ruling of `others` (the table's
 * bottom border): a column border ending on the table's edge inside the box
 * of a last row boxed past that edge ends there, not in a glyph.
 */
export function clipAtText(s: PixelSegment, words: readonly PixelSegment[], others: readonly PixelSegment[] = []): PixelSegment {
  const horizontal = s.y0 === s.y1;
  let [a, b] = horizontal ? [s.x0, s.x1] : [s.y0, s.y1];
  const at = horizontal ? s.y0 : s.x0;
  // An end of `s` that lies on a crossing ruling (perpendicular to `s`).
  const meets = (end: number) => meetsRun(others, !horizontal, end, at);
  for (const w of words) {
    const across = horizontal ? s.y0 > w.y0 && s.y0 < w.y1 : s.x0 > w.x0 && s.x0 < w.x1;
    if (!across) continue;
    const [lo, hi] = horizontal ? [w.x0, w.x1] : [w.y0, w.y1];
    if (a < lo && b > lo && b <= hi && !meets(b)) b = lo;
    else if (a >= lo && a < hi && b > hi && !meets(a)) a = hi;
  }
  return horizontal ? { x0: a, y0: s.y0, x1: b, y1: s.y1 } : { x0: s.x0, y0: a, x1: s.x1, y1: b };
}
