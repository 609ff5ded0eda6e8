import { createDecoder } from '../../src/ocr/ctc.js';
import { boxesFromMap } from '../../src/ocr/detect.js';
import { findRulings, isGlyphStroke, eraseRulings, clipAtText } from '../../src/image/rulings.js';
import { toGrey } from '../../src/image/grey.js';
import { pagesToOcr } from '../../src/readers/ocr/decide.js';
import type { PagePrimitives } from '../../src/readers/pdf/types.js';

const dictionary = ['', '0', 'o', '1', 'l', '5', '年', '报', ' '];

/** Probabilities over `dictionary` for each timestep, from {class: p} maps (the rest to blank). */
function steps(...ts: Array<Record<string, number>>): Float32Array {
  const out = new Float32Array(ts.length * dictionary.length);
  ts.forEach((t, i) => {
    let rest = 1;
    for (const [ch, p] of Object.entries(t)) {
      out[i * dictionary.length + dictionary.indexOf(ch)] = p;
      rest -= p;
    }
    out[i * dictionary.length] = rest;
  });
  return out;
}

describe('CTC decoding', () => {
  const d = createDecoder(dictionary);
  it('reads text greedily, collapsing repeats, with the weakest character as confidence', () => {
    const r = d.decode(steps({ 年: 0.9 }, { 年: 0.95 }, {}, { 报: 0.7 }), 0, 4, dictionary.length);
    expect(r).toEqual({ text: '年报', confidence: expect.closeTo(0.7, 5) });
  });
  it('adds up look-alikes of a lone digit: o 0.45 + 0 0.35 reads 0 at 0.8', () => {
    const r = d.decode(steps({}, { o: 0.45, '0': 0.35 }, {}), 0, 3, dictionary.length);
    expect(r.text).toBe('0');
    expect(r.confidence).toBeCloseTo(0.8, 5);
  });
  it('keeps a weak digit weak (a smudge), for the mapper to reject', () => {
    const r = d.decode(steps({ '5': 0.3, 年: 0.25 }), 0, 1, dictionary.length);
    expect(r.text).toBe('5');
    expect(r.confidence).toBeLessThan(0.5);
  });
  it('does not turn letters inside words into digits', () => {
    expect(d.decode(steps({ 年: 0.9 }, { o: 0.9 }), 0, 2, dictionary.length).text).toBe('年o');
  });
});

describe('DB boxes', () => {
  it('finds one box per connected text region, unclipped and scaled to the image', () => {
    const w = 20, h = 10, prob = new Float32Array(w * h);
    for (let y = 3; y < 6; y++) for (let x = 2; x < 8; x++) prob[y * w + x] = 0.9;
    for (let y = 3; y < 6; y++) for (let x = 12; x < 14; x++) prob[y * w + x] = 0.9;
    const boxes = boxesFromMap(prob, w, h, 2, 2);
    expect(boxes).toHaveLength(2);
    expect(boxes[0]!.x0).toBeLessThan(4);
    expect(boxes[0]!.x1).toBeGreaterThan(16);
    expect(boxes[1]!.x0).toBeGreaterThan(boxes[0]!.x1);
  });
});

