/**
 * Is there a text layer worth reading? A scan has (almost) no text; a PDF
 * whose fonts lack a ToUnicode map yields garbage — ASCII punctuation
 * runs, control or private-use characters, or ideographs in random order.
 */

import type { PagePrimitives } from './types.js';

export const NO_TEXT_LAYER = 'no usable text layer (scanned?)';

const IDEOGRAPH = /[\u3400-\u4DBF\u4E00-\u9FFF]/u;
const GARBAGE = /[\u0000-\u001F\u007F-\u009F\uE000-\uF8FF\uFFFD]/u;
/**
 * Characters that make up a large share of any Chinese prose (the, one,
 * person, and) and of every disclosure report (政府信息公开 …). Ideographs
 * decoded through a wrong glyph mapping almost never hit them.
 */
const COMMON = new Set('的一是在了和有人不年政府信息公开工作情况申请本部门办理');

/** Minimum ideographs in the whole document. */
const MIN_IDEOGRAPHS = 20;

export interface TextLayerStats {
  chars: number;
  ideographs: number;
  garbage: number;
  common: number;
}

export function textLayerStats(pages: readonly PagePrimitives[]): TextLayerStats {
  const s: TextLayerStats = { chars: 0, ideographs: 0, garbage: 0, common: 0 };
  for (const p of pages) {
    for (const it of p.items) {
      for (const ch of it.text) {
        if (/\s/.test(ch)) continue;
        s.chars++;
        if (IDEOGRAPH.test(ch)) {
          s.ideographs++;
          if (COMMON.has(ch)) s.common++;
        } else if (GARBAGE.test(ch)) s.garbage++;
      }
    }
  }
  return s;
}

export function hasUsableText(s: TextLayerStats): boolean {
  if (s.ideographs < MIN_IDEOGRAPHS) return false;
  if (s.ideographs < s.chars * 0.2) return false;
  if (s.garbage > s.chars * 0.05) return false;
  return s.common >= s.ideographs * 0.04;
}
