/**
 * Issue 7, kind 4: a blank template is not a report; a report whose tables
 * are entirely blank is not silently complete.
 */
import { assembleReport } from '../../src/report/assemble.js';
import { ALL_BLANK_WARNING, blankTemplateReason, countBlankCells, isPlaceholderText } from '../../src/report/blank.js';
import { loadTemplates } from '../../src/template/load.js';
import { modelOf } from '../helpers/model.js';

describe('placeholder text', () => {
  it.each(['（文字描述）', '(文字描述)', '（略）', 'XXXX', '××××', '……', '（文字描述）\n（文字描述）'])('reads %s as a placeholder', (t) => {
    expect(isPlaceholderText(t)).toBe(true);
  });
  it.each(['2021年，本镇未收到申请。', '无。', ''])('reads %s as text', (t) => {
    expect(isPlaceholderText(t)).toBe(false);
  });
});

describe('blankTemplateReason', () => {
  const allBlank = { cells: 3, blank: 3 };
  it('names a blank template when every cell is blank and the document has no year and placeholder text', () => {
    expect(blankTemplateReason({ title: '政府信息公开工作年度报告', signedBy: undefined, year: null, texts: ['（文字描述）'], count: allBlank })).toMatch(/blank template/);
  });
  it('is not fooled by a real report whose cells are all blank', () => {
    expect(blankTemplateReason({ title: '潘庄镇2021年政府信息公开工作年度报告', signedBy: '潘庄镇人民政府', year: 2021, texts: ['2021年，本镇…'], count: allBlank })).toBeUndefined();
  });
  it('never calls a document with a printed number a template', () => {
    expect(blankTemplateReason({ title: '年度报告格式模板', signedBy: undefined, year: null, texts: ['（文字描述）'], count: { cells: 3, blank: 2 } })).toBeUndefined();
  });
  it('counts blank cells from their printed text; cells not found are not counted', () => {
    const count = { cells: 0, blank: 0 };
    countBlankCells(count, { a: { x: 0, y: 5, z: null } }, { 'a.x': { page: null, raw: ' ' }, 'a.y': { page: null, raw: '5' } });
    expect(count).toEqual({ cells: 2, blank: 1 });
  });
});

/** The national template's outline as a web page, with every value cell of its tables blank. */
function templatePage(title: string, text: string, signature: string): string {
  const blankRow = (label: string, n: number) => `<tr><td>${label}</td>${'<td></td>'.repeat(n)}</tr>`;
  const t3cols = '<tr><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>';
  return `<h1>${title}</h1>
  <p>一、总体情况</p><p>${text}</p>
  <p>二、主动公开政府信息情况</p>
  <table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>${blankRow('规章', 3)}${blankRow('行政规范性文件', 3)}
  <tr><td>信息内容</td><td>本年处理决定数量</td></tr>${blankRow('行政许可', 1)}<tr><td>信息内容</td><td>本年处理决定数量</td></tr>${blankRow('行政处罚', 1)}${blankRow('行政强制', 1)}
  <tr><td>信息内容</td><td>本年收费金额（单位：万元）</td></tr>${blankRow('行政事业性收费', 1)}</table>
  <p>三、收到和处理政府信息公开申请情况</p>
  <table><tr><td>本列数据的勾稽关系</td></tr>${t3cols}${blankRow('一、本年新收政府信息公开申请数量', 7)}${blankRow('二、上年结转政府信息公开申请数量', 7)}</table>
  <p>四、政府信息公开行政复议、行政诉讼情况</p>
  <table><tr><td>行政复议</td><td>行政诉讼</td></tr><tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr><tr>${'<td></td>'.repeat(5)}</tr></table>
  <p>五、政府信息公开工作存在的主要问题及改进情况</p><p>${text}</p>
  <p>六、其他需要报告的事项</p><p>${text}</p>${signature}`;
}

describe('assembleReport on blank documents', () => {
  const templates = loadTemplates();
  it('fails the national template, saying it is a blank template', () => {
    const { body } = assembleReport(modelOf(templatePage('政府信息公开工作年度报告格式模板', '（文字描述）', '')), templates);
    expect(body.status).toBe('failed');
    expect(body.warnings[0]).toMatch(/blank template/);
    expect(body.activeDisclosure).toBeNull();
  });
  it('reads a real report whose tables are all blank as zeros, with a warning that every cell was blank', () => {
    const page = templatePage('潘家镇2021年政府信息公开工作年度报告', '2021年，本镇未收到政府信息公开申请。', '<p>潘家镇人民政府</p><p>2022年1月20日</p>');
    const { body } = assembleReport(modelOf(page), templates);
    expect(body.status).not.toBe('failed');
    expect((body.activeDisclosure as any).regulations.issued).toBe(0);
    expect(body.warnings).toContain(ALL_BLANK_WARNING);
  });
});