describe('ruling lines in an image', () => {
  const w = 100, h = 60;
  const pixels = new Uint8Array(w * h).fill(240);
  for (let x = 5; x < 95; x++) pixels[10 * w + x] = 160; // a light grey border, as scanned
  for (let y = 10; y < 50; y++) pixels[y * w + 50] = 90;
  for (let x = 60; x < 70; x++) pixels[30 * w + x] = 0; // a glyph stroke
  const img = toGrey(pixels, w, h, 1);
  it('finds long runs of ink and skips short strokes', () => {
    const r = findRulings(img, 30);
    expect(r).toContainEqual({ x0: 5, y0: 10, x1: 95, y1: 10 });
    expect(r).toContainEqual({ x0: 50, y0: 10, x1: 50, y1: 50 });
    expect(r.some((s) => s.y0 === 30 && s.y1 === 30)).toBe(false);
  });
  it('calls a run inside a text box a glyph stroke, and erases borders', () => {
    expect(isGlyphStroke({ x0: 5, y0: 10, x1: 95, y1: 10 }, [{ x0: 0, y0: 5, x1: 90, y1: 15 }])).toBe(true);
    expect(isGlyphStroke({ x0: 5, y0: 10, x1: 95, y1: 10 }, [{ x0: 0, y0: 12, x1: 90, y1: 20 }])).toBe(false);
    const clean = eraseRulings(img, [{ x0: 5, y0: 10, x1: 95, y1: 10 }]);
    expect(clean.data[10 * w + 20]).toBe(255);
  });
  it('finds a faint border smeared over two pixel rows, also where it steps down a row', () => {
    const W = 120, H = 40;
    const px = new Uint8Array(W * H).fill(240); // paper: two rows of it are not ink
    for (let x = 10; x < 110; x++) {
      const y = x < 60 ? 20 : 21; // deskewing left the line a row lower past x = 60
      px[y * W + x] = 205; // each half too light to be ink alone (INK 200)
      px[(y + 1) * W + x] = 205;
    }
    const faint = toGrey(px, W, H, 1);
    const r = findRulings(faint, 60);
    expect(r).toContainEqual({ x0: 10, y0: 21, x1: 110, y1: 21 });
    expect(r.every((s) => s.y0 >= 19 && s.y1 <= 22)).toBe(true);
    const clean = eraseRulings(faint, [{ x0: 10, y0: 21, x1: 110, y1: 21 }]);
    expect(clean.data[22 * W + 80]).toBe(255);
  });
  it('keeps a column border that runs through several boxes (a header and a row boxed across their cells)', () => {
    const border = { x0: 50, y0: 0, x1: 50, y1: 90 };
    const stacked = [{ x0: 0, y0: 0, x1: 100, y1: 28 }, { x0: 0, y0: 30, x1: 100, y1: 58 }, { x0: 0, y0: 60, x1: 100, y1: 88 }];
    expect(isGlyphStroke(border, stacked)).toBe(false);
    expect(isGlyphStroke(border, [{ x0: 0, y0: 0, x1: 100, y1: 60 }])).toBe(true);
  });
  it('keeps a column border that ends on the table\'s bottom border inside a last row boxed past it', () => {
    const row = { x0: 20, y0: 100, x1: 300, y1: 130 };
    const bottom = { x0: 10, y0: 121, x1: 310, y1: 121 };
    expect(clipAtText({ x0: 150, y0: 10, x1: 150, y1: 122 }, [row], [bottom])).toEqual({ x0: 150, y0: 10, x1: 150, y1: 122 });
    // …but one running on past the bottom border into a glyph is cut.
    expect(clipAtText({ x0: 150, y0: 10, x1: 150, y1: 127 }, [row], [bottom])).toEqual({ x0: 150, y0: 10, x1: 150, y1: 100 });
  });
  it('cuts a column border back where it runs on into a heading touching the table', () => {
    const heading = { x0: 20, y0: 100, x1: 300, y1: 130 };
    expect(clipAtText({ x0: 150, y0: 10, x1: 150, y1: 118 }, [heading])).toEqual({ x0: 150, y0: 10, x1: 150, y1: 100 });
    expect(clipAtText({ x0: 150, y0: 112, x1: 150, y1: 200 }, [heading])).toEqual({ x0: 150, y0: 130, x1: 150, y1: 200 });
    // crossing the box whole, or beside it: kept
    expect(clipAtText({ x0: 150, y0: 10, x1: 150, y1: 200 }, [heading])).toEqual({ x0: 150, y0: 10, x1: 150, y1: 200 });
    expect(clipAtText({ x0: 310, y0: 10, x1: 310, y1: 118 }, [heading])).toEqual({ x0: 310, y0: 10, x1: 310, y1: 118 });
    expect(clipAtText({ x0: 0, y0: 110, x1: 25, y1: 110 }, [heading])).toEqual({ x0: 0, y0: 110, x1: 20, y1: 110 });
  });
  it('drops a red stamp by reading the red channel', () => {
    const rgb = new Uint8Array([220, 30, 40, 10, 10, 10]);
    expect([...toGrey(rgb, 2, 1, 3).data]).toEqual([255, 10]);
  });
});

describe('which PDF pages are OCR\'d', () => {
  const page = (n: number, text: string): PagePrimitives => ({
    page: n,
    width: 595,
    height: 842,
    segments: [],
    items: text ? [{ x0: 0, y0: 0, x1: 10, y1: 10, text, page: n, fontSize: 10, bold: false }] : [],
  });
  const prose = '本年度政府信息公开工作情况报告如下，我们的部门认真办理每一件申请，公开了有关政府信息。';
  it('auto: only pages without text, when the rest reads well', () => {
    expect(pagesToOcr([page(1, prose), page(2, ''), page(3, prose)], 'auto')).toEqual([2]);
  });
  it('auto: every page when no page has usable text; force: all; off: none', () => {
    expect(pagesToOcr([page(1, ''), page(2, '')], 'auto')).toEqual([1, 2]);
    expect(pagesToOcr([page(1, prose)], 'force')).toEqual([1]);
    expect(pagesToOcr([page(1, '')], 'off')).toEqual([]);
  });
});
