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

/** Texts of a grid row, left to right (a spanning cell once). */
function rowTexts(t: Table, row: number): string[] {
  return t.cells.filter((c) => c.row === row).sort((a, b) => a.col - b.col).map((c) => c.text);
}

function streamTables(items: TextItem[], hints: TableHints = HINTS): Table[] {
  return tables(buildBlocks({ pages: [page(1, items)] }, hints).blocks);
}

describe('tables without ruling lines, set in other ways', () => {
  const HINTS_2019: TableHints = {
    columnLabels: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '处理决定数量'],
    rowLabels: ['规章', '规范性文件', '行政许可', '其他对外管理服务事项'],
  };
  const at3 = (cx: number[], top: number, vals: string[]) => vals.map((v, j) => centred(v, cx[j]!, top));

  // Table 二 printed as small tables one under the other, each with its own column widths.
  const small = [
    centred('第二十条第（一）项', 300, 100),
    centred('信息内容', 110, 120), centred('本年新制作数量', 250, 120), centred('本年新公开数量', 370, 120), centred('对外公开总数量', 490, 120),
    item('规章', 90, 140), ...at3([250, 370, 490], 140, ['1', '2', '3']),
    item('规范性文件', 90, 160), ...at3([250, 370, 490], 160, ['4', '5', '6']),
    centred('第二十条第（五）项', 300, 185),
    centred('信息内容', 150, 205), centred('上一年项目数量', 290, 205), centred('本年增/减', 400, 205), centred('处理决定数量', 500, 205),
    item('行政许可', 110, 225), ...at3([290, 400, 500], 225, ['7', '+1', '8']),
    item('其他对外管理服务事项', 110, 245), ...at3([290, 400, 500], 245, ['9', '-2', '10']),
  ];

  it('cuts small tables printed one under the other into separate tables when their numbers do not line up', () => {
    const [a, b, ...rest] = streamTables(small, HINTS_2019);
    expect(rest).toEqual([]);
    expect(rowTexts(a!, 2)).toEqual(['规章', '1', '2', '3']);
    expect(rowTexts(b!, 0)).toEqual(['第二十条第（五）项']);
    expect(rowTexts(b!, 1)).toEqual(['信息内容', '上一年项目数量', '本年增/减', '处理决定数量']);
    expect(rowTexts(b!, 3)).toEqual(['其他对外管理服务事项', '9', '-2', '10']);
  });

  it('keeps header text that reaches left of the numbers out of the label column', () => {
    const [t] = streamTables([
      centred('第二十条第（八）项', 295, 100),
      centred('信息内容', 150, 120), centred('上一年项目数量', 325, 120), centred('本年增/减', 460, 120),
      item('行政事业性收费', 110, 140), centred('2', 325, 140), centred('减1', 460, 140),
      item('政府集中采购', 110, 160), centred('7', 325, 160), centred('286.45', 460, 160),
    ], HINTS_2019);
    expect(rowTexts(t!, 0)).toEqual(['第二十条第（八）项']);
    expect(rowTexts(t!, 1)).toEqual(['信息内容', '上一年项目数量', '本年增/减']);
  });

  // Table 三's header in narrow columns, set as tightly as AR PL UMing sets it: the rows of the
  // header 0.5 em apart, wrapped lines 0.1 em apart, cells centred vertically.
  const narrow = [330, 360, 390, 420, 450, 480, 510];
  const tightHeader = [
    centred('申请人情况', 420, 100),
    centred('法人或其他组织', 420, 115),
    centred('自然', 330, 128), centred('人', 330, 139),
    centred('商业', 360, 135.5), centred('企业', 360, 146.5),
    centred('科研', 390, 135.5), centred('机构', 390, 146.5),
    centred('社会', 420, 130), centred('公益', 420, 141), centred('组织', 420, 152),
    centred('法律', 450, 130), centred('服务', 450, 141), centred('机构', 450, 152),
    centred('其他', 480, 141),
    centred('总计', 510, 133.5),
    item('一、本年新收政府信息公开申请数量', 70, 180), ...at3(narrow, 180, ['5', '1', '0', '2', '0', '1', '9']),
    item('二、上年结转政府信息公开申请数量', 70, 200), ...at3(narrow, 200, ['0', '0', '0', '0', '0', '0', '0']),
  ];

  it('does not take header rows set as close as wrapped lines for one cell', () => {
    const [t] = streamTables(tightHeader);
    expect(at(t!, 0, 1)).toMatchObject({ text: '申请人情况', colSpan: 7 });
    expect(at(t!, 2, 4)!.text).toBe('社会公益组织');
    expect(rowTexts(t!, 2).slice(1)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });

  it('spans a header over the columns under it, not over the columns whose centred header stands beside it', () => {
    const [t] = streamTables(tightHeader);
    expect(at(t!, 1, 1)).toMatchObject({ text: '自然人', rowSpan: 2 });
    expect(at(t!, 1, 2)).toMatchObject({ text: '法人或其他组织', colSpan: 5 });
    expect(at(t!, 1, 7)).toMatchObject({ text: '总计', rowSpan: 2 });
  });

  it('gives a column whose cells are all left blank its own grid column under its header', () => {
    const sparse = [
      item('一、本年新收政府信息公开申请数量', 70, 170), ...values(170, ['23', null, null, '25']),
      item('（一）予以公开', 120, 190), ...values(190, ['4', null, null, '4']),
      item('2.其他法律行政法规禁止', 170, 210), item('公开', 170, 222), ...values(216, ['1', null, null, '1']),
    ];
    const [t] = streamTables([heading, ...header, ...sparse, after]);
    expect(t!.cols).toBe(7);
    expect(rowTexts(t!, 2).slice(-3)).toEqual(['商业企业', '科研机构']);
    expect(t!.cells.filter((c) => c.row === 3 && c.col >= 3).sort((a, b) => a.col - b.col).map((c) => c.text)).toEqual(['23', '', '', '25']);
    expect(at(t!, 5, 2)!.text).toBe('2.其他法律行政法规禁止公开');
  });

  it('gives a row whose cells are all left blank its own grid row beside its label', () => {
    const blankRow = rows.map((it) => (it.y0 === 210 && it.x0 > 300 ? null : it)).filter((it): it is TextItem => it !== null);
    const [t] = streamTables([heading, ...header, ...blankRow, after]);
    expect(t!.rows).toBe(7);
    expect(rowTexts(t!, 5)).toEqual(['（三）不予公开', '1.属于国家秘密', '', '', '', '']);
    expect(at(t!, 5, 1)).toMatchObject({ text: '（三）不予公开', rowSpan: 2 });
  });

  it('reads a blank first row as a row, not as part of the header above it', () => {
    const [t] = streamTables([
      centred('第二十条第（一）项', 300, 100),
      centred('信息内容', 110, 120), centred('本年新制作数量', 250, 120), centred('本年新公开数量', 370, 120), centred('对外公开总数量', 490, 120),
      item('规章', 90, 140),
      item('规范性文件', 90, 160), ...at3([250, 370, 490], 160, ['4', '5', '6']),
      item('行政许可', 90, 180), ...at3([250, 370, 490], 180, ['7', '8', '9']),
    ], HINTS_2019);
    expect(rowTexts(t!, 1)).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(rowTexts(t!, 2)).toEqual(['规章', '', '', '']);
  });

  it('starts a new header band after rows left blank', () => {
    const HINTS_2021: TableHints = {
      columnLabels: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量'],
      rowLabels: ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制'],
    };
    const band = (title: string, top: number) => [centred(title, 300, top), centred('信息内容', 110, top + 20), centred('本年处理决定数量', 370, top + 20)];
    const [t] = streamTables([
      centred('第二十条第（一）项', 300, 100),
      centred('信息内容', 110, 120), centred('本年制发件数', 250, 120), centred('本年废止件数', 370, 120), centred('现行有效件数', 490, 120),
      item('规章', 90, 140),
      item('行政规范性文件', 90, 160),
      ...band('第二十条第（五）项', 180), item('行政许可', 90, 220), centred('12', 370, 220),
      ...band('第二十条第（六）项', 240), item('行政处罚', 90, 280), centred('3', 370, 280), item('行政强制', 90, 300), centred('4', 370, 300),
    ], HINTS_2021);
    expect(t!.cols).toBe(4);
    expect(Array.from({ length: t!.rows }, (_, r) => rowTexts(t!, r)[0])).toEqual([
      '第二十条第（一）项', '信息内容', '规章', '行政规范性文件',
      '第二十条第（五）项', '信息内容', '行政许可',
      '第二十条第（六）项', '信息内容', '行政处罚', '行政强制',
    ]);
    expect(rowTexts(t!, 1)).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(rowTexts(t!, 6)).toEqual(['行政许可', '', '12', '']);
  });

  it('reads a one-row table whose only numbers are two, when its zeros are left blank', () => {
    const five = [100, 140, 180, 220, 260];
    const [t] = streamTables([
      heading,
      centred('行政复议', 180, 100),
      ...[['结果', '维持'], ['结果', '纠正'], ['其他', '结果'], ['尚未', '审结'], ['总', '计']].flatMap(([a, b], j) => [centred(a!, five[j]!, 120), centred(b!, five[j]!, 131)]),
      centred('1', 100, 160), centred('1', 260, 160),
      after,
    ]);
    expect(t).toMatchObject({ rows: 3, cols: 5 });
    expect(at(t!, 0, 0)).toMatchObject({ text: '行政复议', colSpan: 5 });
    expect(rowTexts(t!, 1)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(rowTexts(t!, 2)).toEqual(['1', '', '', '', '1']);
  });

  it('measures how far apart the table sets its rows, to tell a label’s wrapped lines from the next row', () => {
    const pitch = (k: number) => 170 + 15 * k;
    const [t] = streamTables([
      item('甲项', 70, pitch(0)), ...values(pitch(0), ['1', '0', '0', '1']),
      item('乙项', 70, pitch(1)), ...values(pitch(1), ['2', '0', '0', '2']),
      item('丙项', 70, pitch(2)),
      item('丁项很长的', 70, pitch(3)), item('标签', 70, pitch(3) + 11), ...values(pitch(3) + 5.5, ['3', '0', '0', '3']),
    ]);
    expect(t!.cells.filter((c) => c.col === 0).map((c) => c.text)).toEqual(['甲项', '乙项', '丙项', '丁项很长的标签']);
  });

  it('does not continue a label with a numbered item, or past a row label of the template it already spells', () => {
    const hints: TableHints = { columnLabels: [], rowLabels: ['行政处罚', '行政强制'] };
    const [t] = streamTables([
      item('行政处罚', 70, 170), ...values(170, ['1', '0', '0', '1']),
      item('行政强制', 70, 183),
      item('7.属于行政执法案卷', 70, 210), ...values(210, ['2', '0', '0', '2']),
      item('8.属于行政查询事项', 70, 223),
    ], hints);
    expect(t!.cells.filter((c) => c.col === 0).map((c) => c.text)).toEqual(['行政处罚', '行政强制', '7.属于行政执法案卷', '8.属于行政查询事项']);
  });
});
