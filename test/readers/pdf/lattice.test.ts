import type { Cell, Table } from '../../../src/model/document.js';
import { findLatticeTables } from '../../../src/readers/pdf/lattice.js';
import { buildBlocks } from '../../../src/readers/pdf/pipeline.js';
import { centred, gridLines, hline, item, page, vline } from './fixtures.js';

function at(t: Table, row: number, col: number): Cell | undefined {
  return t.cells.find((c) => c.row === row && c.col === col);
}

describe('findLatticeTables', () => {
  // 3 columns, 3 rows; the header cell spans the top row, the label cell spans two rows.
  const segments = [
    hline(100, 60, 360), hline(120, 60, 360), hline(140, 160, 360), hline(160, 60, 360),
    vline(60, 100, 160), vline(360, 100, 160), vline(160, 120, 160), vline(260, 120, 160),
  ];
  const items = [
    centred('第二十条第（一）项', 210, 105),
    item('规章', 65, 135),
    centred('1', 210, 125), centred('2', 310, 125),
    centred('3', 210, 145),
  ];

  it('rebuilds the grid with merged cells as spans', () => {
    const [t] = findLatticeTables(1, segments, items);
    expect(t!.table).toMatchObject({ rows: 3, cols: 3, strategy: 'lattice', page: 1 });
    expect(at(t!.table, 0, 0)).toMatchObject({ rowSpan: 1, colSpan: 3, text: '第二十条第（一）项' });
    expect(at(t!.table, 1, 0)).toMatchObject({ rowSpan: 2, colSpan: 1, text: '规章' });
    expect(at(t!.table, 2, 1)).toMatchObject({ text: '3', bbox: [160, 140, 260, 160] });
    expect(at(t!.table, 2, 2)).toMatchObject({ text: '', bbox: [260, 140, 360, 160] });
  });

  it('joins a narrow header printed one character per line', () => {
    const [t] = findLatticeTables(1, gridLines([60, 80, 200], [100, 140, 160]), [item('自', 65, 102), item('然', 65, 114), item('人', 65, 126), item('总计', 120, 110)]);
    expect(at(t!.table, 0, 0)!.text).toBe('自然人');
  });

  it('ignores a lone box (a text frame), which is not a table', () => {
    expect(findLatticeTables(1, gridLines([60, 360], [100, 200]), [item('框内文字', 70, 110)])).toEqual([]);
  });

  it('reads borders drawn as pieces, cell by cell', () => {
    const pieces = [hline(100, 60, 160), hline(100, 160, 260), hline(120, 60, 160), hline(120, 160, 260), vline(60, 100, 120), vline(160, 100, 120), vline(260, 100, 120)];
    const [t] = findLatticeTables(1, pieces, [item('甲', 65, 105), item('乙', 165, 105)]);
    expect(t!.table.cells.map((c) => c.text)).toEqual(['甲', '乙']);
  });
});

