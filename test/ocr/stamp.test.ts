/**
 * A red stamp over a scanned table (issue 8, "never guess a number"). Its
 * pixels are dropped from the grey page, and with them the ruling lines and
 * digit strokes under it: borders must run on under the stamp (else rows
 * merge and their digits join: 3 / 174 / 7 → 31747), and a cell where the
 * stamp could hide a whole digit is not trusted (blank under a star is not 0).
 */
import { toGrey, rotate180, rotateQuarter, type GreyImage } from '../../src/image/grey.js';
import { rotateBy } from '../../src/image/deskew.js';
import { findRulings } from '../../src/image/rulings.js';
import { digitHidingAreas, hiddenShare } from '../../src/ocr/occlusion.js';
import { buildBlocks } from '../../src/readers/pdf/pipeline.js';
import type { PagePrimitives, Segment, TextItem } from '../../src/readers/pdf/types.js';
import { mapTables } from '../../src/template/map-table.js';
import { loadTemplates } from '../../src/template/load.js';
import type { Table } from '../../src/model/document.js';

const RED = [214, 40, 40], BLACK = [0, 0, 0], PAPER = [245, 245, 245];

/** An RGB page `w`×`h` of paper, painted by `paint(x, y)` → colour or undefined. */
function rgbPage(w: number, h: number, paint: (x: number, y: number) => number[] | undefined): GreyImage {
  const px = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) px.set(paint(x, y) ?? PAPER, (y * w + x) * 3);
  return toGrey(px, w, h, 3);
}

describe('stamp mask', () => {
  it('marks the dropped red pixels, and none on a page without colour', () => {
    const img = rgbPage(4, 1, (x) => (x === 1 ? RED : x === 2 ? BLACK : undefined));
    expect([...img.data]).toEqual([245, 255, 0, 245]);
    expect([...img.stamp!]).toEqual([0, 1, 0, 0]);
    expect(rgbPage(2, 1, () => BLACK).stamp).toBeUndefined();
  });
  it('keeps text printed under translucent seal ink (dark red) as ink, unmarked', () => {
    const img = rgbPage(3, 1, (x) => [[214, 40, 40], [107, 20, 20], [25, 5, 5]][x]);
    expect([...img.data]).toEqual([255, 107, expect.any(Number)]);
    expect(img.data[2]).toBeLessThan(20);
    expect([...img.stamp!]).toEqual([1, 0, 0]);
  });
  it('turns with the page', async () => {
    const img = rgbPage(3, 2, (x, y) => (x === 0 && y === 0 ? RED : undefined));
    expect([...rotate180(img).stamp!]).toEqual([0, 0, 0, 0, 0, 1]);
    expect(rotateQuarter(img, 1).stamp![1]).toBe(1); // (0,0) → (h-1-0, 0) = (1, 0) in a 2-wide image
    const big = rgbPage(200, 200, (x, y) => (x >= 90 && x < 110 && y >= 90 && y < 110 ? RED : undefined));
    const turned = await rotateBy(big, 2);
    expect(turned.stamp![100 * 200 + 100]).toBe(1);
    expect(turned.stamp![10 * 200 + 10]).toBe(0);
  });
});

describe('ruling lines under a stamp', () => {
  // A border along y = 20 from x = 10 to 190, cut by a stamp from x = 80 to 130 (opaque red on top).
  const stamped = rgbPage(200, 40, (x, y) => (x >= 80 && x < 130 && y >= 5 && y < 35 ? RED : y === 20 && x >= 10 && x < 190 ? BLACK : undefined));
  it('runs on under the stamp: one border, not two pieces', () => {
    const rows = findRulings(stamped, 60).filter((s) => s.y0 === s.y1 && s.y0 >= 19 && s.y0 <= 20);
    expect(rows).toContainEqual({ x0: 10, y0: 19, x1: 190, y1: 19 });
    expect(rows.every((s) => s.x0 === 10 && s.x1 === 190)).toBe(true);
  });
  it('finds no border in the stamp alone, nor in short strokes either side of it', () => {
    const strokes = rgbPage(200, 40, (x, y) => (x >= 60 && x < 140 && y >= 5 && y < 35 ? RED : y === 20 && ((x >= 50 && x < 60) || (x >= 140 && x < 150)) ? BLACK : undefined));
    expect(findRulings(strokes, 60)).toEqual([]);
  });
});

