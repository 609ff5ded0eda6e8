/** CSV for spreadsheet users (issue 10, item 3), on the project's own samples. */

import { join } from 'node:path';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv.js';
import { csvColumns } from '../../src/writers/csv.js';
import { loadTemplates } from '../../src/template/load.js';

describe('CSV', () => {
  it('has no 2019 columns when every document is a 2021 report', () => {
    const r = gongkai(['extract', join(SAMPLE_DOCS, 'liuwan-town-2021.docx'), join(SAMPLE_DOCS, 'tongchuan-county-gov-2024.docx'), '--format', 'csv']);
    const header = parseCsv(r.stdout.replace(/^\uFEFF/, ''))[0]!;
    expect(header).toContain('activeDisclosure.regulations.issued');
    expect(header.filter((h) => /regulations\.made|procurement|otherServices/.test(h))).toEqual([]);
  });

  it('names the failed checks, says what they mean, and carries the warnings as text', () => {
    const r = gongkai(['extract', join(SAMPLE_DOCS, 'hexi-market-2020.docx'), join(SAMPLE_DOCS, 'meeting-notice-2023.docx'), '--format', 'csv']);
    const [header, hexi, notice] = parseCsv(r.stdout.replace(/^\uFEFF/, ''));
    const col = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(col(hexi!, 'failedChecks')).toBe('applications.totalProcessed.total; applications.rowTotal.granted; reviewLitigation.review.total');
    expect(col(hexi!, 'failedCheckDetails')).toContain('reviewLitigation.review.total: the parts sum to 3, the printed total is 2 (总计 of each group is the sum of its four results; parts: review.upheld + review.corrected + review.other + review.pending; total: review.total)');
    expect(col(notice!, 'warnings')).toMatch(/not a government information disclosure annual report/);
  });

  it('--labels zh writes the printed Chinese row and column labels', () => {
    const r = gongkai(['extract', join(SAMPLE_DOCS, 'liuwan-town-2021.docx'), '--format', 'csv', '--labels', 'zh']);
    const header = parseCsv(r.stdout.replace(/^\uFEFF/, ''))[0]!;
    expect(header.slice(0, 3)).toEqual(['文件', '路径', '格式']);
    expect(header).toContain('三、本年度办理结果（三）不予公开 1.属于国家秘密 · 自然人');
    expect(header).toContain('一、本年新收政府信息公开申请数量 · 法人或其他组织 · 其他');
    expect(header).toContain('复议后起诉 · 总计');
    expect(header.slice(-3)).toEqual(['未通过的校验', '校验说明', '警告']);
  });

  it('gives every cell column a distinct Chinese label', () => {
    const t = loadTemplates();
    const columns = csvColumns(t, t.editions.map((e) => e.id), 'zh');
    expect(new Set(columns.map((c) => c.header)).size).toBe(columns.length);
  });
});
