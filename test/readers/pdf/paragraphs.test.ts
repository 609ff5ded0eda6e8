import type { Block, Paragraph } from '../../../src/model/document.js';
import { buildBlocks } from '../../../src/readers/pdf/pipeline.js';
import { centred, item, page, paragraph } from './fixtures.js';
import type { TextItem } from '../../../src/readers/pdf/types.js';

function texts(blocks: Block[]): string[] {
  return blocks.filter((b): b is Paragraph => b.kind === 'paragraph').map((p) => p.text);
}

function read(...pages: TextItem[][]): Block[] {
  return buildBlocks({ pages: pages.map((items, k) => page(k + 1, items.map((it) => ({ ...it, page: k + 1 })))) }).blocks;
}

describe('paragraphs', () => {
  it('joins wrapped lines without spaces and keeps paragraphs apart by first-line indent', () => {
    const out = texts(read([...paragraph('第一段', 2, 100, { indent: 28 }), ...paragraph('第二段', 1, 160, { indent: 28 })]));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^第一段的+结束了。$/);
    expect(out[1]).toMatch(/^第二段的+结束了。$/);
  });

  it('keeps paragraphs apart by vertical space when nothing is indented', () => {
    const out = texts(read([...paragraph('第一段', 2, 100), ...paragraph('第二段', 2, 170), ...paragraph('第三段', 2, 240)]));
    expect(out.map((t) => t.slice(0, 3))).toEqual(['第一段', '第二段', '第三段']);
  });

  it('makes a heading its own paragraph', () => {
    const out = texts(read([item('一、 总体情况', 72, 80, { size: 14, bold: true }), ...paragraph('正文', 2, 100, { indent: 28 })]));
    expect(out[0]).toBe('一、总体情况');
    expect(out[1]).toMatch(/^正文/);
  });

  it('keeps a centred title wrapped over two lines as one paragraph', () => {
    const out = read([
      item('某某市人民政府办公厅2024年政府信息公开工作年', 72, 60, { size: 20, bold: true }),
      centred('度报告', 296, 88, { size: 20, bold: true }),
      ...paragraph('正文', 3, 130, { indent: 28 }),
    ]);
    const title = out[0] as Paragraph;
    expect(title.text).toBe('某某市人民政府办公厅2024年政府信息公开工作年度报告');
    expect(title.style).toMatchObject({ fontSize: 20, bold: true });
    expect(title.lines).toHaveLength(2);
  });

  it('keeps the signature block as separate short paragraphs', () => {
    const out = texts(read([
      ...paragraph('正文', 2, 100, { indent: 28 }),
      item('某某镇人民政府', 380, 200, { size: 14 }),
      item('2022年1月21日', 390, 222, { size: 14 }),
    ]));
    expect(out.slice(-2)).toEqual(['某某镇人民政府', '2022年1月21日']);
  });

  it('keeps a centred signature block apart', () => {
    const out = texts(read([...paragraph('正文', 2, 100, { indent: 28 }), centred('某某镇人民政府', 296, 200, { size: 14 }), centred('2022年1月21日', 296, 222, { size: 14 })]));
    expect(out.slice(-2)).toEqual(['某某镇人民政府', '2022年1月21日']);
  });

  it('continues a paragraph across a page break', () => {
    const first = paragraph('跨页', 3, 700, { indent: 28 });
    const tail = first.pop()!;
    const out = texts(read([...paragraph('前文', 1, 640, { indent: 28 }), ...first], [{ ...tail, y0: 80, y1: 94 }, ...paragraph('下一段', 1, 110, { indent: 28 })]));
    expect(out).toHaveLength(3);
    expect(out[1]).toMatch(/^跨页的+结束了。$/);
  });

  it('does not start a paragraph at closing punctuation pushed to a new line', () => {
    const out = texts(read([item('详见网站（http://www.example.gov.cn/abc', 72, 100, { size: 14 }), item('）。', 72, 120, { size: 14 }), ...paragraph('下一段', 1, 160, { indent: 28 })]));
    expect(out[0]).toBe('详见网站（http://www.example.gov.cn/abc）。');
  });

  it('keeps each paragraph with its page, box, style and lines', () => {
    const [p] = read(paragraph('正文', 1, 100, { indent: 28 })) as Paragraph[];
    expect(p).toMatchObject({ kind: 'paragraph', page: 1, style: { fontSize: 14, bold: false } });
    expect(p!.bbox).toEqual([72, 100, expect.any(Number), 134]);
    expect(p!.lines!.map((l) => l.page)).toEqual([1, 1]);
  });
});