describe('where a stamp can hide a digit', () => {
  it('finds digit-tall columns of stamp, not the short cut of a slanted stroke', () => {
    // A vertical bar 30 px tall and a diagonal stroke 4 px thick.
    const img = rgbPage(100, 60, (x, y) => ((x >= 10 && x < 14 && y >= 10 && y < 40) || (x >= 50 && x < 95 && Math.abs(y - (x - 40)) < 3) ? RED : undefined));
    const boxes = [{ x0: 0, y0: 0, x1: 40, y1: 40 }]; // text boxes 40 px tall → digits 20 px
    const { areas, digitHeight } = digitHidingAreas(img, boxes);
    expect(digitHeight).toBe(20);
    expect(areas.length).toBe(4);
    expect(areas.every((a) => a.x0 >= 10 && a.x1 <= 14 && a.y1 - a.y0 === 30)).toBe(true);
    expect(hiddenShare(img, { x0: 0, y0: 10, x1: 20, y1: 40 })).toBeGreaterThan(0.05);
    expect(hiddenShare(img, { x0: 20, y0: 45, x1: 40, y1: 58 })).toBe(0);
  });
});

describe('cells under a stamp', () => {
  const active2021 = loadTemplates().editions.find((e) => e.id === '2021')!.tables['activeDisclosure']!;
  /** A ruled table (points) of the 2021 active-disclosure form: rows 规章 1 2 3 and 行政规范性文件 4 [blank] 6, read by OCR. */
  function page(stampCover?: PagePrimitives['stampCover']): PagePrimitives {
    const xs = [50, 200, 260, 320, 380], ys = [100, 120, 140, 160, 180];
    const segments: Segment[] = [
      ...ys.map((y) => ({ x0: xs[0]!, y0: y, x1: xs[4]!, y1: y })),
      ...xs.map((x) => ({ x0: x, y0: ys[0]!, x1: x, y1: ys[4]! })),
    ];
    const cells = [
      ['第二十条第（一）项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '1', '2', '3'],
      ['行政规范性文件', '4', '', '6'],
    ];
    const items: TextItem[] = cells.flatMap((row, r) => row.map((text, c) => ({ text, x0: xs[c]! + 4, x1: xs[c]! + 4 + 8 * text.length, y0: ys[r]! + 5, y1: ys[r]! + 15, page: 1, fontSize: 10, bold: false, confidence: 0.99 }))).filter((it) => it.text !== '');
    const p: PagePrimitives = { page: 1, width: 595, height: 842, items, segments };
    if (stampCover) p.stampCover = stampCover;
    return p;
  }
  const tables = (p: PagePrimitives) => buildBlocks({ pages: [p] }).blocks.filter((b): b is Table => b.kind === 'table');

  it('a blank cell a stamp could hide a digit in is null with a warning, not 0', () => {
    // A digit-tall stamp area in the blank cell 行政规范性文件 × 本年废止件数 (x 260–320, y 160–180).
    const m = mapTables(tables(page({ areas: [{ x0: 280, y0: 158, x1: 281, y1: 178 }], digitHeight: 8 })), active2021, {});
    const docs = m.values['normativeDocuments'] as Record<string, unknown>;
    expect(docs['repealed']).toBeNull();
    expect(docs['issued']).toBe(4);
    expect(m.warnings.some((w) => w.startsWith('normativeDocuments.repealed:') && w.includes('under a stamp'))).toBe(true);
  });
  it('a printed number in such a cell is null too; cells the stamp only grazes keep their numbers', () => {
    // Over 规章 × 本年制发件数 (x 200–260, y 140–160); 4 pt of it reach into the row below.
    const m = mapTables(tables(page({ areas: [{ x0: 230, y0: 145, x1: 231, y1: 164 }], digitHeight: 8 })), active2021, {});
    expect((m.values['regulations'] as Record<string, unknown>)['issued']).toBeNull();
    expect(m.provenance['regulations.issued']).toMatchObject({ ocr: true, confidence: 0.5, raw: '1' });
    expect((m.values['normativeDocuments'] as Record<string, unknown>)['issued']).toBe(4);
    expect(m.warnings.filter((w) => w.includes('under a stamp'))).toEqual([expect.stringMatching(/^regulations\.issued: OCR read "1" with confidence 0\.50/)]);
  });
  it('without a stamp the table reads whole (blank = 0)', () => {
    const m = mapTables(tables(page()), active2021, {});
    expect(m.values).toMatchObject({ regulations: { issued: 1, repealed: 2, inForce: 3 }, normativeDocuments: { issued: 4, repealed: 0, inForce: 6 } });
    expect(m.warnings.filter((w) => /^(regulations|normativeDocuments)\./.test(w))).toEqual([]);
  });
});
