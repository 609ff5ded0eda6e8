/**
 * The one document model every reader produces (DOCX, HTML, PDF, …) and every
 * later stage consumes. Nothing after the readers knows the input format.
 *
 * Conventions:
 * - `page` is 1-based; `null` for formats without pages (DOCX, HTML).
 * - `BBox` is `[x0, y0, x1, y1]` in PDF points with the origin at the page's
 *   top-left corner, x to the right and y downwards. It is present only when
 *   the reader knows where the thing was printed.
 * - Everything is plain data and JSON-serialisable (it crosses worker threads
 *   and is what `gongkai debug` prints).
 */

export type BBox = [number, number, number, number];

export type SourceFormat = 'pdf' | 'docx' | 'doc' | 'html' | 'txt' | 'image';

export interface TextStyle {
  /** Font size in points, when known. */
  fontSize?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
}

/** One printed text line (PDF readers), kept for provenance and debugging. */
export interface Line {
  text: string;
  page: number;
  bbox: BBox;
  fontSize?: number;
  bold?: boolean;
}

/**
 * A paragraph of running text: a heading, a body paragraph, a signature line.
 * Lines that a PDF wrapped inside the paragraph are already joined (no space
 * between CJK characters).
 */
export interface Paragraph {
  kind: 'paragraph';
  text: string;
  page: number | null;
  bbox?: BBox;
  style: TextStyle;
  lines?: Line[];
}

/**
 * One cell of a table grid. A merged cell is one `Cell` whose span covers
 * several grid positions. `text` is the cell's whole content, wrapped lines
 * joined; `''` for an empty cell. A table split across pages has cells on
 * several pages.
 */
export interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  page: number | null;
  bbox?: BBox;
  /** Read by OCR: the weakest confidence (0–1) of the text in the cell. */
  confidence?: number;
  /** OCR: part of the cell lies under a stamp that could hide a whole digit (its confidence is capped). */
  occluded?: true;
}

export type TableStrategy = 'markup' | 'lattice' | 'stream';

export interface Table {
  kind: 'table';
  /** Grid size; every position is covered by at most one cell. */
  rows: number;
  cols: number;
  cells: Cell[];
  /** Page of the first row (null without pages). */
  page: number | null;
  bbox?: BBox;
  /** How the grid was found: from markup (DOCX/HTML), ruling lines, or text alignment. */
  strategy: TableStrategy;
}

export type Block = Paragraph | Table;

export interface PageInfo {
  /** Page size in points. */
  width: number;
  height: number;
}

export interface DocumentModel {
  format: SourceFormat;
  /** PDF page count; null for formats without pages. */
  pageCount: number | null;
  pages?: PageInfo[];
  /** Document metadata as stored in the file (PDF Info, DOCX core properties, HTML <title>). */
  metadata: { title?: string };
  /** Paragraphs and tables in reading order. */
  blocks: Block[];
  /** Problems the reader met but could work around. */
  warnings: string[];
}

/**
 * Raised by a reader when the input cannot be read at all (corrupt, encrypted,
 * no text layer …). The message is shown to users as the output's warning.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}
