/** The workbook's legacy-statistics sheet (issue 10, item 3: "legacy statistics once it exists"). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';
import { loadTemplates } from '../../src/template/load.js';
import { runChecks } from '../../src/checks/evaluate.js';
import { xlsxWorkbook } from '../../src/writers/xlsx.js';
import { legacyStatisticsSheet } from '../../src/legacy/xlsx.js';
import type { Report } from '../../src/report/types.js';

const SHEET = '统计表（2008–2018）';

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}

async function* each(reports: Report[]): AsyncIterable<Report> {
  yield* reports;
}

describe('--format xlsx with legacy reports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-xlsx-legacy-'));
  const file = join(dir, 'legacy.xlsx');
  const wb = new ExcelJS.Workbook();
  let code: number | null;
  beforeAll(async () => {
    const docs = ['lanxi-stats-2016.docx', 'liuwan-town-2021.docx', 'yunzhou-city-2013.docx', 'hetang-town-2010.docx'];
    code = gongkai(['extract', ...docs.map((d) => join(SAMPLE_DOCS, d)), '-o', file]).code;
    await wb.xlsx.readFile(file);
  }, 120_000);

  it('adds a legacy statistics sheet after the tables', () => {
    expect(code).toBe(0);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['文档', '二 主动公开', '三 依申请', '四 复议诉讼', SHEET]);
  });

  it('lays a gov2014 table out like the printed 统计表: template labels under their printed groups, units, values', () => {
    const r = rowsOf(wb.getWorksheet(SHEET)!);
    const start = r.findIndex((row) => String(row[0]).startsWith('lanxi-stats-2016.docx'));
    expect(start).toBe(0);
    expect(r[0]![0]).toMatch(/兰溪县统计局2016年政府信息公开工作年度报告 +（legacy · gov2014）/);
    expect(r[1]).toEqual(['兰溪县统计局2016年政府信息公开情况统计表']);
    expect(r[2]).toEqual(['统计指标', '单位', '统计数']);
    expect(r[3]).toEqual(['一、主动公开情况']);
    expect(r[4]).toEqual(['  （一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', 212]);
    expect(r).toContainEqual(['  （一）收到申请数', '件', 4]);
    expect(r).toContainEqual(['    2.政府网站公开政府信息数', '条', 212]);
    // 四、行政复议数量 is a row with a value; its details sit under it without an invented group row.
    const review = r.findIndex((row) => row[0] === '四、行政复议数量');
    expect(r[review]).toEqual(['四、行政复议数量', '件', 0]);
    expect(r[review + 1]).toEqual(['  （一）维持具体行政行为数', '件', 0]);
  });

  it('keeps a local row the template does not know, with its printed label and a note', () => {
    const ws = wb.getWorksheet(SHEET)!;
    let found: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (String(row.getCell(1).value).trim() === '主动公开统计数据发布信息') found = row;
    });
    expect(found?.getCell(3).value).toBe(120);
    expect(JSON.stringify(found?.getCell(1).note)).toContain('模板无此行');
  });

  it('lays a Shanghai-type coded table out with its 代码 column', () => {
    const r = rowsOf(wb.getWorksheet(SHEET)!);
    const start = r.findIndex((row) => String(row[0]).startsWith('yunzhou-city-2013.docx'));
    expect(r[start]![0]).toMatch(/（legacy · shanghai2008）$/);
    expect(r[start + 2]).toEqual(['指标名称', '计量单位', '代码', '本年累计（未印时为本期实际）']);
    expect(r[start + 3]).toEqual(['主动公开信息数', '条', '01', 5230]);
    expect(r).toContainEqual(['申请总数', '条', '10', 126]);
  });

  it('gives a legacy report without a statistics table one line, and keeps modern reports off the sheet', () => {
    const r = rowsOf(wb.getWorksheet(SHEET)!);
    const hetang = r.findIndex((row) => String(row[0]).startsWith('hetang-town-2010.docx'));
    expect(r[hetang + 1]).toEqual(['未附统计表']);
    expect(r.some((row) => String(row[0]).startsWith('liuwan-town-2021.docx'))).toBe(false);
  });

  it('keeps legacy reports off the sheets of the 2019/2021 tables', () => {
    for (const name of ['二 主动公开', '三 依申请', '四 复议诉讼']) {
      const titles = rowsOf(wb.getWorksheet(name)!).map((row) => String(row[0]));
      expect(titles.filter((t) => t.endsWith('.docx') || t.includes('.docx '))).toEqual([titles.find((t) => t.startsWith('liuwan-town-2021.docx'))]);
    }
  });
});

describe('legacy statistics sheet: failed checks and rows not printed', () => {
  const templates = loadTemplates();
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const r = gongkai(['extract', join(SAMPLE_DOCS, 'lanxi-stats-2016.docx')]);
    const report = JSON.parse(r.stdout) as Report;
    const stats = report.legacy!.statistics!;
    // The printed 申请办结数 made inconsistent with its two parts (4 + 0), and 传真申请数 not printed.
    stats.rows.find((row) => row.path === 'requests.closed')!.value = 5;
    (stats.values['requests'] as Record<string, unknown>)['closed'] = 5;
    stats.rows = stats.rows.filter((row) => row.path !== 'requests.channels.fax');
    ((stats.values['requests'] as Record<string, Record<string, unknown>>)['channels']!)['fax'] = null;
    report.checks = runChecks(templates.checks, report as unknown as Record<string, unknown>);
    expect(report.checks.find((c) => c.rule === 'legacy.requests.closed')).toMatchObject({ passed: false, expected: 4, actual: 5 });
    expect(report.checks.find((c) => c.rule === 'legacy.requests.channels')).toBeUndefined(); // an input is null: not listed
    const wb = new ExcelJS.Workbook();
    const bytes = await xlsxWorkbook(each([report]), templates, [legacyStatisticsSheet(templates)]);
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer); // exceljs types its input as its own Buffer
    ws = wb.getWorksheet(SHEET)!;
  }, 120_000);

  const rowLabelled = (label: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (String(row.getCell(1).value).trim() === label) found = row;
    });
    return found!;
  };

  it('marks the printed total of a failed check red, with a note saying what the check is', () => {
    const total = rowLabelled('（二）申请办结数').getCell(3);
    expect(total.value).toBe(5);
    expect((total.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(JSON.stringify(total.note)).toContain('legacy.requests.closed: the parts sum to 4, the printed total is 5');
    const part = rowLabelled('1.按时办结数').getCell(3);
    expect((part.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
  });

  it('shows a template row the document does not print greyed, at its template place', () => {
    const fax = rowLabelled('2.传真申请数');
    expect(fax.number).toBe(rowLabelled('1.当面申请数').number + 1);
    expect(fax.getCell(3).value).toBeNull();
    expect((fax.getCell(3).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9D9D9');
    expect(JSON.stringify(fax.getCell(3).note)).toContain('本表未印此行');
  });
});
