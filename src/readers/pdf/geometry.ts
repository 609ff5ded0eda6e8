/** Small geometric and numeric helpers shared by the PDF stages. */

import type { Box } from './types.js';
import type { BBox } from '../../model/document.js';

/** A PDF affine matrix `[a, b, c, d, e, f]`. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m1` applied first, then `m2` (PDF's row-vector convention: p · m1 · m2). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  // Indexed, not destructured: destructuring runs the array iterator, whose result objects
  // were the largest source of garbage among gongkai's own functions (it runs per operator).
  const a1 = m1[0], b1 = m1[1], c1 = m1[2], d1 = m1[3], e1 = m1[4], f1 = m1[5];
  const a2 = m2[0], b2 = m2[1], c2 = m2[2], d2 = m2[3], e2 = m2[4], f2 = m2[5];
  return [
    a1 * a2 + b1 * c2,
    a1 * b2 + b1 * d2,
    c1 * a2 + d1 * c2,
    c1 * b2 + d1 * d2,
    e1 * a2 + f1 * c2 + e2,
    e1 * b2 + f1 * d2 + f2,
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Bounding box of a set of points given as a flat `[x, y, x, y, …]` list. */
export function boundsOf(points: number[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i]!, y = points[i + 1]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x0, y0, x1, y1 };
}

export function union(boxes: readonly Box[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return { x0, y0, x1, y1 };
}

/** Points to two decimals: finer than print, and stable in golden files. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function toBBox(b: Box): BBox {
  return [round2(b.x0), round2(b.y0), round2(b.x1), round2(b.y1)];
}

/** Length of the overlap of two intervals (0 when apart). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Groups numbers into clusters whose neighbours are at most `tol`
 * apart; returns each cluster's mean, ascending.
 */
export function clusterValues(values: readonly number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0, n = 0, last = -Infinity;
  for (const v of s) {
    if (n > 0 && v - last > tol) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n += 1;
    last = v;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/** Index of the value in ascending `sorted` nearest to `v` (-1 when empty). */
export function nearestIndex(sorted: readonly number[], v: number): number {
  let best = -1, bestDist = Infinity;
  for (let i = 0; i < sorted.length; i++) {
    const d = Math.abs(sorted[i]! - v);
    if (d < bestDist) {
      best = i;
      bestDist = d;
    }
  }
  return best;
}
