/**
 * Reader for plain-text dumps of reports (text copied out of a PDF or a web
 * page, Markdown exports): one paragraph per line; runs of tab-separated
 * lines become a table, one row per line.
 */
import type { Block, Cell, DocumentModel, Table } from '../../model/document.js';
import { decodeText } from '../../text/decode.js';

/** Markdown decoration that is not text: heading marks, bold marks, list bullets. */
function plain(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .trim();
}

function tableOf(lines: string[]): Table {
  const cells: Cell[] = [];
  let cols = 0;
  lines.forEach((line, row) => {
    const parts = line.split('\t').map((p) => plain(p));
    parts.forEach((text, col) => cells.push({ row, col, rowSpan: 1, colSpan: 1, text, page: null }));
    cols = Math.max(cols, parts.length);
  });
  return { kind: 'table', rows: lines.length, cols, cells, page: null, strategy: 'markup' };
}

export function textToModel(text: string): DocumentModel {
  const blocks: Block[] = [];
  let tableLines: string[] = [];
  const flushTable = () => {
    if (tableLines.length) blocks.push(tableOf(tableLines));
    tableLines = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    if (raw.includes('\t')) {
      tableLines.push(raw);
      continue;
    }
    const line = plain(raw);
    if (!line) continue;
    flushTable();
    blocks.push({ kind: 'paragraph', text: line, page: null, style: {} });
  }
  flushTable();
  return { format: 'txt', pageCount: null, metadata: {}, blocks, warnings: [] };
}

export async function readTxt(bytes: Uint8Array): Promise<DocumentModel> {
  return textToModel(decodeText(bytes));
}
