/**
 * Words under a stamp. The grey page drops a red stamp's pixels (paints
 * them paper white, `src/image/grey.ts`), but what was printed under them is
 * unknown: an opaque seal stroke across a digit takes part of the digit with
 * it, and the rest can read as another digit with full confidence (an 8 cut
 * on its left reads 3). So every word whose box holds stamp pixels gets a
 * second reading with those pixels taken as ink instead. The two readings
 * are the two extremes of what lies under the stamp: when they agree, the
 * hidden pixels do not decide the text and the first reading stands; when
 * they differ, the text depends on what the stamp hides, and the reading is
 * one of at least two — its confidence is capped at `OCCLUDED_CONFIDENCE`,
 * under the mapper's threshold, so a number there is null with a warning
 * rather than a guess (issue 8, "never guess a number").
 */

import { pixelBounds, type GreyImage } from '../image/grey.js';
import { eraseRulings, type PixelSegment } from '../image/rulings.js';
import type { TextBox } from './detect.js';
import type { OcrEngine } from './engine.js';
import { recogniseBoxes, type RecognisedBox } from './recognize.js';

/**
 * Confidence of a reading that changes with what is under the stamp: one of
 * two readings, so at most a coin toss (below `MIN_OCR_CONFIDENCE` 0.6 of
 * `src/template/map-table.ts`).
 */
export const OCCLUDED_CONFIDENCE = 0.5;
/** Share of a box's pixels that must be stamp before the box is re-read: a few stray pixels of the rim's blur do not hide a stroke. */
const MIN_HIDDEN_SHARE = 0.005;

/**
 * Margin (share of the box's height) around a word's box searched for stamp
 * pixels: the detector boxes what is left of a cut digit, and the cut part
 * lies just beside it.
 */
const MARGIN = 0.25;
/** A stamp area hides a whole digit when it is at least this share of a text box's height tall (digits are ~0.5 of the box: 0.75 em × 0.7). */
const DIGIT_OF_BOX = 0.5;

/** Share (0–1) of the pixels of the box, grown by `MARGIN` of its height on every side, where a stamp was dropped; 0 without a stamp mask. */
export function hiddenShare(img: GreyImage, box: TextBox): number {
  const { stamp, width: w } = img;
  if (!stamp) return 0;
  const m = (box.y1 - box.y0) * MARGIN;
  const { x0, y0, x1, y1 } = pixelBounds(img, { x0: box.x0 - m, y0: box.y0 - m, x1: box.x1 + m, y1: box.y1 + m });
  let hidden = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) hidden += stamp[y * w + x]!;
  const area = (x1 - x0) * (y1 - y0);
  return area > 0 ? hidden / area : 0;
}

/**
 * `words` (read from `img` with `rulings` erased, stamp pixels white) with
 * the readings that depend on the stamp's hidden pixels capped at
 * `OCCLUDED_CONFIDENCE`; the others unchanged. Costs one recognition run
 * over the boxes a stamp touches (none on a page without a stamp).
 */
export async function checkUnderStamp(engine: OcrEngine, img: GreyImage, rulings: readonly PixelSegment[], words: readonly RecognisedBox[]): Promise<RecognisedBox[]> {
  const touched = words.map((w, i) => [w, i] as const).filter(([w]) => w.text !== '' && hiddenShare(img, w) >= MIN_HIDDEN_SHARE);
  if (touched.length === 0 || !img.stamp) return [...words];
  const inked = img.data.slice();
  img.stamp.forEach((v, i) => {
    if (v) inked[i] = 0;
  });
  const clean = eraseRulings({ width: img.width, height: img.height, data: inked }, rulings);
  const second = await recogniseBoxes(engine, clean, touched.map(([w]) => w));
  const out = [...words];
  touched.forEach(([w, i], j) => {
    const other = second[j]!;
    if (other.text !== w.text) out[i] = { ...w, confidence: Math.min(w.confidence, OCCLUDED_CONFIDENCE) };
  });
  return out;
}

/**
 * Where a whole digit may lie under the stamp: vertical runs of stamp pixels
 * (one pixel wide, in image pixels) at least as tall as a digit, the digit's
 * height taken as `DIGIT_OF_BOX` of the page's median text box. A slanted
 * stroke of the ring is too short across to hide a digit; its near-vertical
 * sides and a filled star are not. A table cell holding such a run can have
 * lost a digit without trace (`src/readers/pdf/occluded.ts`). Also returns
 * that digit height. Empty without a stamp mask.
 */
export function digitHidingAreas(img: GreyImage, boxes: readonly TextBox[]): { areas: TextBox[]; digitHeight: number } {
  const { stamp, width: w, height: h } = img;
  const heights = boxes.map((b) => b.y1 - b.y0).sort((a, b) => a - b);
  const digitHeight = Math.max(4, Math.round((heights[heights.length >> 1] ?? 0) * DIGIT_OF_BOX));
  const areas: TextBox[] = [];
  if (!stamp) return { areas, digitHeight };
  for (let x = 0; x < w; x++) {
    let start = -1;
    for (let y = 0; y <= h; y++) {
      const on = y < h && stamp[y * w + x] === 1;
      if (on && start < 0) start = y;
      else if (!on && start >= 0) {
        if (y - start >= digitHeight) areas.push({ x0: x, y0: start, x1: x + 1, y1: y });
        start = -1;
      }
    }
  }
  return { areas, digitHeight };
}
