/**
 * Page primitives: what step 1 (pdfjs) hands to the pure stages of step 2.
 *
 * All coordinates are PDF points with the origin at the page's top-left
 * corner (x right, y down), the convention of `BBox` in the document model.
 */

/** Options of `readPdf`. */
export interface PdfReadOptions {
  /** Password of an encrypted PDF. */
  password?: string;
  /** The national template's printed labels; they guide tables without ruling lines. */
  hints?: TableHints;
  /** Refuse documents with more pages than this (default 1000): an annual report has a few dozen. */
  maxPages?: number;
  /** Which pages to read by OCR (default `auto`: those without a usable text layer). */
  ocr?: 'off' | 'auto' | 'force';
  /** Milliseconds one OCR'd page may take before the rest are left unread. */
  ocrPageBudgetMs?: number;
}

/**
 * Flat lists of the row and column labels printed in the national template
 * (e.g. `自然人`, `总计`, `一、本年新收政府信息公开申请数量`, `（三）不予公开`).
 */
export interface TableHints {
  columnLabels: string[];
  rowLabels: string[];
}

/** An axis-aligned rectangle, top-left origin. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One run of text as pdfjs reports it, already placed on the page. */
export interface TextItem extends Box {
  text: string;
  page: number;
  fontSize: number;
  bold: boolean;
  /** Set when the baseline is not horizontal (a watermark, or a rotated table heading). */
  rotated?: boolean;
  /** Set on text read by OCR: the recogniser's confidence, 0–1 (its weakest character). */
  confidence?: number;
}

/**
 * A ruling line: horizontal when `y0 === y1`, vertical when `x0 === x1`;
 * always `x0 <= x1` and `y0 <= y1`.
 */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PagePrimitives {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: TextItem[];
  segments: Segment[];
  /**
   * OCR'd pages with a dropped stamp: areas (points) where a whole digit
   * may be hidden under it, at least `digitHeight` points tall.
   */
  stampCover?: { areas: Box[]; digitHeight: number };
}

export interface PdfPrimitives {
  pages: PagePrimitives[];
  /** PDF Info Title, when present and not blank. */
  title?: string;
}
