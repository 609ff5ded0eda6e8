/**
 * One page image → its words: straightened (deskew, sideways, upside
 * down), text boxes detected, each box read with a confidence.
 */

import { estimateSkew, rotateBy } from '../image/deskew.js';
import { rotate180, rotateQuarter, type GreyImage } from '../image/grey.js';
import { detectText, type TextBox } from './detect.js';
import type { OcrEngine } from './engine.js';
import { looksSideways, upsideDownShare } from './orient.js';
import { recogniseBoxes, type RecognisedBox } from './recognize.js';

export interface PageReading {
  /** The straightened image the words' boxes refer to. */
  image: GreyImage;
  words: RecognisedBox[];
  /** Degrees the scan leaned (undone). */
  skew: number;
  /** Quarter turns clockwise applied to set the page upright (0–3). */
  turns: number;
}

export async function readPageImage(engine: OcrEngine, scan: GreyImage): Promise<PageReading> {
  const skew = estimateSkew(scan);
  let image = await rotateBy(scan, skew);
  let boxes = await detectText(engine, image);
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
  const words = (await recogniseBoxes(engine, image, boxes)).filter((w) => w.text !== '');
  return { image, words, skew, turns };
}

function flip(b: TextBox, img: GreyImage): TextBox {
  return { x0: img.width - b.x1, y0: img.height - b.y1, x1: img.width - b.x0, y1: img.height - b.y0 };
}
