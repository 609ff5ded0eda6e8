import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { walkOperators } from '../../../src/readers/pdf/graphics.js';
import type { Matrix } from '../../../src/readers/pdf/geometry.js';
import { OP } from '../../../src/readers/pdf/ops.js';

// pdfjs OPS codes and path draw codes used by the walker.
const SAVE = 10, RESTORE = 11, TRANSFORM = 12, CONSTRUCT_PATH = 91, FORM_BEGIN = 74, FORM_END = 75;
const STROKE = 20, FILL = 22, END_PATH = 28;
const SET_FILL_RGB = 59, BEGIN_TEXT = 31, SET_FONT = 37, RENDER_MODE = 38, MOVE_TEXT = 40, SHOW_TEXT = 44;
const M = 0, L = 1, Z = 4;

/** Flips PDF user space (origin bottom-left) to top-left on an 842 pt page. */
const VIEWPORT: Matrix = [1, 0, 0, -1, 0, 842];

function path(paintOp: number, ...codes: number[]): unknown[] {
  return [paintOp, [Float32Array.from(codes)], null];
}

function walk(ops: Array<[number, unknown]>) {
  return walkOperators(ops.map((o) => o[0]), ops.map((o) => o[1]), VIEWPORT);
}

describe('operator codes', () => {
  it('match the installed pdfjs', () => {
    for (const [name, code] of Object.entries(OP)) expect([name, (OPS as Record<string, number>)[name]]).toEqual([name, code]);
  });
});

describe('walkOperators', () => {
  it('turns stroked lines into top-left-origin segments', () => {
    const g = walk([[CONSTRUCT_PATH, path(STROKE, M, 60, 700, L, 300, 700)]]);
    expect(g.segments).toEqual([{ x0: 60, y0: 142, x1: 300, y1: 142 }]);
  });

  it('turns a stroked rectangle into its four edges', () => {
    const g = walk([[CONSTRUCT_PATH, path(STROKE, M, 0, 0, L, 100, 0, L, 100, 50, L, 0, 50, Z)]]);
    expect(g.segments).toHaveLength(4);
  });

  it('applies the transformation matrix, restored after save/restore and forms', () => {
    const g = walk([
      [SAVE, null],
      [TRANSFORM, [0.1, 0, 0, 0.1, 0, 0]],
      [CONSTRUCT_PATH, path(STROKE, M, 600, 7000, L, 3000, 7000)],
      [RESTORE, null],
      [FORM_BEGIN, [[1, 0, 0, 1, 10, 0], null]],
      [CONSTRUCT_PATH, path(STROKE, M, 0, 100, L, 0, 200)],
      [FORM_END, null],
      [CONSTRUCT_PATH, path(STROKE, M, 0, 100, L, 0, 200)],
    ]);
    expect(g.segments).toEqual([
      { x0: 60, y0: 142, x1: 300, y1: 142 },
      { x0: 10, y0: 642, x1: 10, y1: 742 },
      { x0: 0, y0: 642, x1: 0, y1: 742 },
    ]);
  });

  it('treats thin filled rectangles as lines and ignores large fills, white fills and clip paths', () => {
    const g = walk([
      [CONSTRUCT_PATH, path(FILL, M, 60, 700, L, 300, 700, L, 300, 700.75, L, 60, 700.75, Z)],
      [CONSTRUCT_PATH, path(FILL, M, 60, 600, L, 300, 600, L, 300, 650, L, 60, 650, Z)],
      [CONSTRUCT_PATH, path(END_PATH, M, 0, 0, L, 595, 0)],
      [SET_FILL_RGB, ['#ffffff']],
      [CONSTRUCT_PATH, path(FILL, M, 60, 500, L, 300, 500, L, 300, 500.5, L, 60, 500.5, Z)],
    ]);
    expect(g.segments).toHaveLength(1);
    expect(g.segments[0]!.y0).toBeCloseTo(141.625);
  });

  it('records text drawn with fill and stroke (fake bold) with its box', () => {
    const glyph = { unicode: '一', width: 1000 };
    const g = walk([
      [BEGIN_TEXT, null],
      [SET_FONT, ['F1', 14]],
      [RENDER_MODE, [2]],
      [MOVE_TEXT, [62.5, 727]],
      [SHOW_TEXT, [[glyph, glyph, glyph]]],
      [RENDER_MODE, [0]],
      [SHOW_TEXT, [[glyph]]],
    ]);
    expect(g.boldRuns).toEqual([{ x0: 62.5, y0: 101, x1: 104.5, y1: 115 }]);
  });
});
