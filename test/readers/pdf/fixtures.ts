/** In-memory page primitives for the pure stages' tests. */

import type { PagePrimitives, Segment, TextItem } from '../../../src/readers/pdf/types.js';

export interface ItemOptions {
  size?: number;
  bold?: boolean;
  page?: number;
}

/** Width of a run: full-width characters take one em, others half. */
export function textWidth(text: string, size: number): number {
  return [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? size : size / 2), 0);
}

/** A text item whose box starts at (x, top). */
export function item(text: string, x: number, top: number, o: ItemOptions = {}): TextItem {
  const size = o.size ?? 10;
  return { text, x0: x, y0: top, x1: x + textWidth(text, size), y1: top + size, page: o.page ?? 1, fontSize: size, bold: o.bold ?? false };
}

/** An item centred on x. */
export function centred(text: string, cx: number, top: number, o: ItemOptions = {}): TextItem {
  const w = textWidth(text, o.size ?? 10);
  return item(text, cx - w / 2, top, o);
}

export function hline(y: number, x0: number, x1: number): Segment {
  return { x0, y0: y, x1, y1: y };
}

export function vline(x: number, y0: number, y1: number): Segment {
  return { x0: x, y0, x1: x, y1 };
}

/** All borders of a regular grid. */
export function gridLines(xs: number[], ys: number[]): Segment[] {
  const x0 = xs[0]!, x1 = xs[xs.length - 1]!, y0 = ys[0]!, y1 = ys[ys.length - 1]!;
  return [...ys.map((y) => hline(y, x0, x1)), ...xs.map((x) => vline(x, y0, y1))];
}

export function page(n: number, items: TextItem[], segments: Segment[] = []): PagePrimitives {
  return { page: n, width: 595, height: 842, items, segments };
}

/** A body-text paragraph: `lines` full lines then a short last line, at a 20 pt pitch. */
export function paragraph(first: string, lines: number, top: number, o: ItemOptions & { indent?: number; left?: number } = {}): TextItem[] {
  const size = o.size ?? 14;
  const left = o.left ?? 72;
  const out: TextItem[] = [];
  for (let i = 0; i <= lines; i++) {
    const x = left + (i === 0 ? (o.indent ?? 0) : 0);
    const full = Math.floor((520 - x) / size);
    const text = i === 0 ? (first + '的'.repeat(full)).slice(0, full) : i === lines ? '结束了。' : '的'.repeat(full);
    out.push(item(text, x, top + i * 20, { ...o, size }));
  }
  return out;
}
