/**
 * Which pages may hold a table, judged from their text alone: the pages
 * whose ruling lines are worth reading (the operator list costs as much as
 * the text again, Type 3 fonts several times more). A page qualifies with a
 * few numbers standing apart from any other text, as table cells do (in
 * running text a number touches its words: `2021` `年`), or short text
 * items that are the national template's header words or row labels (a
 * table 四 of blank cells has no numbers at all; a table's last row may sit
 * alone on the next page). Wrongly including a page costs time; wrongly
 * excluding one would lose a table, so the test is generous.
 */
import { canonical } from '../../text/labels.js';
import { parseCellValue } from '../../template/cell-value.js';
import type { GraphicsFilter } from './extract.js';
import type { TableHints, TextItem } from './types.js';

const MIN_CELLS = 3;

function isNumber(t: string): boolean {
  return t.length <= 12 && /\d/.test(t) && parseCellValue(t).value !== null;
}

/** No other item on its line within half a character of it. */
function standsApart(it: TextItem, items: readonly TextItem[]): boolean {
  const gap = it.fontSize * 0.5;
  for (const o of items) {
    if (o === it || o.y1 <= it.y0 || o.y0 >= it.y1) continue;
    if (o.x1 > it.x0 - gap && o.x0 < it.x1 + gap) return false;
  }
  return true;
}

/** Longer items are running text, not a table's label cell. */
const MAX_LABEL_ITEM = 24;

export function mayHoldTable(hints: TableHints): GraphicsFilter {
  const words = new Set([...hints.columnLabels, ...hints.rowLabels].map(canonical));
  const isLabel = (t: string) => {
    if (t.length > MAX_LABEL_ITEM) return false;
    if (words.has(t)) return true;
    for (const w of words) if (w.length >= 4 && t.includes(w)) return true;
    return false;
  };
  return (items) => {
    let cells = 0;
    for (const it of items) {
      const t = canonical(it.text);
      if ((isNumber(t) ? standsApart(it, items) : isLabel(t)) && ++cells >= MIN_CELLS) return true;
    }
    return false;
  };
}
