import { blankRowFromHeaderText, mapTables } from '../../src/template/map-table.js';
import { readHeaders } from '../../src/template/read-rows.js';
import { loadTemplates } from '../../src/template/load.js';
import { row, tablesOf } from '../helpers/model.js';

const edition = (id: string) => loadTemplates().editions.find((e) => e.id === id)!;
const active2021 = edition('2021').tables['activeDisclosure']!;
const active2019 = edition('2019').tables['activeDisclosure']!;
const applications = edition('2021').tables['applications']!;
const review = edition('2021').tables['reviewLitigation']!;

const HEADER_三 = `
<tr><td colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>
<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;

/** Table 三 with merged group cells; `cells(label)` gives each row's seven printed cells. */
function table三(cells: (label: string, i: number) => (string | number)[], otherHandling: 'own' | 'rows', labels?: Record<string, string>): string {
  const l = (s: string) => labels?.[s] ?? s;
  let i = 0;
  const r = (label: string) => cells(label, i++).map((c) => `<td>${c}</td>`).join('');
  const denied = ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'];
  const unable = ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'];
  const notProcessed = ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'];
  const other = ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'];
  const group = (name: string, items: string[]) =>
    items.map((x, k) => `<tr>${k === 0 ? `<td rowspan=${items.length}>${name}</td>` : ''}<td>${l(x)}</td>${r(x)}</tr>`).join('');
  const outcomeRows = 2 + 8 + 3 + 5 + (otherHandling === 'own' ? 1 : 3) + 1;
  return `<table>${HEADER_三}
    <tr><td colspan=3>一、本年新收政府信息公开申请数量</td>${r('new')}</tr>
    <tr><td colspan=3>二、上年结转政府信息公开申请数量</td>${r('over')}</tr>
    <tr><td rowspan=${outcomeRows}>三、本年度办理结果</td><td colspan=2>（一）予以公开</td>${r('granted')}</tr>
    <tr><td colspan=2>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>${r('partial')}</tr>
    ${group('（三）不予公开', denied)}${group('（四）无法提供', unable)}${group('（五）不予处理', notProcessed)}
    ${otherHandling === 'own' ? `<tr><td colspan=2>（六）其他处理</td>${r('other')}</tr>` : group('（六）其他处理', other)}
    <tr><td colspan=2>（七）总计</td>${r('total')}</tr>
    <tr><td colspan=3>四、结转下年度继续办理</td>${r('forward')}</tr></table>`;
}

describe('mapTables on table 三', () => {
  it('reads every row and column by label, with （六） as one row', () => {
    const html = table三((_, i) => [i, 0, 0, 0, 0, 0, i], 'own');
    const m = mapTables(tablesOf(html), applications, {});
    expect(m.complete).toBe(true);
    expect(m.warnings).toEqual([]);
    expect(m.columnsMatched).toBe(7);
    const v = m.values as any;
    expect(v.newReceived).toEqual({ naturalPerson: 0, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 0 });
    expect(v.denied.stateSecret.naturalPerson).toBe(4);
    expect(v.notProcessed.confirmation.total).toBe(19);
    expect(v.otherHandling).toEqual({ total: { naturalPerson: 20, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 20 } });
    expect(v.carriedForward.naturalPerson).toBe(22);
  });

  it('keeps the three rows of （六） when printed so, never inventing the single row', () => {
    const m = mapTables(tablesOf(table三((_, i) => [i, 1, 0, 0, 0, 0, i + 1], 'rows')), applications, { otherHandling: 'own' });
    const v = m.values as any;
    expect(Object.keys(v.otherHandling)).toEqual(['overdueCorrection', 'unpaidFee', 'other']);
    expect(v.otherHandling.other.naturalPerson).toBe(22);
    expect(v.totalProcessed.naturalPerson).toBe(23);
  });

  it('reads blank cells as 0 and keeps the printed text in provenance', () => {
    const m = mapTables(tablesOf(table三(() => ['', '—', '/', '0', '', '', ''], 'own')), applications, {});
    const v = m.values as any;
    expect(v.granted).toEqual({ naturalPerson: 0, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 0 });
    expect(m.provenance['granted.commercial']).toEqual({ page: null, raw: '—' });
    expect(m.complete).toBe(true);
  });

  it('matches a label with a typo, and places an unreadable label by its position', () => {
    const html = table三((label, i) => [i, 0, 0, 0, 0, 0, i], 'own', {
      '2.其他法律行政法规禁止公开': '2.其他法律行政止公开',
      '3.危及“三安全一稳定”': '■■■',
    });
    const m = mapTables(tablesOf(html), applications, {});
    const v = m.values as any;
    expect(v.denied.lawForbidden.naturalPerson).toBe(5);
    expect(v.denied.threeSafetiesOneStability.naturalPerson).toBe(6);
    expect(m.warnings).toEqual(['denied.threeSafetiesOneStability: row label "■■■" not recognised; placed by its position']);
  });

  it('finds columns by their header labels, not by counting', () => {
    // 总计 printed first, 自然人 last: the values follow the labels.
    const html = `<table><tr><td rowspan=2>项目</td><td rowspan=2>总计</td><td colspan=5>法人或其他组织</td><td rowspan=2>自然人</td></tr>
      <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
      ${row('一、本年新收政府信息公开申请数量', 9, 1, 0, 0, 0, 0, 8)}</table>`;
    const v = mapTables(tablesOf(html), applications, {}).values as any;
    expect(v.newReceived).toEqual({ naturalPerson: 8, commercial: 1, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 9 });
  });

  it('takes a unique column label without its group above it (其他 without 法人或其他组织)', () => {
    const html = `<table><tr><td>项目</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
      ${row('一、本年新收政府信息公开申请数量', 8, 1, 0, 0, 0, 2, 11)}</table>`;
    const m = mapTables(tablesOf(html), applications, {});
    expect((m.values as any).newReceived.otherOrg).toBe(2);
    expect(m.columnsMatched).toBe(7);
  });

  it('places columns whose header was lost by their position between recognised ones, and says so', () => {
    const html = `<table><tr><td>项目</td><td>自然人</td><td>商业企业</td><td>■</td><td></td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
      ${row('一、本年新收政府信息公开申请数量', 8, 1, 3, 4, 0, 2, 18)}</table>`;
    const m = mapTables(tablesOf(html), applications, {});
    expect((m.values as any).newReceived).toMatchObject({ research: 3, publicInterest: 4 });
    expect(m.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^column research: header not recognised; placed by its position/)]));
  });

  it('says which rows a table does not have, leaving them null', () => {
    const html = `<table>${HEADER_三}<tr><td colspan=3>一、本年新收政府信息公开申请数量</td>${'<td>1</td>'.repeat(7)}</tr></table>`;
    const m = mapTables(tablesOf(html), applications, { otherHandling: 'own' });
    expect(m.complete).toBe(false);
    expect((m.values as any).carriedOver.total).toBeNull();
    expect(m.warnings).toContain('carriedOver: row not found in the table');
  });

  it('reads a table broken into two parts, the second without its header', () => {
    const whole = tablesOf(table三((_, i) => [i, 0, 0, 0, 0, 0, i], 'own'))[0]!;
    const cut = 12;
    const first = { ...whole, rows: cut, cells: whole.cells.filter((c) => c.row < cut).map((c) => ({ ...c, rowSpan: Math.min(c.rowSpan, cut - c.row) })) };
    const second = {
      ...whole,
      rows: whole.rows - cut,
      cells: whole.cells.filter((c) => c.row + c.rowSpan > cut).map((c) => ({ ...c, row: Math.max(0, c.row - cut), rowSpan: c.row < cut ? c.row + c.rowSpan - cut : c.rowSpan })),
    };
    const m = mapTables([first, second], applications, {});
    expect(m.complete).toBe(true);
    expect((m.values as any).carriedForward.total).toBe(22);
  });
});

describe('mapTables on table 二', () => {
  const html2021 = `<table>
    <tr><td colspan=4>第二十条第（一）项</td></tr>
    <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
    ${row('规章', 1, 2, 3)}${row('行政规范性文件', 4, 5, 6)}
    <tr><td colspan=4>第二十条第（五）项</td></tr>
    <tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>
    <tr><td>行政许可</td><td colspan=3>7</td></tr>
    <tr><td colspan=4>第二十条第（六）项</td></tr>
    <tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>
    <tr><td>行政处罚</td><td colspan=3>1,472</td></tr><tr><td>行政强制</td><td colspan=3></td></tr>
    <tr><td colspan=4>第二十条第（八）项</td></tr>
    <tr><td>信息内容</td><td colspan=3>本年收费金额（单位：万元）</td></tr>
    <tr><td>行政事业性收费</td><td colspan=3>0.5</td></tr></table>`;

  it('follows the sub-headers of the 2021 edition', () => {
    const m = mapTables(tablesOf(html2021), active2021, {});
    expect(m.values).toEqual({
      regulations: { issued: 1, repealed: 2, inForce: 3 },
      normativeDocuments: { issued: 4, repealed: 5, inForce: 6 },
      licensing: { decisions: 7 },
      punishment: { decisions: 1472 },
      coercion: { decisions: 0 },
      fees: { amount: 0.5, amountUnit: '万元' },
    });
    expect(m.complete).toBe(true);
  });

  it('reads the fee unit of the 2021 edition from the cell, else null (report-schema 二)', () => {
    const inCell = html2021.replace('本年收费金额（单位：万元）', '本年收费金额').replace('>0.5<', '>5000元<');
    expect((mapTables(tablesOf(inCell), active2021, {}).values as any).fees).toEqual({ amount: 5000, amountUnit: '元' });
    const none = html2021.replace('本年收费金额（单位：万元）', '本年收费金额');
    expect((mapTables(tablesOf(none), active2021, {}).values as any).fees).toEqual({ amount: 0.5, amountUnit: null });
  });

  it('recognises the 2021 columns better than the 2019 ones', () => {
    expect(mapTables(tablesOf(html2021), active2021, {}).columnsMatched).toBeGreaterThan(mapTables(tablesOf(html2021), active2019, {}).columnsMatched);
  });

  it('reads the headers alone (readHeaders) as mapTables does: columns matched, and the columns printed rows have cells under', () => {
    const tables = [...tablesOf(html2021), ...tablesOf(table三((_, i) => [i, 0, 0, 0, 0, 0, i], 'own'))];
    const templates = [active2021, active2019, applications, review];
    const cases = templates.flatMap((t) => [tables, ...tables.map((x) => [x])].map((ts) => [ts, t] as const));
    const headers = cases.map(([ts, t]) => {
      const h = readHeaders(ts, t);
      return { columnsMatched: h.columnsMatched, columns: [...h.columns].sort() };
    });
    const mapped = cases.map(([ts, t]) => {
      const m = mapTables(ts, t, {});
      return { columnsMatched: m.columnsMatched, columns: [...new Set((m.printedRows ?? []).flatMap((r) => Object.keys(r.cells)))].sort() };
    });
    expect(headers).toEqual(mapped);
    expect(headers.filter((h) => h.columnsMatched > 0 && h.columns.length > 0).length).toBeGreaterThan(2);
  });

  it('reads the 2019 edition from separate small tables, with signed changes and the amount unit', () => {
    const t = (header: string, ...rows: string[]) => `<table><tr><td>信息内容</td>${header}</tr>${rows.join('')}</table>`;
    const html = [
      t('<td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td>', row('规章', 0, 0, 0), row('规范性文件', 6, 6, 34)),
      t('<td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td>', row('行政许可', 53, '-3', 4126), row('其他对外管理服务事项', 69, 0, 85)),
      t('<td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td>', row('行政处罚', 4, '+4', 31), row('行政强制', 58, '增4', 33)),
      t('<td>上一年项目数量</td><td colspan=2>本年增/减</td>', '<tr><td>行政事业性收费</td><td>6</td><td colspan=2>减1</td></tr>'),
      t('<td>采购项目数量</td><td>采购总金额（万元）</td>', row('政府集中采购', 10, 387.8189)),
    ].join('<p>x</p>');
    const m = mapTables(tablesOf(html), active2019, {});
    expect(m.values).toMatchObject({
      licensing: { lastYear: 53, change: -3, decisions: 4126 },
      punishment: { change: 4 },
      coercion: { change: 4 },
      fees: { lastYear: 6, change: -1 },
      procurement: { projects: 10, amount: 387.8189, amountUnit: '万元' },
    });
    expect(m.complete).toBe(true);
  });
});

describe('mapTables on table 四', () => {
  const header = `<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>
    <tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((h) => `<td rowspan=2>${h}</td>`).join('')}<td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>
    <tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((h) => `<td>${h}</td>`).join('').repeat(2)}</tr>`;

  it('reads the one row of numbers under two header levels', () => {
    const m = mapTables(tablesOf(`<table>${header}${row(...Array.from({ length: 15 }, (_, i) => i))}</table>`), review, {});
    expect(m.values).toEqual({
      review: { upheld: 0, corrected: 1, other: 2, pending: 3, total: 4 },
      litigationDirect: { upheld: 5, corrected: 6, other: 7, pending: 8, total: 9 },
      litigationAfterReview: { upheld: 10, corrected: 11, other: 12, pending: 13, total: 14 },
    });
  });

  it('reads an all-blank row as zeros', () => {
    const m = mapTables(tablesOf(`<table>${header}${row(...Array(15).fill(''))}</table>`), review, {});
    expect((m.values as any).litigationAfterReview.total).toBe(0);
    expect(m.complete).toBe(true);
  });

  it('joins a header label broken over two grid rows', () => {
    const split = `<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>
      <tr><td>结果</td><td>结果</td><td>其他</td><td>尚未</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>
      <tr><td>维持</td><td>纠正</td><td>结果</td><td>审结</td>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((h) => `<td>${h}</td>`).join('').repeat(2)}</tr>`;
    const m = mapTables(tablesOf(`<table>${split}${row(...Array.from({ length: 15 }, (_, i) => i))}</table>`), review, {});
    expect((m.values as any).review).toEqual({ upheld: 0, corrected: 1, other: 2, pending: 3, total: 4 });
  });
});

describe('blankRowFromHeaderText', () => {
  const review = loadTemplates().editions[0]!.tables['reviewLitigation']!;
  it('reads a table 四 printed as its header only (borderless, every count blank) as zeros', () => {
    const text = '行政复议行政诉讼\n未经复议直接起诉复议后起诉\n结果结果其他尚未总结果结果其他尚未总维持纠正结果审结计\n维持纠正结果审结计维持纠正结果审结计';
    const m = blankRowFromHeaderText(text, review)!;
    expect(m.values).toEqual({
      review: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
    expect(m.warnings).toEqual(['the table is printed without any number under its header: its blank cells are read as 0']);
  });
  it('does not read prose, or text with numbers, as a blank table', () => {
    expect(blankRowFromHeaderText('本年度未发生行政复议、行政诉讼案件。', review)).toBeUndefined();
    expect(blankRowFromHeaderText('行政复议行政诉讼未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计 1', review)).toBeUndefined();
  });
  it('applies only to a table of one unlabelled row', () => {
    expect(blankRowFromHeaderText('自然人商业企业', loadTemplates().editions[0]!.tables['applications']!)).toBeUndefined();
  });
});
