/**
 * A second reading of weak or odd short readings — the shape of a number
 * misread. A detected box around a lone table digit is loose (the DB unclip
 * grows it by about its own size), so a small `0` sits in a lot of paper and
 * reads as `.` or `。`, or as `0` at a confidence under the mapper's
 * threshold. The same digit cropped to its ink (plus a margin) reads
 * with near certainty.
 *
 * Rule (issue 8: "never guess a number"): a box whose reading is short (≤ 4
 * characters, no CJK) and either weak (< `RECHECK_BELOW`) or not all digits
 * is read again from two crops around its ink, with margins of
 * `MARGINS` × the ink's height. Only when both readings are the same digit
 * string, each at ≥ `AGREE_CONFIDENCE`, is that string taken, with the lower
 * of the two confidences; and only when the first reading was no number at
 * all (`.`, `。`, `o`) or already that number — two crops never overrule a
 * first reading of other digits. Ink shorter than `MIN_INK_OF_BOX` of the
 * box is a real dot or dash, not a digit, and is not re-read.
 *
 * Measured on mianyang-health-2020.scan.pdf pages 1–2 (200 dpi render),
 * 146 short numbers re-read from ink crops: with a 0.1 margin every one read
 * as its first reading (the `.` as `0`, 0.97), the weakest at 0.95; with 0.2
 * the same texts, one at 0.40; with 0.4 sixteen under 0.9, and with 0.6 half
 * of the `0`s read `。` — paper around a lone digit is what misleads the
 * recogniser. The two margins kept are 0.1 and 0.2.
 */

import { pixelBounds, type GreyImage } from '../image/grey.js';
import type { TextBox } from './detect.js';
import type { OcrEngine } from './engine.js';
import { recogniseBoxes, type RecognisedBox } from './recognize.js';

/** Readings under this confidence are checked (above the mapper's 0.6, to catch the borderline). */
const RECHECK_BELOW = 0.8;
/** Both ink crops must read the same digits at least this sure. */
const AGREE_CONFIDENCE = 0.9;
/** Margins around the ink, as shares of its height: two different crops. */
const MARGINS = [0.1, 0.2] as const;
/** Ink at least this share of the box's height is digit-sized. */
const MIN_INK_OF_BOX = 0.4;
/** Grey levels between the box's darkest and lightest pixel below which ink starts (midpoint). */
const MIN_CONTRAST = 40;

const isDigits = (t: string) => /^\d+$/.test(t);

/** Should `w`'s reading be checked: short, not Chinese, and weak or not all digits. */
export function worthRereading(w: RecognisedBox): boolean {
  const t = w.text;
  return t !== '' && [...t].length <= 4 && !/[\u3400-\u9fff]/.test(t) && (w.confidence < RECHECK_BELOW || !isDigits(t));
}

/** The bounding box of the ink (darker than the midpoint of the box's darkest and lightest grey); undefined when the box is blank. */
export function inkBox(img: GreyImage, box: TextBox): TextBox | undefined {
  const { width: w, data } = img;
  const { x0, y0, x1, y1 } = pixelBounds(img, box);
  let lo = 255, hi = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const v = data[y * w + x]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo < MIN_CONTRAST) return undefined;
  const cut = (lo + hi) / 2;
  let ix0 = x1, iy0 = y1, ix1 = -1, iy1 = -1;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    if (data[y * w + x]! >= cut) continue;
    if (x < ix0) ix0 = x;
    if (x > ix1) ix1 = x;
    if (y < iy0) iy0 = y;
    if (y > iy1) iy1 = y;
  }
  return ix1 < 0 ? undefined : { x0: ix0, y0: iy0, x1: ix1 + 1, y1: iy1 + 1 };
}

/**
 * `words` (read from `img`) with weak or odd short readings replaced by what
 * two ink crops agree on (see the rule above); the others unchanged.
 */
export async function rereadWeakNumbers(engine: OcrEngine, img: GreyImage, words: readonly RecognisedBox[]): Promise<RecognisedBox[]> {
  const picked: Array<{ i: number; ink: TextBox }> = [];
  words.forEach((w, i) => {
    if (!worthRereading(w)) return;
    const ink = inkBox(img, w);
    if (ink && ink.y1 - ink.y0 >= MIN_INK_OF_BOX * (w.y1 - w.y0)) picked.push({ i, ink });
  });
  if (picked.length === 0) return [...words];
  const crops = MARGINS.flatMap((m) => picked.map(({ ink }) => grow(ink, (ink.y1 - ink.y0) * m, img)));
  const read = await recogniseBoxes(engine, img, crops);
  const out = [...words];
  picked.forEach(({ i }, j) => {
    const first = words[i]!;
    const [a, b] = [read[j]!, read[j + picked.length]!];
    if (a.text !== b.text || !isDigits(a.text) || Math.min(a.confidence, b.confidence) < AGREE_CONFIDENCE) return;
    if (isDigits(first.text) && first.text !== a.text) return;
    out[i] = { ...first, text: a.text, confidence: Math.max(isDigits(first.text) ? first.confidence : 0, Math.min(a.confidence, b.confidence)) };
  });
  return out;
}

function grow(b: TextBox, m: number, img: GreyImage): TextBox {
  return { x0: Math.max(0, b.x0 - m), y0: Math.max(0, b.y0 - m), x1: Math.min(img.width, b.x1 + m), y1: Math.min(img.height, b.y1 + m) };
}