describe('tables in the document flow', () => {
  const lines = gridLines([60, 200, 300], [300, 320, 340]);
  const cells = [item('信息内容', 65, 305), item('数量', 205, 305), item('规章', 65, 325), centred('5', 250, 325)];

  it('keeps table text out of the paragraphs and places the table among them', () => {
    const blocks = buildBlocks({ pages: [page(1, [item('二、主动公开政府信息情况', 60, 270, { size: 14 }), ...cells, item('三、收到和处理政府信息公开申请情况', 60, 360, { size: 14 })], lines)] }).blocks;
    expect(blocks.map((b) => (b.kind === 'table' ? 'TABLE' : b.text))).toEqual(['二、主动公开政府信息情况', 'TABLE', '三、收到和处理政府信息公开申请情况']);
  });

  it('joins a table continued on the next page and drops its repeated header', () => {
    const p1 = page(1, [...cells.map((c) => ({ ...c, y0: c.y0 + 400, y1: c.y1 + 400 }))], gridLines([60, 200, 300], [700, 720, 740]));
    const p2 = page(2, [item('信息内容', 65, 85, { page: 2 }), item('数量', 205, 85, { page: 2 }), item('规范性文件', 65, 105, { page: 2 }), centred('7', 250, 105, { page: 2 })], gridLines([60, 200, 300], [80, 100, 120]));
    const tables = buildBlocks({ pages: [p1, p2] }).blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.rows).toBe(3);
    expect(t.cells.filter((c) => c.col === 0).map((c) => c.text)).toEqual(['信息内容', '规章', '规范性文件']);
    expect(at(t, 2, 1)).toMatchObject({ text: '7', page: 2 });
  });

  it('joins a sub-table header left at the bottom of a page to its rows on the next', () => {
    const p1 = page(1, [item('第二十条第（六）项', 100, 725), item('信息内容', 65, 745), item('本年处理决定数量', 205, 745)], [...gridLines([60, 200, 300], [720, 740, 760]).filter((s) => !(s.x0 === 200 && s.y0 === 720)), vline(200, 740, 760)]);
    const p2 = page(2, [item('行政处罚', 65, 85, { page: 2 }), centred('3', 250, 85, { page: 2 })], gridLines([60, 200, 300], [80, 100]));
    const tables = buildBlocks({ pages: [p1, p2] }).blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.cells.map((c) => c.text)).toEqual(['第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', '3']);
  });

  it('merges a row that a page break cut in two, and continues a cut label cell', () => {
    // Label column spans all rows; the row "6.属于四类过程性信息" breaks after "信".
    const xs = [60, 100, 250, 300];
    const p1 = page(1, [item('（三）不予公开', 62, 705), item('5.属于三类内部事务信息', 102, 705), centred('0', 275, 705), item('6.属于四类过程性信', 102, 725), centred('1', 275, 725)],
      [hline(700, 60, 300), hline(720, 100, 300), hline(740, 60, 300), ...xs.map((x) => vline(x, 700, 740))]);
    const p2 = page(2, [item('息', 102, 82, { page: 2 }), item('7.属于行政执法案卷', 102, 102, { page: 2 }), centred('2', 275, 102, { page: 2 })],
      [hline(80, 100, 300), hline(100, 100, 300), hline(120, 60, 300), ...xs.map((x) => vline(x, 80, 120))]);
    const [t] = buildBlocks({ pages: [p1, p2] }).blocks.filter((b): b is Table => b.kind === 'table');
    expect(t!.rows).toBe(3);
    expect(at(t!, 0, 0)).toMatchObject({ text: '（三）不予公开', rowSpan: 3 });
    expect(at(t!, 1, 1)!.text).toBe('6.属于四类过程性信息');
    expect(at(t!, 2, 1)).toMatchObject({ text: '7.属于行政执法案卷', page: 2 });
    expect(at(t!, 2, 2)!.text).toBe('2');
  });

  it('keeps a row that opens the next page as its own row when its cells are blank', () => {
    // Zero cells left blank: "7.属于行政执法案卷" has no numbers, like the rest of a cut row would.
    const xs = [60, 100, 250, 300];
    const p1 = page(1, [item('（三）不予公开', 62, 705), item('5.属于三类内部事务信息', 102, 705), centred('0', 275, 705), item('6.属于四类过程性信息', 102, 725), centred('1', 275, 725)],
      [hline(700, 60, 300), hline(720, 100, 300), hline(740, 60, 300), ...xs.map((x) => vline(x, 700, 740))]);
    const p2 = page(2, [item('7.属于行政执法案卷', 102, 82, { page: 2 }), item('8.属于行政查询事项', 102, 102, { page: 2 })],
      [hline(80, 100, 300), hline(100, 100, 300), hline(120, 60, 300), ...xs.map((x) => vline(x, 80, 120))]);
    const [t] = buildBlocks({ pages: [p1, p2] }).blocks.filter((b): b is Table => b.kind === 'table');
    expect(t!.rows).toBe(4);
    expect(at(t!, 1, 1)!.text).toBe('6.属于四类过程性信息');
    expect(at(t!, 2, 1)).toMatchObject({ text: '7.属于行政执法案卷', page: 2 });
    expect(at(t!, 3, 1)!.text).toBe('8.属于行政查询事项');
  });

  it('does not stretch a header that ends a page over the blank cells of the first row on the next', () => {
    const xs = [60, 200, 250, 300, 350];
    const p1 = page(1, [item('项目', 62, 725), item('自然人', 202, 725), item('商业企业', 252, 725), item('总计', 302, 725)],
      [hline(720, 60, 350), hline(740, 60, 350), ...xs.map((x) => vline(x, 720, 740))]);
    const p2 = page(2, [item('一、本年新收政府信息公开申请数量', 62, 82, { page: 2 }), centred('6', 225, 82, { page: 2 }), centred('6', 325, 82, { page: 2 })],
      [hline(80, 60, 350), hline(100, 60, 350), ...xs.map((x) => vline(x, 80, 100))]);
    const [t] = buildBlocks({ pages: [p1, p2] }).blocks.filter((b): b is Table => b.kind === 'table');
    expect(t!.rows).toBe(2);
    expect(at(t!, 0, 2)).toMatchObject({ text: '商业企业', rowSpan: 1 });
    expect(at(t!, 1, 2)).toMatchObject({ text: '', page: 2 });
  });
});
