import iconv from 'iconv-lite';
import { readTxt, textToModel } from '../../../src/readers/txt/index.js';
import type { Table } from '../../../src/model/document.js';

describe('the text reader', () => {
  it('reads one paragraph per line, Markdown marks removed, and tab-separated runs as tables', () => {
    const model = textToModel('# 某镇2021年政府信息公开工作年度报告\n\n## 一、总体情况\n\n**(一) 主动公开** 正文。\n信息内容\t本年制发件数\n规章\t0\n\n二、主动公开政府信息情况\n');
    expect(model.blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'table'))).toEqual([
      '某镇2021年政府信息公开工作年度报告',
      '一、总体情况',
      '(一) 主动公开 正文。',
      'table',
      '二、主动公开政府信息情况',
    ]);
    expect((model.blocks[3] as Table).cells.map((c) => c.text)).toEqual(['信息内容', '本年制发件数', '规章', '0']);
  });

  it('decodes GB18030 text files', async () => {
    const model = await readTxt(new Uint8Array(iconv.encode('一、总体情况\n', 'gbk')));
    expect(model.blocks).toEqual([{ kind: 'paragraph', text: '一、总体情况', page: null, style: {} }]);
  });
});
