import { mayHoldTable } from '../../../src/readers/pdf/table-pages.js';
import type { TextItem } from '../../../src/readers/pdf/types.js';

const hints = { columnLabels: ['行政复议', '结果维持', '信息内容', '本年收费金额'], rowLabels: ['行政事业性收费', '规章'] };
const wants = mayHoldTable(hints);

/** Items on one line, left to right, each `w` points wide after a gap of `gap`. */
function line(y: number, texts: string[], gap: number, w = 24): TextItem[] {
  let x = 50;
  return texts.map((text) => {
    const it: TextItem = { text, x0: x, x1: x + w, y0: y, y1: y + 12, page: 1, fontSize: 12, bold: false };
    x += w + gap;
    return it;
  });
}

describe('mayHoldTable', () => {
  it('skips running text whose numbers touch their words', () => {
    expect(wants([...line(100, ['2021', '年，本镇发布信息', '59', '条，办理', '3', '件'], 0)])).toBe(false);
  });
  it('takes a page with numbers standing apart like table cells', () => {
    expect(wants(line(100, ['规章', '0', '0', '0'], 40))).toBe(true);
  });
  it('takes a table of blank cells by its header words', () => {
    expect(wants(line(100, ['行政复议', '结果维持', '结果维持'], 40))).toBe(true);
  });
  it("takes a table's last row alone on a page, with its header", () => {
    expect(wants([...line(100, ['信息内容', '本年收费金额（单位：万元）'], 40, 80), ...line(130, ['行政事业性收费', '87.2'], 40, 80)])).toBe(true);
  });
  it('does not count template words inside long running text', () => {
    expect(wants(line(100, ['本年度未发生行政复议、行政诉讼案件，规章和信息内容均已公开发布于门户网站。'], 0, 400))).toBe(false);
  });
});
