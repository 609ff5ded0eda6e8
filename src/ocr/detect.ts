/**
 * Text detection (PaddleOCR DB): page image → a probability map of "text
 * here" → one box per connected region, grown back by the DB unclip rule
 * (distance = area × 1.5 / perimeter). Each word group gets its own tight
 * box — a table's numbers are not merged into row-wide lines.
 */

import sharp from 'sharp';
import type { GreyImage } from '../image/grey.js';
import type { Box } from '../readers/pdf/types.js';
import { runModel, type OcrEngine } from './engine.js';

/** A detected text box in page-image pixels (the page primitives' box shape). */
export type TextBox = Box;

/** Longest side of the detector's input: bounds time and memory (the map is float32, ×3 channels in). */
const MAX_SIDE = 1600;
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;
const MIN_AREA = 6;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/**
 * A page image this much taller than wide (a whole report saved as one long
 * image, as web pages are) is detected in tiles: shrunk whole to MAX_SIDE,
 * its text would be a few pixels high.
 */
const TALL = 2;
/** Tiles have A4's proportions, so their text is detected at an A4 page's scale. */
const TILE_ASPECT = Math.SQRT2;
/** Consecutive tiles overlap by this share of a tile: more than any text line is high. */
const TILE_OVERLAP = 0.1;

/**
 * PaddleOCR detection on a grey page image: one tight box per text run (never
 * merged per row), in the image's pixels, top-left origin. The model's input
 * is capped at MAX_SIDE; a tall image (height > TALL × width) is read in
 * overlapping A4-shaped tiles at that scale instead, a box cut by a tile's
 * edge kept from the tile that holds it whole.
 */
export async function detectText(engine: OcrEngine, img: GreyImage): Promise<TextBox[]> {
  if (img.height <= TALL * img.width) return detectWhole(engine, img);
  const tileH = Math.round(img.width * TILE_ASPECT);
  const step = Math.round(tileH * (1 - TILE_OVERLAP));
  const boxes: TextBox[] = [];
  for (let top = 0; ; top += step) {
    const h = Math.min(tileH, img.height - top);
    const last = top + h >= img.height;
    const tile: GreyImage = { width: img.width, height: h, data: img.data.subarray(top * img.width, (top + h) * img.width) };
    for (const b of await detectWhole(engine, tile)) {
      // Cut by an inner edge: the neighbouring tile holds it whole.
      if ((top > 0 && b.y0 <= 1) || (!last && b.y1 >= h - 1)) continue;
      const box = { x0: b.x0, y0: b.y0 + top, x1: b.x1, y1: b.y1 + top };
      if (!boxes.some((k) => sameBox(k, box))) boxes.push(box);
    }
    if (last) break;
  }
  return boxes;
}

/** Two detections of one text run (in the overlap of two tiles). */
function sameBox(a: TextBox, b: TextBox): boolean {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (w <= 0 || h <= 0) return false;
  const area = (r: TextBox) => (r.x1 - r.x0) * (r.y1 - r.y0);
  return (w * h) / Math.min(area(a), area(b)) > 0.5;
}

async function detectWhole(engine: OcrEngine, img: GreyImage): Promise<TextBox[]> {
  const s = Math.min(1, MAX_SIDE / Math.max(img.width, img.height));
  const W = Math.max(32, Math.round((img.width * s) / 32) * 32);
  const H = Math.max(32, Math.round((img.height * s) / 32) * 32);
  const small = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
    .resize(W, H, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer();
  const n = W * H;
  const input = new Float32Array(3 * n);
  for (let c = 0; c < 3; c++) {
    const m = MEAN[c]!, sd = STD[c]!;
    for (let i = 0; i < n; i++) input[c * n + i] = (small[i]! / 255 - m) / sd;
  }
  const out = await runModel(engine, engine.detector, input, [1, 3, H, W]);
  return boxesFromMap(out.data as Float32Array, W, H, img.width / W, img.height / H);
}

/**
 * DB post-processing on the probability map (`w`×`h`, scaled to the image by
 * `sx`, `sy`): 4-connected regions above the pixel threshold whose mean
 * probability passes the box threshold, unclipped, in image pixels.
 */
export function boxesFromMap(prob: Float32Array, w: number, h: number, sx: number, sy: number): TextBox[] {
  const n = w * h;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const boxes: TextBox[] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start] || prob[start]! <= PIXEL_THRESHOLD) continue;
    let sp = 0, count = 0, sum = 0;
    let x0 = w, y0 = h, x1 = 0, y1 = 0;
    stack[sp++] = start;
    seen[start] = 1;
    while (sp) {
      const k = stack[--sp]!;
      const x = k % w, y = (k - x) / w;
      count++;
      sum += prob[k]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      const push = (j: number) => {
        if (!seen[j] && prob[j]! > PIXEL_THRESHOLD) {
          seen[j] = 1;
          stack[sp++] = j;
        }
      };
      if (x > 0) push(k - 1);
      if (x < w - 1) push(k + 1);
      if (y > 0) push(k - w);
      if (y < h - 1) push(k + w);
    }
    if (count < MIN_AREA || sum / count < BOX_THRESHOLD) continue;
    const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
    if (Math.min(bw, bh) < 2) continue;
    const d = (bw * bh * UNCLIP_RATIO) / (2 * (bw + bh));
    boxes.push({ x0: Math.max(0, (x0 - d) * sx), y0: Math.max(0, (y0 - d) * sy), x1: Math.min(w * sx, (x1 + 1 + d) * sx), y1: Math.min(h * sy, (y1 + 1 + d) * sy) });
  }
  return boxes;
}
