/**
 * Tokens: the units the stream-table stage arranges. Usually one pdfjs item;
 * an item holding several space-separated numbers (`0 0 0`) is split so each
 * number can find its column.
 */

import type { TextItem } from '../types.js';
import { isValueText } from '../values.js';

export { isValueText };

export interface Token {
  text: string;
  page: number;
  x0: number;
  x1: number;
  /** Page coordinates (top-left origin). */
  y0: number;
  y1: number;
  /** Continuous y across the pages of one table (see `regions.ts`). */
  cy0: number;
  cy1: number;
  fontSize: number;
  value: boolean;
}

/**
 * Splits an item at its spaces when at least one word is a value, placing
 * words by their share of the item's width (full-width characters count
 * twice as wide as others).
 */
export function tokenize(item: TextItem, dy: number): Token[] {
  const text = item.text.trim();
  // Most items are one word (a label, a number): no splitting to do.
  if (!/\s/.test(text)) return [token(item, dy, text, item.x0, item.x1)];
  const words = text.split(/\s+/);
  if (!words.some(isValueText)) return [token(item, dy, text.replace(/\s+/g, ' '), item.x0, item.x1)];
  const weight = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const total = weight(item.text);
  const unit = total > 0 ? (item.x1 - item.x0) / total : 0;
  const out: Token[] = [];
  let pos = 0;
  for (const part of item.text.split(/(\s+)/)) {
    const w = weight(part);
    if (part.trim()) {
      const x0 = item.x0 + pos * unit;
      out.push(token(item, dy, part, x0, x0 + w * unit));
    }
    pos += w;
  }
  return out;
}

function token(item: TextItem, dy: number, text: string, x0: number, x1: number): Token {
  return { text, page: item.page, x0, x1, y0: item.y0, y1: item.y1, cy0: item.y0 + dy, cy1: item.y1 + dy, fontSize: item.fontSize, value: isValueText(text) };
}

export function centre(t: { x0: number; x1: number }): number {
  return (t.x0 + t.x1) / 2;
}

/**
 * Rejoins pieces of one run that the producer split (Chromium starts a new
 * text run wherever the font subset changes: 行 | 政许可, 规范性 | 文 | 件).
 * Pieces touch; neighbouring cells never do.
 */
export function mergeTouching(tokens: readonly Token[]): Token[] {
  const sorted = [...tokens].sort((a, b) => a.x0 - b.x0);
  const out: Token[] = [];
  for (const t of sorted) {
    const prev = out[out.length - 1];
    if (prev && t.x0 - prev.x1 <= TOUCH_EM * Math.min(prev.fontSize, t.fontSize) && t.x0 >= prev.x0) {
      const text = prev.text + t.text;
      out[out.length - 1] = {
        ...prev,
        text,
        x1: Math.max(prev.x1, t.x1),
        y0: Math.min(prev.y0, t.y0),
        y1: Math.max(prev.y1, t.y1),
        cy0: Math.min(prev.cy0, t.cy0),
        cy1: Math.max(prev.cy1, t.cy1),
        value: isValueText(text),
      };
    } else out.push(t);
  }
  return out;
}

const TOUCH_EM = 0.2;
