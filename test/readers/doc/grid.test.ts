import { buildTable, type SourceRow } from '../../../src/readers/doc/grid.js';
import { applyTableSprm, type RowDef } from '../../../src/readers/doc/row-def.js';
import { denseGrid } from '../../../src/model/grid.js';
import type { Table } from '../../../src/model/document.js';

const para = (text: string) => ({ lines: text ? [text] : [], style: {} });

/** A row definition with these boundaries and no merges. */
function def(centers: number[]): RowDef {
  return { centers, cells: centers.slice(1).map(() => ({ horzMerge: 0 as const, vertMerge: 0 as const })) };
}

function row(texts: string[], d: RowDef): SourceRow {
  return { cells: texts.map((t) => [para(t)]), def: d };
}

function grid(rows: SourceRow[]): (string | undefined)[][] {
  const [t] = buildTable(rows, []) as Table[];
  return denseGrid(t!).map((r) => r.map((c) => c?.text));
}

/** sprmTDefTable operand (without its size): itcMac, rgdxaCenter, TC80s with these TCGRF flags. */
function defTableOperand(centers: number[], tcgrf: number[]): Uint8Array {
  const bytes = [centers.length - 1];
  for (const c of centers) bytes.push(c & 0xff, (c >> 8) & 0xff);
  for (const f of tcgrf) bytes.push(f & 0xff, f >> 8, ...new Array<number>(18).fill(0));
  return Uint8Array.from(bytes);
}

describe('the .doc table grid', () => {
  it('gives a cell that spans boundaries of other rows a column span', () => {
    expect(grid([
      row(['项目', '法人或其他组织'], def([0, 2000, 5000])),
      row(['', '商业企业', '科研机构', '其他'], def([0, 2000, 3000, 4000, 5000])),
    ])).toEqual([
      ['项目', '法人或其他组织', '法人或其他组织', '法人或其他组织'],
      ['', '商业企业', '科研机构', '其他'],
    ]);
  });

  it('treats boundaries a few twips apart as one grid line', () => {
    expect(grid([
      row(['a', 'b'], def([0, 2000, 4000])),
      row(['c', 'd'], def([5, 2030, 3990])),
    ])).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('joins a vertically merged cell to the one above, keeping the text of the first', () => {
    const restart = def([0, 2000, 4000]);
    restart.cells[0]!.vertMerge = 3;
    const merged = def([0, 2000, 4000]);
    merged.cells[0]!.vertMerge = 1;
    const [t] = buildTable([row(['三、本年度办理结果', '（一）予以公开'], restart), row(['', '（二）部分公开'], merged), row(['', '（三）不予公开'], merged)], []) as Table[];
    expect(t!.cells[0]).toMatchObject({ row: 0, col: 0, rowSpan: 3, colSpan: 1, text: '三、本年度办理结果' });
    expect(t!.cells).toHaveLength(4);
  });

  it('folds a legacy horizontally merged cell into the first cell of the merge', () => {
    const merged = def([0, 1000, 2000, 3000]);
    merged.cells[0]!.horzMerge = 1;
    merged.cells[1]!.horzMerge = 2;
    expect(grid([row(['合计', '', '9'], merged), row(['a', 'b', 'c'], def([0, 1000, 2000, 3000]))])).toEqual([
      ['合计', '合计', '9'],
      ['a', 'b', 'c'],
    ]);
  });

  it('reads a narrow box around whole paragraphs as paragraphs', () => {
    const long = '正文'.repeat(150);
    const blocks = buildTable([row([long, 'x'], def([0, 4000, 8000]))], []);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('keeps a data table with a long note row as a table', () => {
    const blocks = buildTable([
      row(['a', 'b', 'c'], def([0, 1000, 2000, 3000])),
      row(['注：' + '说明'.repeat(150)], def([0, 3000])),
    ], []);
    expect(blocks.map((b) => b.kind)).toEqual(['table']);
  });
});

describe('table sprms', () => {
  it('reads cell boundaries and merge flags from sprmTDefTable', () => {
    const d = applyTableSprm(undefined, 0xd608, defTableOperand([0, 1500, 3000], [0x0060, 0x0001]))!;
    expect(d.centers).toEqual([0, 1500, 3000]);
    expect(d.cells).toEqual([{ horzMerge: 0, vertMerge: 3 }, { horzMerge: 1, vertMerge: 0 }]);
  });

  it('applies sprmTVertMerge to one cell', () => {
    const d = applyTableSprm(undefined, 0xd608, defTableOperand([0, 1500, 3000], [0, 0]));
    applyTableSprm(d, 0xd62b, Uint8Array.from([1, 1]));
    expect(d!.cells[1]!.vertMerge).toBe(1);
  });

  it('inserts and deletes cells, moving the boundaries after them', () => {
    const d = applyTableSprm(undefined, 0xd608, defTableOperand([0, 1000, 2000], [0, 0]))!;
    applyTableSprm(d, 0x7621, Uint8Array.from([1, 1, 0xf4, 0x01])); // sprmTInsert: one cell of 500 at 1
    expect(d.centers).toEqual([0, 1000, 1500, 2500]);
    applyTableSprm(d, 0x5622, Uint8Array.from([0, 1])); // sprmTDelete: cell 0
    expect(d.centers).toEqual([0, 500, 1500]);
    expect(d.cells).toHaveLength(2);
  });
});
