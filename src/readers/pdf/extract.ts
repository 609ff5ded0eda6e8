/**
 * Step 1: pdfjs → page primitives. One `getDocument` per file; for each page
 * the operator list (ruling lines, fake bold, and it loads the fonts whose
 * names tell real bold) and the text content.
 */

import { foldRadicals } from '../../text/cjk.js';
import { apply, boundsOf, overlap, round2, type Matrix } from './geometry.js';
import { walkOperators } from './graphics.js';
import { readingRotation } from './orientation.js';
import type { PdfDocument, PdfPage } from './load.js';
import type { Box, PagePrimitives, PdfPrimitives, TextItem } from './types.js';

/**
 * Glyph box relative to the baseline, in em. Fixed values rather than the
 * fonts' own ascent/descent, which vary wildly between CJK fonts; the stages
 * only need consistent boxes to compare.
 */
const ASCENT = 0.88;
const DESCENT = -0.12;

const BOLD_FONT_NAME = /bold|heavy|black|semibold|demi/i;

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/**
 * Decides from a page's text whether its drawings are worth reading: the
 * operator list costs as much as the text again (Type 3 fonts: several
 * times more), and only pages that may hold a table need ruling lines.
 */
export type GraphicsFilter = (items: readonly TextItem[]) => boolean;

export async function extractPrimitives(doc: PdfDocument, wantsGraphics: GraphicsFilter = () => true): Promise<PdfPrimitives> {
  const pages: PagePrimitives[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    // A table may go on over the page break with too little text to tell (one blank-zero row):
    // the page after one with ruling lines is always read in full.
    const ruled = (pages[pages.length - 1]?.segments.length ?? 0) > 0;
    pages.push(await extractPage(page, n, ruled ? () => true : wantsGraphics));
    page.cleanup();
  }
  const title = await readTitle(doc);
  return title ? { pages, title } : { pages };
}

async function readTitle(doc: PdfDocument): Promise<string | undefined> {
  try {
    const meta = await doc.getMetadata();
    const title = (meta.info as { Title?: unknown } | undefined)?.Title;
    return typeof title === 'string' && title.trim() ? title.trim() : undefined;
  } catch {
    return undefined;
  }
}

async function extractPage(page: PdfPage, n: number, wantsGraphics: GraphicsFilter): Promise<PagePrimitives> {
  const content = await page.getTextContent();
  // Read in the orientation where the text runs left to right (a /Rotate page drawn upright is read upright).
  const runs = content.items.flatMap((raw) => ('str' in raw && raw.str.trim() ? [{ transform: raw.transform as number[], chars: raw.str.length }] : []));
  const viewport = page.getViewport({ scale: 1, rotation: page.rotate ? readingRotation(page.rotate, runs) : 0 });
  const toPage = viewport.transform as Matrix;
  const items: TextItem[] = [];
  const fonts: string[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || !raw.str.trim()) continue;
    const item = toItem(raw as RawTextItem, n, toPage);
    if (!item) continue;
    items.push(item);
    fonts.push(raw.fontName);
  }
  const size = { page: n, width: viewport.width, height: viewport.height };
  if (!wantsGraphics(items)) return { ...size, items, segments: [] };
  // The operator list also makes pdfjs load the fonts into commonObjs, where their names tell bold.
  const ops = await page.getOperatorList();
  const graphics = walkOperators(ops.fnArray, ops.argsArray, toPage);
  const boldFonts = new Map<string, boolean>();
  items.forEach((item, i) => {
    item.bold = fontIsBold(page, fonts[i]!, boldFonts) || coveredBy(item, graphics.boldRuns);
  });
  return { ...size, items, segments: graphics.segments };
}

function toItem(raw: RawTextItem, page: number, toPage: Matrix): TextItem | null {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = raw.transform;
  const along = Math.hypot(a, b), up = Math.hypot(c, d);
  const size = up || along;
  if (!size || !Number.isFinite(size)) return null;
  // Unit vectors along the baseline and up the glyphs (handles rotated pages).
  const ux = along ? a / along : 1, uy = along ? b / along : 0;
  const vx = up ? c / up : 0, vy = up ? d / up : 1;
  const w = raw.width;
  const bx = e + vx * DESCENT * size, by = f + vy * DESCENT * size;
  const tx = vx * size, ty = vy * size;
  const corners = [
    ...apply(toPage, bx, by),
    ...apply(toPage, bx + ux * w, by + uy * w),
    ...apply(toPage, bx + tx, by + ty),
    ...apply(toPage, bx + ux * w + tx, by + uy * w + ty),
  ];
  const box = boundsOf(corners);
  const item: TextItem = { ...box, text: foldRadicals(raw.str), page, fontSize: round2(size), bold: false };
  // Page rotation is already in `toPage`; what is left is the text's own slant.
  const [dx, dy] = [toPage[0] * ux + toPage[2] * uy, toPage[1] * ux + toPage[3] * uy];
  if (Math.abs(dy) > 0.05 * Math.hypot(dx, dy)) item.rotated = true;
  return item;
}

function fontIsBold(page: PdfPage, fontName: string, cache: Map<string, boolean>): boolean {
  let bold = cache.get(fontName);
  if (bold === undefined) {
    bold = false;
    try {
      if (page.commonObjs.has(fontName)) {
        const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean; black?: boolean } | null;
        bold = Boolean(font?.bold || font?.black || BOLD_FONT_NAME.test(font?.name ?? ''));
      }
    } catch {
      bold = false;
    }
    cache.set(fontName, bold);
  }
  return bold;
}

/** True when fake-bold runs cover at least half of the item's width on its line. */
function coveredBy(item: Box, runs: readonly Box[]): boolean {
  if (runs.length === 0) return false;
  const width = item.x1 - item.x0;
  const height = item.y1 - item.y0;
  let covered = 0;
  for (const r of runs) {
    if (overlap(item.y0, item.y1, r.y0, r.y1) < height / 2) continue;
    covered += overlap(item.x0, item.x1, r.x0, r.x1);
  }
  return width > 0 && covered >= width / 2;
}
