/**
 * Walks one page's pdfjs operator list and collects what the text content
 * does not tell: ruling lines (table borders) and text drawn with a stroke
 * ("fake bold": LibreOffice and Ghostscript embolden fonts without a bold face,
 * such as AR PL UMing, by filling and stroking the glyphs, render mode 2).
 *
 * pdfjs leaves path coordinates untransformed, so the walker tracks the
 * current transformation matrix itself (save/restore/transform and form
 * XObjects). Layout of the 5.x list, verified on pdfjs-dist 5.6.205:
 * `constructPath` args are `[paintOp, [Float32Array path], minMax]`.
 */

import { apply, boundsOf, IDENTITY, multiply, type Matrix } from './geometry.js';
import { DRAW, OP } from './ops.js';
import { newTextState, textOp, type TextState } from './text-runs.js';
import type { Box, Segment } from './types.js';

/** Word/WPS/Chromium draw borders as filled rectangles; thinner than this they are lines. */
const MAX_LINE_THICKNESS = 2.5;
/** A drawn line deviating less than this from horizontal/vertical counts as axis-aligned. */
const AXIS_TOLERANCE = 0.5;
const MIN_SEGMENT_LENGTH = 1;

export interface PageGraphics {
  segments: Segment[];
  /** Boxes of text runs drawn with fill + stroke (fake bold). */
  boldRuns: Box[];
}

interface GState {
  ctm: Matrix;
  fill: string;
  stroke: string;
}

/**
 * @param viewport maps PDF user space to top-left-origin page points
 *   (pdfjs `page.getViewport({ scale: 1 }).transform`).
 */
export function walkOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  viewport: Matrix,
): PageGraphics {
  const out: PageGraphics = { segments: [], boldRuns: [] };
  let gs: GState = { ctm: IDENTITY, fill: '#000000', stroke: '#000000' };
  const stack: GState[] = [];
  let ts = newTextState();
  const textStack: TextState[] = [];

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OP.save:
        stack.push(gs);
        textStack.push(ts);
        gs = { ...gs };
        ts = { ...ts };
        break;
      case OP.restore:
        gs = stack.pop() ?? gs;
        ts = textStack.pop() ?? ts;
        break;
      case OP.transform:
        gs.ctm = multiply(toMatrix(args), gs.ctm);
        break;
      case OP.paintFormXObjectBegin:
        stack.push(gs);
        textStack.push(ts);
        gs = { ...gs };
        ts = { ...ts };
        if (args?.[0]) gs.ctm = multiply(toMatrix(args[0] as unknown[]), gs.ctm);
        break;
      case OP.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        ts = textStack.pop() ?? ts;
        break;
      case OP.setFillRGBColor:
        gs.fill = String(args?.[0] ?? '').toLowerCase();
        break;
      case OP.setStrokeRGBColor:
        gs.stroke = String(args?.[0] ?? '').toLowerCase();
        break;
      case OP.constructPath:
        collectPath(args, multiply(gs.ctm, viewport), gs, out.segments);
        break;
      default:
        ts = textOp(fn!, args, ts, gs.ctm, viewport, out.boldRuns);
    }
  }
  return out;
}

function toMatrix(args: unknown): Matrix {
  const a = args as ArrayLike<number> | null;
  if (!a || a.length < 6) return IDENTITY;
  return [a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!];
}

const WHITE = new Set(['#ffffff', '#fff', 'white']);

function collectPath(args: unknown[] | null, m: Matrix, gs: GState, out: Segment[]): void {
  if (!args) return;
  const paintOp = args[0] as number;
  const path = (args[1] as ArrayLike<unknown> | null)?.[0] as ArrayLike<number> | undefined;
  if (!path) return;
  const strokes = paintOp === OP.stroke || paintOp === OP.closeStroke || (paintOp >= OP.fillStroke && paintOp <= OP.closeEOFillStroke);
  const fills = paintOp >= OP.fill && paintOp <= OP.closeEOFillStroke;
  if (!strokes && !fills) return; // endPath (clipping) and other no-paint ops
  for (const sub of subpaths(path, m)) {
    if (strokes && !WHITE.has(gs.stroke)) strokeSegments(sub, out);
    if (fills && !WHITE.has(gs.fill)) thinFill(sub, out);
  }
}

