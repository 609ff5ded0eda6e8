/**
 * One page image → its words: straightened (deskew, sideways, upside
 * down), text boxes detected, each box read with a confidence.
 */

import { estimateSkew, rotateBy } from '../image/deskew.js';
import { rotate180, rotateQuarter, type GreyImage } from '../image/grey.js';
import { clipAtText, eraseRulings, findRulings, isGlyphStroke, type PixelSegment } from '../image/rulings.js';
import { detectText, type TextBox } from './detect.js';
import type { OcrEngine } from './engine.js';
import { checkUnderStamp, digitHidingAreas } from './occlusion.js';
import { looksSideways, upsideDownShare } from './orient.js';
import { recogniseBoxes, type RecognisedBox } from './recognize.js';
import { rereadWeakNumbers } from './second-read.js';
import { splitAtColumnBorders, splitAtRulings } from './split-boxes.js';
import { isLoneDash } from './dash.js';

export interface PageReading {
  /** The straightened image the words' boxes refer to. */
  image: GreyImage;
  words: RecognisedBox[];
  /** Table borders found in the image (glyph strokes excluded). */
  rulings: PixelSegment[];
  /** Degrees the scan leaned (undone). */
  skew: number;
  /** Quarter turns clockwise applied to set the page upright (0–3). */
  turns: number;
  /** Where a whole digit may lie hidden under a dropped stamp (pixels), and the digit height assumed; absent without a stamp. */
  hidden?: { areas: TextBox[]; digitHeight: number };
}

/** Ruling lines are at least this long (points): longer than any glyph stroke of body text. */
const MIN_RULING_PT = 15;

/** `pointsPerPixel` (72 / dpi) sets the shortest ruling line looked for. */
export async function readPageImage(engine: OcrEngine, scan: GreyImage, pointsPerPixel: number): Promise<PageReading> {
  const lap = stopwatch();
  const skew = estimateSkew(scan);
  let image = await rotateBy(scan, skew);
  lap('deskew');
  let boxes = await detectText(engine, image);
  lap('detect');
  let turns = 0;
  if (looksSideways(boxes)) {
    image = rotateQuarter(image, 1);
    turns = 1;
    boxes = await detectText(engine, image);
  }
  if ((await upsideDownShare(engine, image, boxes)) > 0.5) {
    image = rotate180(image);
    turns += 2;
    boxes = boxes.map((b) => flip(b, image));
  }
  lap('orient');
  const minRun = Math.round(MIN_RULING_PT / pointsPerPixel);
  const runs = findRulings(image, minRun);
  const candidates = runs.filter((s) => !isGlyphStroke(s, boxes, runs));
  const rulings = candidates
    .map((s) => clipAtText(s, boxes, candidates))
    .filter((s) => s.x1 - s.x0 + (s.y1 - s.y0) >= minRun);
  lap('rulings');
  boxes = splitAtRulings(boxes, rulings);
  const clean = eraseRulings(image, rulings);
  const cells = splitAtColumnBorders(boxes, rulings, clean);
  const read = await recogniseBoxes(engine, clean, cells);
  lap(`recognise ${cells.length} boxes`);
  const checked = await rereadWeakNumbers(engine, clean, read);
  lap('second read of weak numbers');
  const words = (await checkUnderStamp(engine, image, rulings, checked))
    .filter((w) => w.text !== '')
    .map((w) => (isLoneDash(clean, w, w.text) ? { ...w, text: '—' } : w));
  lap('re-read under stamp');
  const reading: PageReading = { image, words, rulings, skew, turns };
  if (image.stamp) reading.hidden = digitHidingAreas(image, boxes);
  return reading;
}

function flip(b: TextBox, img: GreyImage): TextBox {
  return { x0: img.width - b.x1, y0: img.height - b.y1, x1: img.width - b.x0, y1: img.height - b.y0 };
}

/** Phase timings (wall and process CPU) on stderr when GONGKAI_OCR_TIMING is set (for bench/ocr.mjs and tuning). */
function stopwatch(): (phase: string) => void {
  if (!process.env.GONGKAI_OCR_TIMING) return () => undefined;
  let t = performance.now(), cpu = process.cpuUsage();
  return (phase) => {
    const now = performance.now(), used = process.cpuUsage(cpu);
    process.stderr.write(`ocr ${phase}: ${Math.round(now - t)} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms)\n`);
    t = now;
    cpu = process.cpuUsage();
  };
}
