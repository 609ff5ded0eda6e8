import iconv from 'iconv-lite';
import { readHtml } from '../../../src/readers/html/index.js';
import { decodeText } from '../../../src/text/decode.js';
import { denseGrid } from '../../../src/model/grid.js';
import type { Table } from '../../../src/model/document.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('readHtml', () => {
  it('decodes a GB2312 page by its meta charset', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>年度报告</title></head><body><p>一、总体情况</p></body></html>';
    const model = await readHtml(new Uint8Array(iconv.encode(html, 'gbk')));
    expect(model.metadata.title).toBe('年度报告');
    expect(model.blocks).toEqual([{ kind: 'paragraph', text: '一、总体情况', page: null, style: {} }]);
  });

  it('falls back to GB18030 when undeclared bytes are not UTF-8', () => {
    expect(decodeText(new Uint8Array(iconv.encode('政府信息公开', 'gbk')))).toBe('政府信息公开');
  });

  it('cuts paragraphs at blocks and line breaks, and notes bold and alignment', async () => {
    const model = await readHtml(bytes('<div><p align=center><b>标题</b></p>正文一<br>正文二<p style="text-align:right">落款</p></div>'));
    expect(model.blocks.map((b) => (b.kind === 'paragraph' ? [b.text, b.style] : b.kind))).toEqual([
      ['标题', { align: 'center', bold: true }],
      ['正文一', {}],
      ['正文二', {}],
      ['落款', { align: 'right' }],
    ]);
  });

  it('builds the cell grid with row and column spans', async () => {
    const model = await readHtml(bytes('<table><tr><td rowspan=2>a</td><td colspan=2>b</td></tr><tr><td>c</td><td>自<br>然人</td></tr></table>'));
    const t = model.blocks[0] as Table;
    expect([t.rows, t.cols]).toEqual([2, 3]);
    expect(denseGrid(t).map((r) => r.map((c) => c?.text))).toEqual([
      ['a', 'b', 'b'],
      ['a', 'c', '自然人'],
    ]);
  });

  it('reads a page laid out in a table as flow, keeping the data table inside it', async () => {
    const long = '这是一段很长的正文。'.repeat(30);
    const model = await readHtml(bytes(`<table><tr><td>导航</td><td><p>${long}</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>`));
    expect(model.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'table']);
    expect((model.blocks[2] as Table).cells.map((c) => c.text)).toEqual(['规章', '0']);
  });

  it('ignores scripts and styles', async () => {
    const model = await readHtml(bytes('<style>p{}</style><script>var a="一、总体情况"</script><p>正文</p>'));
    expect(model.blocks).toHaveLength(1);
  });
});
