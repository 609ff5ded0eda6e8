/**
 * Issue 8: which OCR readings get a second reading from crops around their
 * ink (a loose box around a lone `0` reads `.`), and boxes cut at the
 * column borders they cross (a row of numbers in narrow cells boxed as one
 * run). The re-reading itself needs the models; the corpus scan it was
 * measured on is named in src/ocr/second-read.ts.
 */
import { inkBox, worthRereading } from '../../src/ocr/second-read.js';
import { splitAtColumnBorders } from '../../src/ocr/split-boxes.js';
import type { GreyImage } from '../../src/image/grey.js';

const word = (text: string, confidence: number) => ({ x0: 0, y0: 0, x1: 30, y1: 36, text, confidence });

/** A paper image `w`×`h` with dark rectangles [x0, y0, x1, y1). */
function page(w: number, h: number, marks: number[][]): GreyImage {
  const data = new Uint8Array(w * h).fill(235);
  for (const [x0, y0, x1, y1] of marks) for (let y = y0!; y < y1!; y++) for (let x = x0!; x < x1!; x++) data[y * w + x] = 30;
  return { width: w, height: h, data };
}

describe('second reading of short readings', () => {
  it('checks weak or non-digit short readings, not sure numbers or Chinese text', () => {
    expect(worthRereading(word('.', 0.39))).toBe(true);
    expect(worthRereading(word('o', 0.95))).toBe(true);
    expect(worthRereading(word('0', 0.53))).toBe(true);
    expect(worthRereading(word('174', 0.99))).toBe(false);
    expect(worthRereading(word('报告', 0.4))).toBe(false);
    expect(worthRereading(word('12345', 0.4))).toBe(false);
  });
  it('finds the ink inside a loose box; none in a blank one', () => {
    const img = page(40, 40, [[12, 8, 20, 28]]);
    expect(inkBox(img, { x0: 0, y0: 0, x1: 40, y1: 40 })).toEqual({ x0: 12, y0: 8, x1: 20, y1: 28 });
    expect(inkBox(page(40, 40, []), { x0: 0, y0: 0, x1: 40, y1: 40 })).toBeUndefined();
  });
});

describe('boxes cut at column borders', () => {
  // Three digits in cells 30 px wide, borders at x = 30 and 60 (erased from the image), one box over all.
  const img = page(100, 30, [[8, 8, 14, 22], [40, 8, 46, 22], [70, 8, 76, 22]]);
  const borders = [{ x0: 30, y0: 0, x1: 30, y1: 30 }, { x0: 60, y0: 0, x1: 60, y1: 30 }];
  it('cuts a box at each border crossing it', () => {
    const pieces = splitAtColumnBorders([{ x0: 4, y0: 4, x1: 80, y1: 26 }], borders, img);
    expect(pieces).toEqual([{ x0: 4, y0: 4, x1: 28, y1: 26 }, { x0: 32, y0: 4, x1: 58, y1: 26 }, { x0: 62, y0: 4, x1: 80, y1: 26 }]);
  });
  it('drops a piece without ink, and leaves boxes no border crosses', () => {
    const one = page(100, 30, [[8, 8, 14, 22]]);
    expect(splitAtColumnBorders([{ x0: 4, y0: 4, x1: 58, y1: 26 }], borders, one)).toEqual([{ x0: 4, y0: 4, x1: 28, y1: 26 }]);
    expect(splitAtColumnBorders([{ x0: 4, y0: 4, x1: 28, y1: 26 }], borders, img)).toEqual([{ x0: 4, y0: 4, x1: 28, y1: 26 }]);
    // A border that only grazes the box (a quarter of its height) is not between its characters.
    expect(splitAtColumnBorders([{ x0: 4, y0: 4, x1: 80, y1: 26 }], [{ x0: 30, y0: 20, x1: 30, y1: 40 }], img)).toHaveLength(1);
  });
});
