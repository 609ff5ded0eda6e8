/**
 * Issue 7, kind 6: a labelled table printed without ruling lines and with
 * every value cell blank is zeros when its rows and columns are identified;
 * null stays for what is not there.
 */
import { blankTableFromText, BLANK_TABLE_WARNING } from '../../src/template/blank-table.js';
import { loadTemplates } from '../../src/template/load.js';

const edition = (id: string) => loadTemplates().editions.find((e) => e.id === id)!;
const active2021 = edition('2021').tables['activeDisclosure']!;
const applications = edition('2021').tables['applications']!;

const TABLE2 = [
  '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '规章', '行政规范性文件',
  '第二十条第（五）项', '信息内容 本年处理决定数量', '行政许可',
  '第二十条第（六）项', '信息内容 本年处理决定数量', '行政处罚', '行政强制',
  '第二十条第（八）项', '信息内容 本年收费金额（单位：万元）', '行政事业性收费',
].join('\n');

describe('blankTableFromText', () => {
  it('reads table 二 printed as blank small borderless tables as zeros, with the fee unit of its header', () => {
    const m = blankTableFromText(TABLE2, active2021)!;
    expect(m.values).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
      licensing: { decisions: 0 },
      punishment: { decisions: 0 },
      coercion: { decisions: 0 },
      fees: { amount: 0, amountUnit: '万元' },
    });
    expect(m.complete).toBe(true);
    expect(m.warnings).toEqual([BLANK_TABLE_WARNING]);
  });

  it('does not read text with a number, a missing row or a missing column as a blank table', () => {
    expect(blankTableFromText(TABLE2.replace('行政强制', '行政强制 3'), active2021)).toBeUndefined();
    expect(blankTableFromText(TABLE2.replace('行政强制', ''), active2021)).toBeUndefined();
    expect(blankTableFromText(TABLE2.replace('本年废止件数', ''), active2021)).toBeUndefined();
  });

  it('allows the row ordinals a blank table prints, not a number', () => {
    const rows = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量'];
    expect(blankTableFromText(TABLE2.replace('行政强制', '行政强制 0.5'), active2021)).toBeUndefined();
    expect(blankTableFromText(`1.${TABLE2}`, active2021)).toBeDefined();
    expect(blankTableFromText(rows.join('\n'), applications)).toBeUndefined();
  });

  it('wants the rows in the template order', () => {
    const swapped = TABLE2.replace('行政处罚', 'X').replace('行政强制', '行政处罚').replace('X', '行政强制');
    expect(blankTableFromText(swapped, active2021)).toBeUndefined();
  });

  it('does not take prose mentioning a few labels for a table', () => {
    expect(blankTableFromText('本年度未发生行政许可、行政处罚、行政强制事项，未收取行政事业性收费。', active2021)).toBeUndefined();
    expect(blankTableFromText('本机关未收到政府信息公开申请。', applications)).toBeUndefined();
  });
});
