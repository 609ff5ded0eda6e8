/**
 * A dash printed alone in a table cell (`—`, the "nothing" mark that reads
 * as 0) is one flat bar of ink. The recogniser has no context in a lone box
 * and reads the bar as 一, or as 二 when scan noise sits above or below it,
 * or as `-`. The box's ink settles it: a single thin band of inked rows is
 * a dash, whatever was read.
 */

import { INK_BELOW, type GreyImage } from '../image/grey.js';
import type { TextBox } from './detect.js';

/** Readings of a bar: the numerals of one to three strokes, dashes, hyphen, underscore. */
const BAR_READINGS = /^[一二三—―－\-_]{1,2}$/u;

/** A row is inked when this share of the box's width is ink (a dash spans half an em or more). */
const ROW_SHARE = 0.25;
/** A dash's band is at most this share of the box's height (a glyph fills most of it). */
const MAX_BAND = 0.3;

/** Is `text`, read from `box` of `img` (rulings erased), a lone dash? */
export function isLoneDash(img: GreyImage, box: TextBox, text: string): boolean {
  if (!BAR_READINGS.test(text)) return false;
  const x0 = Math.max(0, Math.round(box.x0)), x1 = Math.min(img.width, Math.round(box.x1));
  const y0 = Math.max(0, Math.round(box.y0)), y1 = Math.min(img.height, Math.round(box.y1));
  if (x1 - x0 < 2 || y1 - y0 < 2) return false;
  const bands: Array<[number, number]> = [];
  for (let y = y0; y < y1; y++) {
    let ink = 0;
    for (let x = x0; x < x1; x++) if (img.data[y * img.width + x]! < INK_BELOW) ink++;
    if (ink < (x1 - x0) * ROW_SHARE) continue;
    const last = bands[bands.length - 1];
    if (last && last[1] === y - 1) last[1] = y;
    else bands.push([y, y]);
  }
  return bands.length === 1 && bands[0]![1] - bands[0]![0] + 1 <= (y1 - y0) * MAX_BAND;
}
