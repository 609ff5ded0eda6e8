/**
 * The one registry of input formats: how each is recognised and which reader
 * reads it. The facade and the CLI derive everything from this list; adding a
 * format is adding an entry. Readers are imported lazily, so a run over PDFs
 * never loads mammoth or cheerio and vice versa.
 */
import type { DocumentModel, SourceFormat } from '../model/document.js';

export interface ReadOptions {
  /** Password for an encrypted PDF. */
  password?: string;
  /** Known template labels, for readers that rebuild tables from text alignment. */
  hints?: { columnLabels: string[]; rowLabels: string[] };
  /** Which pages to read by OCR: `off`, `auto` (default: pages without a usable text layer), `force`. */
  ocr?: 'off' | 'auto' | 'force';
  /** Milliseconds one OCR'd page may take. */
  ocrPageBudgetMs?: number;
}

export type Reader = (bytes: Uint8Array, options: ReadOptions) => Promise<DocumentModel>;

export interface FormatEntry {
  format: SourceFormat;
  /** File name extensions, lower case, without the dot. */
  extensions: string[];
  /** Recognises the format from the file's bytes (magic numbers), whatever its name. */
  sniff(bytes: Uint8Array): boolean;
  load(): Promise<Reader>;
}

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function asciiHead(bytes: Uint8Array, n: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(n, bytes.byteLength)).toString('latin1');
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const FORMATS: FormatEntry[] = [
  {
    format: 'pdf',
    extensions: ['pdf'],
    // The header may follow some junk bytes; readers accept it within the first KiB.
    sniff: (b) => asciiHead(b, 1024).includes('%PDF-'),
    load: async () => (await import('./pdf/index.js')).readPdf,
  },
  {
    format: 'docx',
    extensions: ['docx', 'docm', 'dotx'],
    // A zip whose entry names (stored uncompressed) include the Word body part.
    sniff: (b) => startsWith(b, ZIP) && Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes('word/document.xml'),
    load: async () => (await import('./docx/index.js')).readDocx,
  },
  {
    format: 'doc',
    extensions: ['doc', 'wps'],
    sniff: (b) => startsWith(b, OLE2),
    load: async () => (await import('./doc/index.js')).readDoc,
  },
  {
    format: 'html',
    extensions: ['html', 'htm', 'shtml', 'xhtml', 'mht'],
    sniff: (b) => /<(!doctype\s+html|html|head|body|meta|table|p|div)[\s>]/i.test(asciiHead(b, 2048)),
    load: async () => (await import('./html/index.js')).readHtml,
  },
  {
    format: 'image',
    extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff'],
    // JPEG, PNG, TIFF (little- and big-endian).
    sniff: (b) => startsWith(b, [0xff, 0xd8, 0xff]) || startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]),
    load: async () => (await import('./image/index.js')).readImage,
  },
  {
    format: 'txt',
    extensions: ['txt', 'md', 'text'],
    sniff: () => false,
    load: async () => (await import('./txt/index.js')).readTxt,
  },
];

/**
 * The format of a file: by its bytes first (a PDF named .doc is read as a
 * PDF), then by its extension; undefined when neither tells.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): FormatEntry | undefined {
  const byBytes = FORMATS.find((f) => f.sniff(bytes));
  if (byBytes) return byBytes;
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const byName = FORMATS.find((f) => f.extensions.includes(ext));
  // A zip or OLE file that is not a Word document is not readable as text either.
  if (byName && !startsWith(bytes, ZIP) && !startsWith(bytes, OLE2) && !bytes.includes(0)) return byName;
  return undefined;
}
