import type { Block, Cell, Table } from '../../../src/model/document.js';
import { buildBlocks } from '../../../src/readers/pdf/pipeline.js';
import type { TableHints, TextItem } from '../../../src/readers/pdf/types.js';
import { centred, item, page } from './fixtures.js';

const HINTS: TableHints = {
  columnLabels: ['自然人', '商业企业', '科研机构', '总计'],
  rowLabels: ['一、本年新收政府信息公开申请数量', '三、本年度办理结果', '（一）予以公开', '（三）不予公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '7.属于行政执法案卷', '8.属于行政查询事项'],
};

function tables(blocks: Block[]): Table[] {
  return blocks.filter((b): b is Table => b.kind === 'table');
}

function at(t: Table, row: number, col: number): Cell | undefined {
  return t.cells.find((c) => c.row === row && c.col === col);
}

/** Data columns centred at 340, 380, 420, 460; label columns at 70, 120, 170. */
const COLS = [340, 380, 420, 460];
function values(top: number, vals: Array<string | null>, p = 1): TextItem[] {
  return vals.flatMap((v, j) => (v === null ? [] : [centred(v, COLS[j]!, top, { page: p })]));
}

const header: TextItem[] = [
  centred('申请人情况', 400, 100),
  centred('法人或其他组织', 400, 118),
  centred('自', 340, 118), centred('然', 340, 130), centred('人', 340, 142),
  centred('商业', 380, 136), centred('企业', 380, 148),
  centred('科研', 420, 136), centred('机构', 420, 148),
  centred('总', 460, 118), centred('计', 460, 130),
  item('（本列数据的勾稽关系为：', 70, 118), item('第一项加第二项之和）', 70, 130),
];

const rows: TextItem[] = [
  item('一、本年新收政府信息公开申请数量', 70, 170), ...values(170, ['23', '2', '0', '25']),
  item('三、本年', 70, 190), item('度办理结果', 70, 202),
  item('（一）予以公开', 120, 190), ...values(190, ['4', '0', null, '4']),
  item('（三）不', 120, 210), item('予公开', 120, 222),
  item('1.属于国家秘密', 170, 210), ...values(210, ['1', '0', '0', '1']),
  item('2.其他法律行政法规禁止', 170, 230), item('公开', 170, 242), ...values(236, ['0', '0', '0', '0']),
];

const heading = item('三、收到和处理政府信息公开申请情况', 60, 60, { size: 16 });
const after = item('四、政府信息公开行政复议、行政诉讼情况', 60, 290, { size: 16 });

describe('tables without ruling lines', () => {
  const blocks = buildBlocks({ pages: [page(1, [heading, ...header, ...rows, after])] }, HINTS).blocks;
  const t = tables(blocks)[0]!;

  it('finds one stream table between the headings, its text kept out of the paragraphs', () => {
    expect(blocks.map((b) => (b.kind === 'table' ? `TABLE ${b.strategy}` : b.text))).toEqual([heading.text, 'TABLE stream', after.text]);
    expect(t).toMatchObject({ rows: 7, cols: 7, page: 1 });
  });

  it('gathers stacked header lines per column and spans headers over the columns below them', () => {
    expect(at(t, 0, 3)).toMatchObject({ text: '申请人情况', colSpan: 4 });
    expect(at(t, 1, 3)).toMatchObject({ text: '自然人', rowSpan: 2 });
    expect(at(t, 1, 4)).toMatchObject({ text: '法人或其他组织', colSpan: 2 });
    expect(at(t, 2, 4)!.text).toBe('商业企业');
    expect(at(t, 2, 5)!.text).toBe('科研机构');
    expect(at(t, 1, 6)).toMatchObject({ text: '总计', rowSpan: 2 });
    expect(at(t, 0, 0)).toMatchObject({ text: '（本列数据的勾稽关系为：第一项加第二项之和）', rowSpan: 3, colSpan: 3 });
  });

  it('puts each number of a data row in its column and leaves a blank cell empty', () => {
    const row = (r: number) => t.cells.filter((c) => c.row === r && c.col >= 3).sort((a, b) => a.col - b.col).map((c) => c.text);
    expect(row(3)).toEqual(['23', '2', '0', '25']);
    expect(row(4)).toEqual(['4', '0', '', '4']);
    expect(row(6)).toEqual(['0', '0', '0', '0']);
  });

  it('reads wrapped row labels and group labels with their spans', () => {
    expect(at(t, 3, 0)).toMatchObject({ text: '一、本年新收政府信息公开申请数量', colSpan: 3 });
    expect(at(t, 4, 0)).toMatchObject({ text: '三、本年度办理结果', rowSpan: 3 });
    expect(at(t, 4, 1)).toMatchObject({ text: '（一）予以公开', colSpan: 2 });
    expect(at(t, 5, 1)).toMatchObject({ text: '（三）不予公开', rowSpan: 2 });
    expect(at(t, 5, 2)!.text).toBe('1.属于国家秘密');
    expect(at(t, 6, 2)!.text).toBe('2.其他法律行政法规禁止公开');
  });

  it('gives every cell its page and a box', () => {
    for (const c of t.cells) {
      expect(c.page).toBe(1);
      expect(c.bbox![2]).toBeGreaterThan(c.bbox![0]);
    }
    expect(at(t, 3, 3)!.bbox![1]).toBeCloseTo(170);
  });

  it('leaves a sub-heading in the table font above the table as a paragraph', () => {
    const sub = item('（一）申请情况', 60, 90);
    const down = (it: TextItem) => ({ ...it, y0: it.y0 + 40, y1: it.y1 + 40 });
    const out = buildBlocks({ pages: [page(1, [heading, sub, ...header.map(down), ...rows.map(down), down(after)])] }, HINTS).blocks;
    expect(out.map((b) => (b.kind === 'table' ? 'TABLE' : b.text))).toEqual([heading.text, sub.text, 'TABLE', after.text]);
  });

  it('does not take a line of text ending in numbers for a table', () => {
    const out = buildBlocks({ pages: [page(1, [item('联系电话：0123 4567 8901', 72, 100, { size: 14 })])] }, HINTS).blocks;
    expect(out.map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('uses the hints to tell two tightly stacked labels apart', () => {
    const tight = [
      item('7.属于行政执法案卷', 170, 170), ...values(170, ['1', '0', '0', '1']),
      item('8.属于行政查询事项', 170, 181), ...values(181, ['2', '0', '0', '2']),
    ];
    const [s] = tables(buildBlocks({ pages: [page(1, [heading, ...tight, after])] }, HINTS).blocks);
    expect(s!.cells.filter((c) => c.col === 0).map((c) => c.text)).toEqual(['7.属于行政执法案卷', '8.属于行政查询事项']);
  });

  it('joins a table whose header ends one page and whose rows start the next', () => {
    const top = [heading, ...header.map((it) => ({ ...it, y0: it.y0 + 620, y1: it.y1 + 620 }))];
    const rest = rows.map((it) => ({ ...it, page: 2, y0: it.y0 - 100, y1: it.y1 - 100 }));
    const [s] = tables(buildBlocks({ pages: [page(1, top), page(2, [...rest, { ...after, page: 2 }])] }, HINTS).blocks);
    expect(s).toMatchObject({ rows: 7, page: 1 });
    expect(at(s!, 1, 3)!.text).toBe('自然人');
    expect(at(s!, 3, 3)).toMatchObject({ text: '23', page: 2 });
  });
});
