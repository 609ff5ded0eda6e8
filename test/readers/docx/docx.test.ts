import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { readDocx } from '../../../src/readers/docx/index.js';
import { prepareDocumentXml } from '../../../src/readers/docx/prepare.js';
import { chineseCounting, formatCounter } from '../../../src/readers/docx/numbering.js';
import { denseGrid } from '../../../src/model/grid.js';
import { InputError, type Table as ModelTable } from '../../../src/model/document.js';

async function docxOf(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('Word numbering formats', () => {
  it.each([
    [1, '一'], [10, '十'], [12, '十二'], [20, '二十'], [21, '二十一'], [105, '一百零五'],
  ])('counts %i as %s', (n, text) => {
    expect(chineseCounting(n)).toBe(text);
  });
  it('renders the other formats reports use', () => {
    expect(formatCounter(3, 'decimal')).toBe('3');
    expect(formatCounter(2, 'ideographTraditional')).toBe('乙');
    expect(formatCounter(4, 'decimalEnclosedCircle')).toBe('④');
    expect(formatCounter(3, 'chineseLegalSimplified')).toBe('叁');
    expect(formatCounter(1, 'bullet')).toBe('');
  });
});

describe('readDocx', () => {
  it('writes the automatic numbering of headings into their text', async () => {
    const numbered = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })], numbering: { reference: 'h', level: 0 } });
    const doc = new Document({
      numbering: { config: [{ reference: 'h', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT }] }] },
      sections: [{ children: [numbered('总体情况'), new Paragraph('正文'), numbered('主动公开政府信息情况')] }],
    });
    const model = await readDocx(await docxOf(doc));
    expect(model.blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual(['一、总体情况', '正文', '二、主动公开政府信息情况']);
  });

  it('keeps vertically merged cells as one cell spanning rows', async () => {
    const cell = (text: string, opts: object = {}) => new TableCell({ children: [new Paragraph(text)], ...opts });
    const doc = new Document({
      sections: [{
        children: [new Table({
          rows: [
            new TableRow({ children: [cell('三、本年度办理结果', { verticalMerge: VerticalMergeType.RESTART }), cell('（一）予以公开'), cell('1')] }),
            new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('（二）部分公开'), cell('2')] }),
          ],
        })],
      }],
    });
    const model = await readDocx(await docxOf(doc));
    const t = model.blocks.find((b) => b.kind === 'table') as ModelTable;
    expect(denseGrid(t).map((r) => r.map((c) => c?.text))).toEqual([
      ['三、本年度办理结果', '（一）予以公开', '1'],
      ['三、本年度办理结果', '（二）部分公开', '2'],
    ]);
  });

  it('refuses a file that is not a zip, or a zip without a Word body', async () => {
    await expect(readDocx(new Uint8Array([1, 2, 3]))).rejects.toThrow(InputError);
  });
});

describe('prepareDocumentXml', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  it('pads a row that starts after the grid start (w:gridBefore) with an empty cell', () => {
    const xml = `<w:document ${W}><w:body><w:tbl><w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`;
    const out = prepareDocumentXml(xml)!;
    expect(out).toMatch(/<w:tc><w:tcPr><w:gridSpan w:val="2"\/><\/w:tcPr><w:p\/><\/w:tc><w:tc><w:p><w:r><w:t>x<\/w:t>/);
  });
  it('leaves a document without numbering or grid gaps untouched', () => {
    expect(prepareDocumentXml(`<w:document ${W}><w:body><w:p/></w:body></w:document>`)).toBeUndefined();
  });
});
