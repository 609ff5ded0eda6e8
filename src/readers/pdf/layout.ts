/**
 * Document-wide layout statistics the paragraph stage measures lines
 * against: text column edges and the usual line pitch per font size.
 */

import type { TextLine } from './lines.js';

export interface Layout {
  /** Most common left edge of body lines (points). */
  left: number;
  /** Right edge that full lines reach (points). */
  right: number;
  /** Font size of most body text. */
  bodySize: number;
  /** Usual baseline-to-baseline distance inside a paragraph, per font size (rounded). */
  pitch: Map<number, number>;
}

export function measureLayout(pages: readonly TextLine[][]): Layout {
  const all = pages.flat();
  if (all.length === 0) return { left: 0, right: 0, bodySize: 12, pitch: new Map() };
  const bodySize = weightedMode(all.map((l) => [Math.round(l.fontSize), l.text.length]));
  const body = all.filter((l) => Math.round(l.fontSize) === bodySize);
  const left = leftEdge(body);
  const right = quantile(body.map((l) => l.x1), 0.9);
  return { left, right, bodySize, pitch: measurePitch(pages) };
}

/**
 * Pitch between consecutive lines of one size on one page; the lower
 * quartile, because inside-paragraph pitches are the smallest and most
 * frequent while paragraph gaps are larger.
 */
function measurePitch(pages: readonly TextLine[][]): Map<number, number> {
  const samples = new Map<number, number[]>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!, b = lines[i]!;
      const size = Math.round(a.fontSize);
      if (size !== Math.round(b.fontSize)) continue;
      const d = b.y1 - a.y1;
      if (d <= a.fontSize * 0.8 || d > a.fontSize * 4) continue;
      let list = samples.get(size);
      if (!list) samples.set(size, (list = []));
      list.push(d);
    }
  }
  const out = new Map<number, number>();
  for (const [size, list] of samples) if (list.length >= 2) out.set(size, quantile(list, 0.25));
  return out;
}

export function pitchFor(layout: Layout, fontSize: number): number {
  return layout.pitch.get(Math.round(fontSize)) ?? fontSize * 1.5;
}

/**
 * The text column's left edge: the leftmost position where a fair share of
 * lines start (continuation lines; first lines may be indented, and a stray
 * outdented line does not count).
 */
function leftEdge(lines: readonly TextLine[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.x0), (counts.get(Math.round(l.x0)) ?? 0) + 1);
  const need = Math.max(2, lines.length * 0.1);
  const common = [...counts].filter(([, c]) => c >= need).map(([x]) => x);
  return common.length ? Math.min(...common) : weightedMode(lines.map((l) => [Math.round(l.x0), 1]));
}

function weightedMode(pairs: ReadonlyArray<[number, number]>): number {
  const counts = new Map<number, number>();
  for (const [v, w] of pairs) counts.set(v, (counts.get(v) ?? 0) + w);
  let best = NaN, bestCount = -1;
  for (const [v, c] of counts) {
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1) + 0.5)))]!;
}
