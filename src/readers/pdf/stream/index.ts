/**
 * Tables without ruling lines ("stream"): web pages printed to PDF draw
 * tables with no borders at all. Regions are found among the text lines
 * (what lattice tables and page furniture left), cut where small tables
 * printed one under the other change columns, then each piece becomes a
 * grid guided by the alignment of its numbers and the template's labels.
 */

import type { PageLines } from '../furniture.js';
import type { TextLine } from '../lines.js';
import type { TableHints } from '../types.js';
import { indexHints } from './hints.js';
import { splitRegion } from './pieces.js';
import { findRegions } from './regions.js';
import { buildStreamTable, type StreamTable } from './table.js';

export type { StreamTable } from './table.js';

export interface StreamResult {
  tables: StreamTable[];
  /** Lines that belong to a table and must not become paragraphs. */
  used: Set<TextLine>;
}

export function findStreamTables(pages: readonly PageLines[], hints?: TableHints): StreamResult {
  const index = indexHints(hints);
  const tables: StreamTable[] = [];
  const used = new Set<TextLine>();
  for (const piece of findRegions(pages).flatMap(splitRegion)) {
    const table = buildStreamTable(piece, index);
    if (!table) continue;
    tables.push(table);
    for (const line of piece.lines) used.add(line);
  }
  return { tables, used };
}
