import { agencyFromTitle, findSignature, findTitle, findYear, parseDate } from '../../src/locate/meta.js';
import { blocksOf } from '../helpers/model.js';

describe('parseDate', () => {
  it.each([
    ['2022年1月21日', '2022-01-21'],
    ['2022 年 1 月 21 日', '2022-01-21'],
    ['二〇二二年一月二十一日', '2022-01-21'],
    ['２０２３年１２月３日', '2023-12-03'],
    ['2021-01-10', '2021-01-10'],
    ['2021年13月1日', undefined],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });
});

describe('findSignature', () => {
  it('reads the agency line and the date line under the body', () => {
    const blocks = blocksOf('<p>本年度无其他事项。</p><p>潘庄镇人民政府</p><p>2022年1月21日</p>');
    expect(findSignature(blocks, 0, blocks.length)).toEqual({ agency: '潘庄镇人民政府', date: '2022-01-21', start: 1 });
  });
  it('reads agency and date printed on one line', () => {
    const blocks = blocksOf('<p>本年度无其他事项。</p><p>潘庄镇人民政府 2022年1月21日</p>');
    expect(findSignature(blocks, 0, blocks.length)).toMatchObject({ agency: '潘庄镇人民政府', date: '2022-01-21' });
  });
  it('does not take a sentence of the body for the agency', () => {
    const blocks = blocksOf('<p>本年度，我局未收取信息处理费。</p><p>2022年1月21日</p>');
    expect(findSignature(blocks, 0, blocks.length)).toEqual({ date: '2022-01-21', start: 1 });
  });
});

describe('findTitle', () => {
  it('skips site furniture and takes the report title', () => {
    const blocks = blocksOf('<p>某市人民政府门户网站</p><p>当前位置：首页 &gt; 政府信息公开年度报告</p><p><b>某镇2020年政府信息公开工作年度报告</b></p><p>一、总体情况</p>');
    expect(findTitle(blocks, 3)?.text).toBe('某镇2020年政府信息公开工作年度报告');
  });
  it('joins a title broken over two lines', () => {
    const blocks = blocksOf('<p>清远市清新区人民政府办公室2022年政府信息公开</p><p>工作年度报告</p><p>一、总体情况</p>');
    expect(findTitle(blocks, 2)?.text).toBe('清远市清新区人民政府办公室2022年政府信息公开工作年度报告');
  });
  it('joins a title whose last line is only 报告 (OCR gives each printed line its own paragraph)', () => {
    const blocks = blocksOf('<p>绵阳市卫生健康委员会2020年政府信息公开工作年度</p><p>报告</p><p>一、总体情况</p>');
    expect(findTitle(blocks, 2)?.text).toBe('绵阳市卫生健康委员会2020年政府信息公开工作年度报告');
    // A short line with 报告 under an unrelated sentence is no title.
    expect(findTitle(blocksOf('<p>本机关按要求公开信息。</p><p>报告</p>'), 2)).toBeUndefined();
  });
  it('joins the issuing body printed on the line above a title that starts with its year', () => {
    const blocks = blocksOf('<p>柳湾镇人民政府</p><p>2021年政府信息公开工作年度报告</p><p>一、总体情况</p>');
    expect(findTitle(blocks, 2)?.text).toBe('柳湾镇人民政府2021年政府信息公开工作年度报告');
  });
  it('does not join site furniture to the title', () => {
    const blocks = blocksOf('<p>示例市人民政府门户网站</p><p>2021年政府信息公开工作年度报告</p>');
    expect(findTitle(blocks, 2)?.text).toBe('2021年政府信息公开工作年度报告');
  });
  it('removes layout spaces between Chinese and digits', () => {
    expect(findTitle(blocksOf('<p>潘庄镇 2021 年政府信息公开工作年度报告</p>'), 1)?.text).toBe('潘庄镇2021年政府信息公开工作年度报告');
  });
});

describe('year and agency', () => {
  it('takes the reporting year from the title, not the publication date', () => {
    expect(findYear('潘庄镇2021年政府信息公开工作年度报告', undefined, '2022-01-21')).toBe(2021);
    expect(findYear(undefined, '2020年，我镇……', '2021-01-29')).toBe(2020);
    expect(findYear(undefined, undefined, '2021-01-29')).toBe(2020);
  });
  it("names the body a title's subject", () => {
    expect(agencyFromTitle('潘庄镇2021年政府信息公开工作年度报告')).toBe('潘庄镇');
    expect(agencyFromTitle('2021年度潘庄镇政府信息公开年度报告')).toBe('潘庄镇');
  });
});
