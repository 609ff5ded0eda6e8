/**
 * Page orientation from its text boxes: a page scanned sideways shows tall
 * narrow boxes where lines of text should be wide; a page upside down is
 * told by PaddleOCR's direction classifier (0° vs 180°) on its widest boxes.
 */

import type { GreyImage } from '../image/grey.js';
import { cropInto } from './crop.js';
import type { TextBox } from './detect.js';
import { runModel, type OcrEngine } from './engine.js';

/** Boxes longer than this many times their breadth are lines of text (not lone digits). */
const ELONGATED = 2.5;
const CLS_HEIGHT = 48;
const CLS_WIDTH = 192;
const CLS_SAMPLE = 12;

/** True when most lines of text run top to bottom: the page lies on its side. */
export function looksSideways(boxes: readonly TextBox[]): boolean {
  let wide = 0, tall = 0;
  for (const b of boxes) {
    const w = b.x1 - b.x0, h = b.y1 - b.y0;
    if (w > ELONGATED * h) wide++;
    else if (h > ELONGATED * w) tall++;
  }
  return tall >= 5 && tall > 2 * wide;
}

/** Share (0–1) of the widest boxes that the classifier sees upside down; 0 without lines of text. */
export async function upsideDownShare(engine: OcrEngine, img: GreyImage, boxes: readonly TextBox[]): Promise<number> {
  const lines = boxes
    .filter((b) => b.x1 - b.x0 > ELONGATED * (b.y1 - b.y0))
    .sort((a, b) => b.x1 - b.x0 - (a.x1 - a.x0))
    .slice(0, CLS_SAMPLE);
  if (lines.length === 0) return 0;
  const slot = 3 * CLS_HEIGHT * CLS_WIDTH;
  const input = new Float32Array(lines.length * slot).fill(1);
  lines.forEach((b, j) => {
    const w = Math.min(CLS_WIDTH, Math.round((CLS_HEIGHT * (b.x1 - b.x0)) / Math.max(1, b.y1 - b.y0)));
    cropInto(img, b, w, CLS_HEIGHT, input, j * slot, CLS_WIDTH);
  });
  const out = await runModel(engine, engine.classifier, input, [lines.length, 3, CLS_HEIGHT, CLS_WIDTH]);
  const p = out.data as Float32Array;
  let flipped = 0;
  for (let j = 0; j < lines.length; j++) if (p[j * 2 + 1]! > p[j * 2]!) flipped++;
  return flipped / lines.length;
}
