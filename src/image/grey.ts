/**
 * Grey page images: the one pixel format every OCR stage works on
 * (8-bit, one channel, row-major, 0 = black, 255 = white).
 */

export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
  /**
   * Where a colour mark (a red stamp) was dropped: 1 at such pixels, else 0;
   * absent when there was none. What was printed under them is unknown —
   * ruling lines are bridged across them and words touching them are re-read
   * (`src/ocr/occlusion.ts`).
   */
  stamp?: Uint8Array;
}

/**
 * Red/pink stamps (公章) and coloured noise are dropped by reading the red
 * channel: a red seal is nearly white there while black and dark-blue text
 * stays dark, so digits under a stamp survive. A pixel counts as "colour"
 * when its red exceeds both green and blue by `COLOUR_GAP`.
 */
const COLOUR_GAP = 40;
/**
 * A reddish pixel darker than this in the red channel is ink seen through
 * the stamp (seal ink is translucent: black text under it stays dark in
 * red); lighter ones are the stamp over paper — or over what an opaque stamp
 * hid — and are dropped and marked. A seal over paper measures 200–230 in red.
 */
const STAMP_OVER_INK = 170;

/**
 * Interleaved pixels (`channels` 1–4, as sharp and canvases give them) →
 * grey. Colour images use the red channel where a pixel is reddish (paper
 * white where it is light, with the pixel marked in `stamp`) and the
 * luminance elsewhere.
 */
export function toGrey(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: number): GreyImage {
  const n = width * height;
  const data = new Uint8Array(n);
  if (channels <= 2) {
    for (let i = 0; i < n; i++) data[i] = pixels[i * channels]!;
    return { width, height, data };
  }
  const stamp = new Uint8Array(n);
  let marked = false;
  for (let i = 0, k = 0; i < n; i++, k += channels) {
    const r = pixels[k]!, g = pixels[k + 1]!, b = pixels[k + 2]!;
    if (r - Math.max(g, b) <= COLOUR_GAP) data[i] = (r * 299 + g * 587 + b * 114) / 1000;
    else if (r < STAMP_OVER_INK) data[i] = r; // text printed under translucent seal ink: dark red, kept as ink
    else {
      data[i] = 255;
      stamp[i] = 1;
      marked = true;
    }
  }
  return marked ? { width, height, data, stamp } : { width, height, data };
}

/** The image turned by 180° (a page scanned upside down). */
export function rotate180(img: GreyImage): GreyImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0, n = data.length; i < n; i++) data[i] = img.data[n - 1 - i]!;
  const out: GreyImage = { width: img.width, height: img.height, data };
  if (img.stamp) out.stamp = img.stamp.slice().reverse();
  return out;
}

/** The image turned by 90° clockwise (`turns` = 1) or counter-clockwise (`turns` = 3). */
export function rotateQuarter(img: GreyImage, turns: 1 | 3): GreyImage {
  const { width: w, height: h } = img;
  const turn = (src: Uint8Array): Uint8Array => {
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        // Clockwise: (x, y) → (h-1-y, x); counter-clockwise: (x, y) → (y, w-1-x). New width is h.
        const [nx, ny] = turns === 1 ? [h - 1 - y, x] : [y, w - 1 - x];
        data[ny * h + nx] = src[y * w + x]!;
      }
    }
    return data;
  };
  const out: GreyImage = { width: h, height: w, data: turn(img.data) };
  if (img.stamp) out.stamp = turn(img.stamp);
  return out;
}

/**
 * Grey levels (0 black – 255 white) below this are ink on a page read by OCR
 * with its rulings erased: what the OCR steps count as printed (a lone
 * dash's band, a piece of a box cut at a border).
 */
export const INK_BELOW = 160;

/**
 * The whole pixels a box covers in `img`: `b` in image pixels (top-left
 * origin, fractional edges) → integer bounds clamped to the image, `x0 ≤ x <
 * x1`, `y0 ≤ y < y1` (empty when the box lies outside).
 */
export function pixelBounds(img: GreyImage, b: { x0: number; y0: number; x1: number; y1: number }): { x0: number; y0: number; x1: number; y1: number } {
  return { x0: Math.max(0, Math.floor(b.x0)), y0: Math.max(0, Math.floor(b.y0)), x1: Math.min(img.width, Math.ceil(b.x1)), y1: Math.min(img.height, Math.ceil(b.y1)) };
}
