/**
 * Deskew: scans lean by up to a few degrees. The angle is the one whose
 * horizontal projection of dark pixels is sharpest (text rows and ruling
 * lines line up), searched coarse then fine on a sample of dark pixels; the
 * image is then turned back with sharp.
 */

import sharp from 'sharp';
import type { GreyImage } from './grey.js';

/** Largest lean searched, degrees. */
const MAX_ANGLE = 5;
/** Darker than this counts as ink for the estimate. */
const INK = 128;
/** Dark pixels sampled for the estimate. */
const SAMPLE = 60000;

/** Lean of the page in degrees (positive: text rises to the right … as sharp's rotate undoes it). */
export function estimateSkew(img: GreyImage): number {
  const { width: w, height: h, data } = img;
  let dark = 0;
  for (let i = 0; i < data.length; i++) if (data[i]! < INK) dark++;
  if (dark < 100) return 0;
  const step = Math.max(1, Math.floor(dark / SAMPLE));
  const xs: number[] = [], ys: number[] = [];
  let k = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[y * w + x]! < INK && k++ % step === 0) {
        xs.push(x - w / 2);
        ys.push(y - h / 2);
      }
    }
  }
  const bins = new Float64Array(Math.ceil(Math.hypot(w, h)) + 2);
  const score = (deg: number): number => {
    const t = (deg * Math.PI) / 180, s = Math.sin(t), c = Math.cos(t);
    bins.fill(0);
    const off = bins.length / 2;
    for (let i = 0; i < xs.length; i++) bins[Math.floor(ys[i]! * c - xs[i]! * s + off)]! += 1;
    let sum = 0;
    for (let i = 0; i < bins.length; i++) sum += bins[i]! * bins[i]!;
    return sum;
  };
  let best = 0, bestScore = score(0);
  for (let a = -MAX_ANGLE; a <= MAX_ANGLE; a += 0.5) {
    const v = score(a);
    if (v > bestScore) [best, bestScore] = [a, v];
  }
  const coarse = best;
  for (let a = coarse - 0.5; a <= coarse + 0.5; a += 0.05) {
    const v = score(a);
    if (v > bestScore) [best, bestScore] = [a, v];
  }
  return Math.round(best * 100) / 100;
}

/** The image turned by `-angle` degrees about its centre, same size, white where nothing was (its stamp mask, if any, turned with it). */
export async function rotateBy(img: GreyImage, angle: number): Promise<GreyImage> {
  if (Math.abs(angle) < 0.05) return img;
  const out: GreyImage = { width: img.width, height: img.height, data: await turnPlane(img, img.data, angle, 255) };
  if (img.stamp) {
    const mask = img.stamp.map((v) => (v ? 255 : 0));
    out.stamp = (await turnPlane(img, mask, angle, 0)).map((v) => (v >= 128 ? 1 : 0));
  }
  return out;
}

/** One 8-bit plane of `img`'s size turned by `-angle` degrees, `fill` where nothing was. */
async function turnPlane(img: GreyImage, plane: Uint8Array, angle: number, fill: number): Promise<Uint8Array> {
  const raw = { width: img.width, height: img.height, channels: 1 as const };
  const turned = await sharp(plane, { raw }).rotate(-angle, { background: { r: fill, g: fill, b: fill } }).greyscale().raw().toBuffer({ resolveWithObject: true });
  const { width: tw, height: th } = turned.info;
  const left = Math.max(0, Math.round((tw - img.width) / 2)), top = Math.max(0, Math.round((th - img.height) / 2));
  const data = new Uint8Array(img.width * img.height);
  const ch = turned.info.channels;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) data[y * img.width + x] = turned.data[((y + top) * tw + x + left) * ch]!;
  }
  return data;
}
