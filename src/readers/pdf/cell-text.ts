/** The text of one table cell from the items printed inside it. */

import { joinWrapped } from '../../text/cjk.js';
import { buildLines, joinItems } from './lines.js';
import type { TextItem } from './types.js';

/**
 * Lines top to bottom, wrapped lines joined without a space between CJK
 * characters, so a narrow header printed one character per line
 * (自 / 然 / 人) reads 自然人.
 */
/** The weakest OCR confidence among the items; undefined when none was read by OCR. */
export function ocrConfidence(items: readonly TextItem[]): number | undefined {
  let min: number | undefined;
  for (const it of items) if (it.confidence !== undefined) min = Math.min(min ?? 1, it.confidence);
  return min;
}

export function cellText(items: readonly TextItem[]): string {
  if (items.length === 0) return '';
  // Most cells hold one item (a count): its line is itself.
  if (items.length === 1) return joinItems(items);
  return buildLines(items).reduce((acc, line) => joinWrapped(acc, line.text), '');
}
