/** The workbook for people (issue 10, item 3). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';

describe('--format xlsx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-xlsx-'));
  const file = join(dir, 'review.xlsx');
  const wb = new ExcelJS.Workbook();
  let code: number | null;
  beforeAll(async () => {
    code = gongkai(['extract', join(SAMPLE_DOCS, 'hexi-market-2020.docx'), join(SAMPLE_DOCS, 'liuwan-town-2021.docx'), join(SAMPLE_DOCS, 'meeting-notice-2023.docx'), '-o', file]).code;
    await wb.xlsx.readFile(file);
  }, 120_000);

  const rows = (name: string) => {
    const out: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
    return out;
  };

  it('writes one workbook: documents, then a sheet per table', () => {
    expect(code).toBe(1); // the meeting notice is not a report
    expect(wb.worksheets.map((w) => w.name)).toEqual(['文档', '二 主动公开', '三 依申请', '四 复议诉讼', '统计表（2008–2018）']);
  });

  it('says so on a sheet no document has anything for', () => {
    expect(rows('统计表（2008–2018）')).toEqual([['本批没有2008–2018年的旧版报告']]);
  });

  it('lists every document with its status, failed checks and warnings', () => {
    const [header, hexi, liuwan, notice] = rows('文档');
    const at = (row: unknown[], h: string) => row[header!.indexOf(h)];
    expect(at(hexi!, '状态')).toBe('complete');
    expect(at(hexi!, '未通过的校验')).toBe('applications.totalProcessed.total; applications.rowTotal.granted; reviewLitigation.review.total');
    expect(at(liuwan!, '未通过的校验')).toBeUndefined();
    expect(at(notice!, '状态')).toBe('failed');
    expect(String(at(notice!, '警告'))).toMatch(/not a government information disclosure annual report/);
  });

  it('lays table 三 out like the printed form, one block per document', () => {
    const r = rows('三 依申请');
    expect(r[0]![0]).toMatch(/^hexi-market-2020\.docx +云州市河西区市场监督管理局2020年政府信息公开工作年度报告/);
    expect(r[2]).toEqual(['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(r[3]).toEqual(['一、本年新收政府信息公开申请数量', 25, 5, 0, 0, 1, 0, 31]);
    expect(r.some((row) => row[0] === '    1.属于国家秘密')).toBe(true);
    expect(r.filter((row) => String(row[0]).includes('柳湾镇'))).toHaveLength(1); // the second document's block
  });

  it('marks the printed totals of failed checks, with a note saying what the check is', () => {
    const ws = wb.getWorksheet('四 复议诉讼')!;
    const total = ws.getRow(4).getCell(6); // 行政复议 · 总计 of the first document
    expect(total.value).toBe(2);
    expect((total.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(JSON.stringify(total.note)).toContain('the parts sum to 3, the printed total is 2');
    const fine = ws.getRow(4).getCell(11); // 未经复议直接起诉 · 总计
    expect((fine.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
  });
});
