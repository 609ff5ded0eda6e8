/**
 * Step 2: page primitives → blocks, with no pdfjs in sight (unit-testable
 * with in-memory primitives). Order of the stages matters: ruled tables
 * claim their items first, then lines are rebuilt from what is left, page
 * furniture is dropped, tables without rulings are found among the lines,
 * and the remaining lines become paragraphs.
 */

import type { Block, Paragraph, Table } from '../../model/document.js';
import { removeFurniture, type PageLines } from './furniture.js';
import { findLatticeTables, contains } from './lattice.js';
import { markOccludedCells } from './occluded.js';
import { measureLayout } from './layout.js';
import { buildLines, type TextLine } from './lines.js';
import { joinTables, sameFrame } from './join.js';
import { buildParagraphs, type FlowEntry } from './paragraphs.js';
import { findStreamTables } from './stream/index.js';
import type { Box, PdfPrimitives, TableHints } from './types.js';

/** A table part as printed on one page: where it sits in the text flow. */
interface PlacedTable {
  table: Table;
  page: number;
  box: Box;
  /** Pages and boxes of parts joined into it (continuations). */
  parts: Array<{ page: number; box: Box }>;
}

export interface BuiltDocument {
  blocks: Block[];
  warnings: string[];
}

/**
 * Page primitives (PDF points, top-left origin) → the document's blocks in
 * reading order (paragraphs and tables, tables joined across pages), with
 * warnings for pages without text. `hints` (the templates' table words)
 * let tables without ruling lines be found. The stages are listed above.
 */
export function buildBlocks(prims: PdfPrimitives, hints?: TableHints): BuiltDocument {
  const warnings = prims.pages.filter((p) => p.items.length === 0).map((p) => `page ${p.page}: no text layer (scanned page?)`);
  let slanted = 0;
  const placed: PlacedTable[] = [];
  const pageLines: PageLines[] = prims.pages.map((p) => {
    const lattice = findLatticeTables(p.page, p.segments, p.items);
    for (const t of lattice) placed.push({ table: t.table, page: p.page, box: t.box, parts: [{ page: p.page, box: t.box }] });
    const outside = p.items.filter((it) => !lattice.some((t) => contains(t.box, it)));
    // Slanted text outside tables is a watermark or a stamp, not part of the text flow.
    const free = outside.filter((it) => !it.rotated);
    slanted += outside.length - free.length;
    return { page: p.page, width: p.width, height: p.height, lines: buildLines(free) };
  });
  if (slanted) warnings.push(`${slanted} rotated text item(s) outside tables ignored (watermark?)`);
  const kept = removeFurniture(pageLines);
  const stream = findStreamTables(kept, hints);
  for (const t of stream.tables) placed.push({ table: t.table, page: t.parts[0]!.page, box: t.parts[0]!.box, parts: t.parts });
  markOccludedCells(placed.map((t) => t.table), prims.pages);
  const textPages = kept.map((p) => p.lines.filter((l) => !stream.used.has(l)));
  const joined = joinContinuations(placed, textPages);
  const layout = measureLayout(textPages);
  const paragraphs = buildParagraphs(flowOf(textPages, joined), layout);
  return { blocks: order(paragraphs, joined), warnings };
}

/** Sort key of a block's first part. */
function position(page: number, y: number): number {
  return page * 1e5 + y;
}

/**
 * Joins a table that ends a page to a table that starts the next one when
 * they share their left and right edges and no text lies between them.
 */
function joinContinuations(placed: PlacedTable[], textPages: TextLine[][]): PlacedTable[] {
  const sorted = [...placed].sort((a, b) => position(a.page, a.box.y0) - position(b.page, b.box.y0));
  const out: PlacedTable[] = [];
  for (const t of sorted) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, t, textPages)) {
      prev.table = joinTables(prev.table, t.table);
      prev.parts.push(...t.parts);
    } else out.push({ ...t, parts: [...t.parts] });
  }
  return out;
}

function continues(prev: PlacedTable, next: PlacedTable, textPages: TextLine[][]): boolean {
  const last = prev.parts[prev.parts.length - 1]!;
  if (next.page !== last.page + 1 || !sameFrame(prev.table, next.table)) return false;
  const linesOf = (page: number) => textPages.find((ls) => ls[0]?.page === page) ?? [];
  const textBelow = linesOf(last.page).some((l) => l.y0 > last.box.y1);
  const textAbove = linesOf(next.page).some((l) => l.y1 < next.box.y0);
  return !textBelow && !textAbove;
}

/** Lines in reading order with a barrier wherever a table part interrupts them. */
function flowOf(textPages: TextLine[][], tables: PlacedTable[]): FlowEntry[] {
  type Keyed = { key: number; entry: FlowEntry };
  const keyed: Keyed[] = [];
  for (const lines of textPages) for (const line of lines) keyed.push({ key: position(line.page, line.y0), entry: { kind: 'line', line } });
  for (const t of tables) for (const p of t.parts) keyed.push({ key: position(p.page, p.box.y0), entry: { kind: 'barrier' } });
  return keyed.sort((a, b) => a.key - b.key).map((k) => k.entry);
}

function order(paragraphs: Paragraph[], tables: PlacedTable[]): Block[] {
  const keyed: Array<{ key: number; block: Block }> = [
    ...paragraphs.map((p) => ({ key: position(p.page ?? 0, p.bbox?.[1] ?? 0), block: p as Block })),
    ...tables.map((t) => ({ key: position(t.page, t.box.y0), block: t.table as Block })),
  ];
  return keyed.sort((a, b) => a.key - b.key).map((k) => k.block);
}
