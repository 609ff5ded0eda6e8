import type { Block, DocumentModel, Table } from '../../src/model/document.js';
import { htmlToModel } from '../../src/readers/html/index.js';

/** Blocks from a compact HTML string: the quickest way to write tables with spans in a test. */
export function blocksOf(html: string): Block[] {
  return htmlToModel(html, 'html').blocks;
}

export function tablesOf(html: string): Table[] {
  return blocksOf(html).filter((b): b is Table => b.kind === 'table');
}

export function modelOf(html: string): DocumentModel {
  return htmlToModel(html, 'html');
}

/** `<tr>` of plain cells: `row('规章', 0, 0, 0)`. */
export function row(...cells: (string | number)[]): string {
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}