/** A subpath as its transformed points; `closed` when it ended with closePath. */
interface Subpath {
  points: number[];
  /** Indices into `points` (by pair) where a straight segment starts. */
  lines: Array<[number, number]>;
}

function subpaths(path: ArrayLike<number>, m: Matrix): Subpath[] {
  const result: Subpath[] = [];
  let cur: Subpath | null = null;
  let start: [number, number] | null = null;
  let last: [number, number] | null = null;
  const push = (p: [number, number]) => {
    cur!.points.push(p[0], p[1]);
    last = p;
  };
  let i = 0;
  while (i < path.length) {
    const code = path[i++];
    if (code === DRAW.moveTo) {
      const p = apply(m, path[i]!, path[i + 1]!);
      i += 2;
      cur = { points: [], lines: [] };
      result.push(cur);
      start = p;
      push(p);
    } else if (code === DRAW.lineTo) {
      const p = apply(m, path[i]!, path[i + 1]!);
      i += 2;
      if (!cur) {
        cur = { points: [], lines: [] };
        result.push(cur);
        start = p;
        push(p);
        continue;
      }
      cur.lines.push([last![0], last![1]]);
      cur.lines.push(p);
      push(p);
    } else if (code === DRAW.curveTo || code === DRAW.quadraticCurveTo) {
      const n = code === DRAW.curveTo ? 6 : 4;
      const p = apply(m, path[i + n - 2]!, path[i + n - 1]!);
      i += n;
      if (cur) push(p);
    } else if (code === DRAW.closePath) {
      if (cur && start && last) {
        cur.lines.push([last[0], last[1]]);
        cur.lines.push(start);
        last = start;
      }
    } else {
      break; // unknown code: stop rather than misread the rest
    }
  }
  return result;
}

function strokeSegments(sub: Subpath, out: Segment[]): void {
  for (let k = 0; k + 1 < sub.lines.length; k += 2) {
    const [ax, ay] = sub.lines[k]!;
    const [bx, by] = sub.lines[k + 1]!;
    addAxisSegment(ax, ay, bx, by, out);
  }
}

function addAxisSegment(ax: number, ay: number, bx: number, by: number, out: Segment[]): void {
  const dx = Math.abs(ax - bx), dy = Math.abs(ay - by);
  if (dy <= AXIS_TOLERANCE && dx >= MIN_SEGMENT_LENGTH) {
    const y = (ay + by) / 2;
    out.push({ x0: Math.min(ax, bx), y0: y, x1: Math.max(ax, bx), y1: y });
  } else if (dx <= AXIS_TOLERANCE && dy >= MIN_SEGMENT_LENGTH) {
    const x = (ax + bx) / 2;
    out.push({ x0: x, y0: Math.min(ay, by), x1: x, y1: Math.max(ay, by) });
  }
}

/** A filled shape thinner than a pen stroke is a line along its long side. */
function thinFill(sub: Subpath, out: Segment[]): void {
  if (sub.points.length < 6) return;
  const b = boundsOf(sub.points);
  const w = b.x1 - b.x0, h = b.y1 - b.y0;
  if (h <= MAX_LINE_THICKNESS && w >= MIN_SEGMENT_LENGTH && w > h) {
    const y = (b.y0 + b.y1) / 2;
    out.push({ x0: b.x0, y0: y, x1: b.x1, y1: y });
  } else if (w <= MAX_LINE_THICKNESS && h >= MIN_SEGMENT_LENGTH && h > w) {
    const x = (b.x0 + b.x1) / 2;
    out.push({ x0: x, y0: b.y0, x1: x, y1: b.y1 });
  }
}
