/** Crops of detected boxes as model input. */

import type { GreyImage } from '../image/grey.js';
import type { TextBox } from './detect.js';

/**
 * Bilinear crop of `box` into a 3×`height`×`width` slot of `out` (normalised to
 * −1…1 as the model was trained; the slot is `stride` wide, white beyond).
 */
export function cropInto(img: GreyImage, box: TextBox, width: number, height: number, out: Float32Array, at: number, stride: number): void {
  const { width: iw, height: ih, data } = img;
  const bw = box.x1 - box.x0, bh = box.y1 - box.y0;
  const plane = height * stride;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(ih - 1.001, Math.max(0, box.y0 + ((y + 0.5) * bh) / height - 0.5));
    const iy = Math.floor(sy), fy = sy - iy;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(iw - 1.001, Math.max(0, box.x0 + ((x + 0.5) * bw) / width - 0.5));
      const ix = Math.floor(sx), fx = sx - ix;
      const p = iy * iw + ix;
      const top = data[p]! * (1 - fx) + data[p + 1]! * fx;
      const bottom = data[p + iw]! * (1 - fx) + data[p + iw + 1]! * fx;
      const v = (top * (1 - fy) + bottom * fy) / 127.5 - 1;
      out[at + y * stride + x] = v;
    }
  }
  stretch(out, at, width, height, stride);
  for (let y = 0; y < height; y++) {
    const k = at + y * stride;
    out.copyWithin(k + plane, k, k + width);
    out.copyWithin(k + 2 * plane, k, k + width);
  }
}

/**
 * Contrast stretch of one crop: its darkest ink to black, its paper to
 * white. Grey, faded scans otherwise read as faint strokes, and the
 * recogniser misses lone digits in them.
 */
function stretch(out: Float32Array, at: number, width: number, height: number, stride: number): void {
  let lo = 1, hi = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0, k = at + y * stride; x < width; x++, k++) {
      const v = out[k]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (hi - lo < 0.25) return;
  const scale = 2 / (hi - lo);
  for (let y = 0; y < height; y++) {
    for (let x = 0, k = at + y * stride; x < width; x++, k++) out[k] = (out[k]! - lo) * scale - 1;
  }
}
