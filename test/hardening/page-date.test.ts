/**
 * Issue 7, kind 7: the publication date of a report saved from a website is
 * the page's 发布日期 line or metadata table when the signature has none.
 */
import { findPageDate } from '../../src/locate/page-date.js';
import { blocksOf } from '../helpers/model.js';

const date = (html: string) => {
  const blocks = blocksOf(html);
  return findPageDate(blocks, 0, blocks.length);
};

describe('findPageDate', () => {
  it.each([
    ['<p>发布日期：2020-01-31　来源：区政府办</p>', '2020-01-31'],
    ['<p>发布时间：2021-01-29 10:30:12　浏览次数：386</p>', '2021-01-29'],
    ['<p>日期：2020年1月31日</p>', '2020-01-31'],
    ['<p>【发布时间】 2023/01/18</p>', '2023-01-18'],
  ])('reads %s', (html, want) => {
    expect(date(html)).toBe(want);
  });

  it('reads a metadata table, label and date in neighbouring cells or in one cell', () => {
    expect(date('<table><tr><td>索引号：</td><td>11130-2021-00012</td><td>发文日期：</td><td>2021-01-20</td></tr></table>')).toBe('2021-01-20');
    expect(date('<table><tr><td>发文机关：某区人民政府办公室</td><td>成文日期：2021年01月18日</td></tr></table>')).toBe('2021-01-18');
  });

  it('prefers 成文日期 and 发布日期 over 生成日期', () => {
    expect(date('<table><tr><td>生成日期</td><td>2021-03-02</td></tr><tr><td>成文日期</td><td>2021-01-18</td></tr></table>')).toBe('2021-01-18');
    expect(date('<p>生成日期：2021-03-02</p><p>发布日期：2021-01-25</p>')).toBe('2021-01-25');
    expect(date('<p>生成日期：2021-03-02</p>')).toBe('2021-03-02');
  });

  it('never takes the reporting period or an unlabelled date', () => {
    expect(date('<p>本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。</p>')).toBeUndefined();
    expect(date('<p>统计时间：2022年1月1日至2022年12月31日</p>')).toBeUndefined();
    expect(date('<p>2022年1月1日</p>')).toBeUndefined();
  });
});
