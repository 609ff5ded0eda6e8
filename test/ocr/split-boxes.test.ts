/**
 * A narrow header row (`单位 | 统计数`, the legacy statistics tables): the
 * detector runs one box over the thin column border between two cells'
 * words. The border must be kept as a ruling and the box cut there, or the
 * two columns become one cell and the table's values are lost. And a dash
 * printed alone, read as the numeral 一, is the dash.
 */
import { isGlyphStroke } from '../../src/image/rulings.js';
import { splitAtRulings } from '../../src/ocr/split-boxes.js';
import { foldOcrLookalikes } from '../../src/readers/ocr/primitives.js';
import { isLoneDash } from '../../src/ocr/dash.js';
import { toGrey } from '../../src/image/grey.js';

/** A 40×40 white box with dark bars at the given rows (each 3 px thick, x 8–32). */
function bars(...rows: number[]) {
  const px = new Uint8Array(40 * 40).fill(250);
  for (const r of rows) for (let y = r; y < r + 3; y++) for (let x = 8; x < 32; x++) px[y * 40 + x] = 40;
  return toGrey(px, 40, 40, 1);
}
const whole = { x0: 0, y0: 0, x1: 40, y1: 40 };

// Pixels at 200 dpi: a header row from y 1645 to 1700, one box over `单位 统计数`, the border at x 1372.
const box = { x0: 1312, y0: 1656, x1: 1464, y1: 1697 };
const border = { x0: 1372, y0: 1645, x1: 1372, y1: 1700 };
// The row's top and bottom borders, which the column border meets at both ends.
const rows = [{ x0: 180, y0: 1645, x1: 1470, y1: 1645 }, { x0: 180, y0: 1699, x1: 1470, y1: 1699 }];

describe('a column border the detector ran one box over', () => {
  it('is a border, not a glyph stroke: it crosses the box whole and meets the row\'s borders at both ends', () => {
    expect(isGlyphStroke(border, [box], [border, ...rows])).toBe(false);
  });
  it('is still a glyph stroke when it stays inside the box (a stroke of 单 or 计)', () => {
    expect(isGlyphStroke({ x0: 1372, y0: 1660, x1: 1372, y1: 1695 }, [box], rows)).toBe(true);
    expect(isGlyphStroke({ x0: 1372, y0: 1640, x1: 1372, y1: 1690 }, [box], rows)).toBe(true);
  });
  it('is still a glyph stroke when it pokes out of a large heading\'s box but meets no border (a bold title)', () => {
    const title = { x0: 320, y0: 223, x1: 1335, y1: 274 };
    const stroke = { x0: 578, y0: 217, x1: 578, y1: 275 };
    expect(isGlyphStroke(stroke, [title], [stroke, { x0: 560, y0: 230, x1: 610, y1: 230 }])).toBe(true);
  });
  it('cuts the box in two at the border, leaving the border out of both', () => {
    const parts = splitAtRulings([box], [border]);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatchObject({ x0: 1312, y0: 1656, y1: 1697 });
    expect(parts[0]!.x1).toBeLessThan(1372);
    expect(parts[1]!.x0).toBeGreaterThan(1372);
    expect(parts[1]).toMatchObject({ x1: 1464, y0: 1656, y1: 1697 });
  });
  it('cuts once at a border found as several adjacent pixel columns (a thick line)', () => {
    const thick = [0, 1, 2].map((d) => ({ ...border, x0: 1372 + d, x1: 1372 + d }));
    expect(splitAtRulings([box], thick)).toHaveLength(2);
  });
  it('leaves boxes alone that a border only grazes, does not cross whole, or that no vertical crosses', () => {
    const graze = { ...border, x0: box.x0 + 5, x1: box.x0 + 5 };
    const short = { ...border, y1: 1680 };
    const horizontal = { x0: 1300, y0: 1676, x1: 1500, y1: 1676 };
    expect(splitAtRulings([box], [graze, short, horizontal])).toEqual([box]);
  });
});

describe('OCR look-alikes', () => {
  it('reads a lone 一 (or 一一) as the dash a table prints for nothing', () => {
    expect(foldOcrLookalikes('一')).toBe('—');
    expect(foldOcrLookalikes('一一')).toBe('——');
  });
  it('keeps 一 inside words and headings, and folds the radical 丶 to 、', () => {
    expect(foldOcrLookalikes('一、主动公开情况')).toBe('一、主动公开情况');
    expect(foldOcrLookalikes('统一')).toBe('统一');
    expect(foldOcrLookalikes('四丶政府信息公开')).toBe('四、政府信息公开');
  });
  it('calls a box whose ink is one thin bar a dash, whether it was read 一, 二 or -', () => {
    expect(isLoneDash(bars(19), whole, '二')).toBe(true);
    expect(isLoneDash(bars(19), whole, '一')).toBe(true);
    expect(isLoneDash(bars(19), whole, '-')).toBe(true);
  });
  it('keeps two bars 二, a solid glyph a glyph, and readings that are no bar as read', () => {
    expect(isLoneDash(bars(10, 26), whole, '二')).toBe(false);
    expect(isLoneDash(bars(5, 8, 11, 14, 17, 20, 23, 26, 29), whole, '一')).toBe(false);
    expect(isLoneDash(bars(19), whole, '5')).toBe(false);
  });
});
