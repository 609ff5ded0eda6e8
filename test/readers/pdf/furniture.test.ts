import { isPageNumber, removeFurniture, type PageLines } from '../../../src/readers/pdf/furniture.js';
import { buildLines } from '../../../src/readers/pdf/lines.js';
import { item } from './fixtures.js';
import type { TextItem } from '../../../src/readers/pdf/types.js';

function pages(perPage: TextItem[][]): PageLines[] {
  return perPage.map((items, k) => ({ page: k + 1, width: 595, height: 842, lines: buildLines(items.map((it) => ({ ...it, page: k + 1 }))) }));
}

const body = (n: number) => item(`正文第${n}页的内容`, 72, 300);

describe('isPageNumber', () => {
  it.each(['- 3 -', '—3—', '第3页', '第 3 页 共 6 页', '3/6', '3', 'Page 3 of 6', '共6页 第3页'])('recognises %s', (t) => {
    expect(isPageNumber(t)).toBe(true);
  });

  it.each(['2021年', '第三章', '一、总体情况', '3.其他'])('leaves %s alone', (t) => {
    expect(isPageNumber(t)).toBe(false);
  });
});

describe('removeFurniture', () => {
  it('removes page numbers in the bottom margin', () => {
    const out = removeFurniture(pages([[body(1), item('- 1 -', 280, 800)], [body(2), item('- 2 -', 280, 800)]]));
    expect(out.map((p) => p.lines.map((l) => l.text))).toEqual([['正文第1页的内容'], ['正文第2页的内容']]);
  });

  it('removes bare digits in the margin but keeps numbers in the body', () => {
    const out = removeFurniture(pages([[item('59', 72, 300), item('1', 290, 810)]]));
    expect(out[0]!.lines.map((l) => l.text)).toEqual(['59']);
  });

  it('keeps a lone number that is not placed like a page number', () => {
    const out = removeFurniture(pages([[body(1), item('12', 420, 790), item('说明文字', 380, 805)]]));
    expect(out[0]!.lines.map((l) => l.text)).toContain('12');
  });

  it('removes a running header repeated at the same place on most pages', () => {
    const header = (p: number) => item('某某市人民政府办公厅', 200, 40, { page: p });
    const out = removeFurniture(pages([[body(1)], [header(2), body(2)], [header(3), body(3)]]));
    expect(out.flatMap((p) => p.lines.map((l) => l.text))).toEqual(['正文第1页的内容', '正文第2页的内容', '正文第3页的内容']);
  });

  it('treats headers that differ only in digits as the same (dates, page counters)', () => {
    const out = removeFurniture(pages([[item('2022/1/5 报告 1/2', 60, 20), body(1)], [item('2022/1/5 报告 2/2', 60, 20), body(2)]]));
    expect(out.flatMap((p) => p.lines.map((l) => l.text))).toEqual(['正文第1页的内容', '正文第2页的内容']);
  });

  it('keeps a title printed once at the top of the first page', () => {
    const out = removeFurniture(pages([[item('某某镇2021年政府信息公开工作年度报告', 100, 60), body(1)], [body(2)]]));
    expect(out[0]!.lines.map((l) => l.text)).toContain('某某镇2021年政府信息公开工作年度报告');
  });
});
