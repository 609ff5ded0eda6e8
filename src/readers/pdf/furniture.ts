/**
 * Page furniture: page numbers and running headers/footers. They sit in the
 * top or bottom margin and would otherwise end up inside section text, or
 * break a paragraph that continues on the next page.
 */

import type { TextLine } from './lines.js';

/** Share of the page height, at the top and at the bottom, where furniture lives. */
const MARGIN_SHARE = 0.12;
/** How far apart (points) the same header may sit on two pages. */
const SAME_PLACE = 8;

const PAGE_NUMBER = [
  /^[-－—–~·•]*\d{1,4}[-－—–~·•]*$/, // 3, -3-, — 3 —
  /^第\d{1,4}页$/, // 第3页
  /^第\d{1,4}页[,，]?共\d{1,4}页$/, // 第3页共6页
  /^共\d{1,4}页[,，]?第\d{1,4}页$/, // 共6页第3页
  /^\d{1,4}\/\d{1,4}$/, // 3/6
  /^(page)?\d{1,4}(of\d{1,4})?$/i, // Page 3 of 6
];

export interface PageLines {
  page: number;
  width: number;
  height: number;
  /** Top to bottom. */
  lines: TextLine[];
}

export function isPageNumber(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** Removes page numbers and running headers/footers; returns the kept lines per page. */
export function removeFurniture(pages: readonly PageLines[]): PageLines[] {
  const repeated = repeatedKeys(pages);
  return pages.map((p) => ({
    ...p,
    lines: p.lines.filter((line, k) => {
      if (!inMargin(line, p.height)) return true;
      if (isPageNumber(line.text) && placedLikePageNumber(line, k, p)) return false;
      return !placeKeys(line, p.height).some((key) => repeated.has(key));
    }),
  }));
}

/**
 * Page numbers are the first or last lines of a page, centred on it or
 * pushed to a side — unlike a lone number in a table's column that happens
 * to sit near the page bottom.
 */
function placedLikePageNumber(line: TextLine, index: number, p: PageLines): boolean {
  const extreme = index < 2 || index >= p.lines.length - 2;
  const cx = (line.x0 + line.x1) / 2;
  const centred = Math.abs(cx - p.width / 2) < p.width * 0.06;
  const aside = line.x0 < p.width * 0.2 || line.x1 > p.width * 0.8;
  return extreme && (centred || aside);
}

function inMargin(line: TextLine, height: number): boolean {
  return line.y1 <= height * MARGIN_SHARE || line.y0 >= height * (1 - MARGIN_SHARE);
}

/** Text with digits blanked, so `第2页` and `第3页` or dates in a header compare equal. */
function shape(text: string): string {
  return text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#');
}

/**
 * Identity of a running header: margin band, position bucket and shape.
 * A line near a bucket edge gets both neighbouring buckets.
 */
function placeKeys(line: TextLine, height: number): string[] {
  const top = line.y1 <= height * MARGIN_SHARE;
  const y = top ? line.y0 : height - line.y1;
  const s = shape(line.text);
  const band = top ? 'T' : 'B';
  const k = y / SAME_PLACE;
  return [...new Set([Math.floor(k), Math.ceil(k)])].map((n) => `${band}|${n}|${s}`);
}

/**
 * Keys of margin lines printed at the same place on several pages: on at
 * least two pages and on at least half of them (a title page often has none).
 */
function repeatedKeys(pages: readonly PageLines[]): Set<string> {
  const seen = new Map<string, Set<number>>();
  for (const p of pages) {
    for (const line of p.lines) {
      if (!inMargin(line, p.height)) continue;
      for (const key of placeKeys(line, p.height)) {
        let set = seen.get(key);
        if (!set) seen.set(key, (set = new Set()));
        set.add(p.page);
      }
    }
  }
  const need = Math.max(2, Math.ceil(pages.length / 2));
  const out = new Set<string>();
  for (const [key, set] of seen) if (set.size >= need) out.add(key);
  return out;
}
