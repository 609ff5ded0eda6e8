/**
 * Text state tracking in the operator list, for one purpose: the boxes of
 * text shown in a fill+stroke render mode ("fake bold"). LibreOffice and
 * Ghostscript embolden fonts without a bold face (AR PL UMing, WenQuanYi)
 * this way, and the text content pdfjs reports does not say so.
 */

import { apply, boundsOf, IDENTITY, multiply, type Matrix } from './geometry.js';
import { OP } from './ops.js';
import type { Box } from './types.js';

export interface TextState {
  tm: Matrix;
  tlm: Matrix;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  renderMode: number;
}

interface Glyph {
  width?: number;
  isSpace?: boolean;
}

/** The text state at the start of a page's content (PDF 32000-1 § 9.3: all parameters at their defaults, identity matrices). */
export function newTextState(): TextState {
  return {
    tm: IDENTITY, tlm: IDENTITY, fontSize: 0, charSpacing: 0, wordSpacing: 0,
    hScale: 1, leading: 0, rise: 0, renderMode: 0,
  };
}

function toMatrix(args: unknown): Matrix {
  const a = args as ArrayLike<number> | null;
  if (!a || a.length < 6) return IDENTITY;
  return [a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!];
}

/**
 * Tracks the text state through one operator, in place (`ts` is changed and
 * returned: the walker copies the state at every save, so a saved state is
 * never changed); records the boxes of runs shown in a fill+stroke mode.
 */
export function textOp(
  fn: number,
  args: unknown[] | null,
  ts: TextState,
  ctm: Matrix,
  viewport: Matrix,
  boldRuns: Box[],
): TextState {
  switch (fn) {
    case OP.beginText:
      ts.tm = IDENTITY;
      ts.tlm = IDENTITY;
      break;
    case OP.setCharSpacing:
      ts.charSpacing = Number(args?.[0]) || 0;
      break;
    case OP.setWordSpacing:
      ts.wordSpacing = Number(args?.[0]) || 0;
      break;
    case OP.setHScale:
      ts.hScale = (Number(args?.[0]) || 100) / 100;
      break;
    case OP.setLeading:
      ts.leading = Number(args?.[0]) || 0;
      break;
    case OP.setFont:
      ts.fontSize = Number(args?.[1]) || 0;
      break;
    case OP.setTextRenderingMode:
      ts.renderMode = Number(args?.[0]) || 0;
      break;
    case OP.setTextRise:
      ts.rise = Number(args?.[0]) || 0;
      break;
    case OP.moveText:
    case OP.setLeadingMoveText: {
      const tx = Number(args?.[0]) || 0, ty = Number(args?.[1]) || 0;
      const tlm = multiply([1, 0, 0, 1, tx, ty], ts.tlm);
      ts.tlm = tlm;
      ts.tm = tlm;
      if (fn === OP.setLeadingMoveText) ts.leading = -ty;
      break;
    }
    case OP.setTextMatrix: {
      const m = toMatrix(args?.[0] ?? args);
      ts.tm = m;
      ts.tlm = m;
      break;
    }
    case OP.nextLine: {
      const tlm = multiply([1, 0, 0, 1, 0, -ts.leading], ts.tlm);
      ts.tlm = tlm;
      ts.tm = tlm;
      break;
    }
    case OP.showText:
    case OP.showSpacedText:
      showText((args?.[0] ?? []) as Array<Glyph | number | null>, ts, ctm, viewport, boldRuns);
      break;
  }
  return ts;
}

function showText(
  glyphs: Array<Glyph | number | null>,
  ts: TextState,
  ctm: Matrix,
  viewport: Matrix,
  boldRuns: Box[],
): void {
  let advance = 0;
  for (const g of glyphs) {
    if (typeof g === 'number') advance -= (g / 1000) * ts.fontSize * ts.hScale;
    else if (g) {
      const w = ((g.width ?? 0) / 1000) * ts.fontSize + ts.charSpacing + (g.isSpace ? ts.wordSpacing : 0);
      advance += w * ts.hScale;
    }
  }
  const fakeBold = ts.renderMode === 2 || ts.renderMode === 6;
  if (fakeBold && advance > 0 && ts.fontSize > 0) {
    const m = multiply(multiply(ts.tm, ctm), viewport);
    const pts = [
      ...apply(m, 0, ts.rise), ...apply(m, advance, ts.rise),
      ...apply(m, 0, ts.rise + ts.fontSize), ...apply(m, advance, ts.rise + ts.fontSize),
    ];
    boldRuns.push(boundsOf(pts));
  }
  ts.tm = multiply([1, 0, 0, 1, advance, 0], ts.tm);
}
