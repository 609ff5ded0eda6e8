/**
 * Raw paragraphs → blocks. Body paragraphs become `Paragraph`s; table
 * paragraphs ([MS-DOC] Overview of Tables) are gathered into rows and
 * handed to the grid builder. sprmPItap gives a paragraph's table depth. At
 * depth 1 a cell ends with a 0x07 mark and a row with a 0x07 whose PAPX has
 * sprmPFTtp and the row definition; in nested tables (depth > 1) cells end
 * with paragraphs marked sprmPFInnerTableCell and rows with sprmPFInnerTtp.
 */
import type { Block } from '../../model/document.js';
import { buildTable, type CellItem, type SourceRow } from './grid.js';
import type { NumberingRenderer } from './lists.js';
import { paragraphBlocks, toPara } from './para.js';
import type { RawParagraph } from './text.js';

/** A table being read: finished rows, the current row's finished cells, the current cell. */
interface OpenTable {
  rows: SourceRow[];
  cells: CellItem[][];
  cell: CellItem[];
  afterCellEnd: boolean;
}

const openTable = (): OpenTable => ({ rows: [], cells: [], cell: [], afterCellEnd: false });

function finish(t: OpenTable, warnings: string[]): Block[] {
  // Table text after the last row mark (a truncated table): keep it as a last row.
  if (t.cell.length) t.cells.push(t.cell);
  if (t.cells.length) t.rows.push({ cells: t.cells });
  return t.rows.length ? buildTable(t.rows, warnings) : [];
}

/** Does this paragraph end a cell, or a row, of the table at its depth? */
function markKind(p: RawParagraph, t: OpenTable, empty: boolean): 'row' | 'cell' | undefined {
  if (p.props.itap > 1) return p.props.innerTtp ? 'row' : p.props.innerCell ? 'cell' : undefined;
  if (p.mark !== 'cell') return undefined;
  // Writers that omit sprmPFTtp still put the row definition on an empty mark right after a cell end.
  return p.props.ttp || (!!p.props.row && t.afterCellEnd && empty) ? 'row' : 'cell';
}

export function toBlocks(raw: RawParagraph[], numbering: NumberingRenderer, warnings: string[]): Block[] {
  const blocks: Block[] = [];
  const stack: OpenTable[] = [];

  /** Closes tables deeper than `depth`; a nested table becomes content of the cell around it. */
  const closeTo = (depth: number) => {
    while (stack.length > depth) {
      const done = finish(stack.pop()!, warnings);
      const outer = stack[stack.length - 1];
      if (outer) outer.cell.push({ nested: done });
      else blocks.push(...done);
    }
  };

  for (const p of raw) {
    const para = toPara(p, numbering);
    const depth = p.props.itap;
    closeTo(depth);
    while (stack.length < depth) stack.push(openTable());
    const t = stack[depth - 1];
    if (!t) {
      blocks.push(...paragraphBlocks(para));
      continue;
    }
    const kind = markKind(p, t, !para.lines.length);
    if (kind === 'row') {
      if (t.cell.length) t.cells.push(t.cell);
      t.rows.push(p.props.row ? { cells: t.cells, def: p.props.row } : { cells: t.cells });
      t.cells = [];
      t.cell = [];
    } else {
      t.cell.push(para);
      if (kind === 'cell') {
        t.cells.push(t.cell);
        t.cell = [];
      }
    }
    t.afterCellEnd = kind === 'cell';
  }
  closeTo(0);
  return blocks;
}
