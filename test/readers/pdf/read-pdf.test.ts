import { InputError, type Paragraph, type Table } from '../../../src/model/document.js';
import { readPdf, readPrimitives } from '../../../src/readers/pdf/index.js';
import { miniPdf, type MiniText } from './mini-pdf.js';

const body: MiniText[] = [
  { text: '某某镇2021年政府信息公开工作年度报告', x: 120, y: 760, size: 20, bold: true },
  { text: '一、总体情况', x: 72, y: 720, size: 14, bold: true },
  { text: '2021年，某某镇认真贯彻政府信息公开条例，加大公开力度，依照相关法律', x: 72, y: 696, size: 14 },
  { text: '法规的要求，积极推进政府信息公开工作。', x: 72, y: 674, size: 14 },
];

/** A 2 × 2 ruled table: 规章 | 3 and 行政许可 | 5. */
const table = {
  texts: [
    { text: '规章', x: 80, y: 606 },
    { text: '3', x: 250, y: 606 },
    { text: '行政许可', x: 80, y: 586 },
    { text: '5', x: 250, y: 586 },
  ],
  raw: '0.5 w 72 580 m 300 580 l S 72 600 m 300 600 l S 72 620 m 300 620 l S 72 580 m 72 620 l S 200 580 m 200 620 l S 300 580 m 300 620 l S',
};

describe('readPdf', () => {
  it('reads metadata, pages, paragraphs and ruled tables from a born-digital PDF', async () => {
    const doc = await readPdf(miniPdf([{ texts: [...body, ...table.texts], raw: table.raw }], { title: '某某镇2021年政府信息公开工作年度报告' }));
    expect(doc).toMatchObject({ format: 'pdf', pageCount: 1, pages: [{ width: 595, height: 842 }], metadata: { title: '某某镇2021年政府信息公开工作年度报告' } });
    const paragraphs = doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
    expect(paragraphs.map((p) => p.text)).toEqual([
      '某某镇2021年政府信息公开工作年度报告',
      '一、总体情况',
      '2021年，某某镇认真贯彻政府信息公开条例，加大公开力度，依照相关法律法规的要求，积极推进政府信息公开工作。',
    ]);
    expect(paragraphs[1]!.style.bold).toBe(true);
    expect(paragraphs[2]!.style.bold).toBe(false);
    const t = doc.blocks.find((b): b is Table => b.kind === 'table')!;
    expect(t).toMatchObject({ rows: 2, cols: 2, strategy: 'lattice', page: 1 });
    expect(t.cells.map((c) => c.text)).toEqual(['规章', '3', '行政许可', '5']);
    expect(t.cells[0]!.bbox).toEqual([72, 222, 200, 242]);
  });

  it('reads the ruling lines of a page a table runs onto, however little text it has', async () => {
    const hints = { columnLabels: ['信息内容'], rowLabels: ['规章'] };
    // Page 2 holds the last row of page 1's table: one number, nothing that says "table".
    const last = { texts: [{ text: '7', x: 250, y: 786 }], raw: '0.5 w 72 780 m 300 780 l S 72 800 m 300 800 l S 72 780 m 72 800 l S 200 780 m 200 800 l S 300 780 m 300 800 l S' };
    const doc = await readPdf(miniPdf([{ texts: [...body, ...table.texts], raw: table.raw }, last]), { hints });
    const cells = doc.blocks.filter((b): b is Table => b.kind === 'table').flatMap((t) => t.cells.map((c) => c.text));
    expect(cells).toContain('7');
  });

  it('leaves a slanted watermark out of the text, with a warning', async () => {
    const watermark = 'BT 0 Tr /F1 40 Tf 0.707 0.707 -0.707 0.707 150 300 Tm <518590E88D446599> Tj ET';
    const doc = await readPdf(miniPdf([{ texts: body, raw: watermark }]));
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('')).not.toContain('内部资料');
    expect(doc.warnings).toEqual(['1 rotated text item(s) outside tables ignored (watermark?)']);
  });

  it('does not consume the caller\'s bytes', async () => {
    const bytes = miniPdf([{ texts: body }]);
    await readPdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('rejects a file that is not a PDF', async () => {
    await expect(readPdf(new TextEncoder().encode('hello, not a pdf'))).rejects.toThrow(new InputError('not a readable PDF: Invalid PDF structure.'));
  });

  it('rejects a truncated PDF', async () => {
    const bytes = miniPdf([{ texts: body }]);
    await expect(readPdf(bytes.slice(0, 300))).rejects.toThrow(/^not a readable PDF: /);
  });

  it('rejects an encrypted PDF without its password, or with a wrong one', async () => {
    const bytes = miniPdf([{ texts: body }], { userPassword: 'secret', title: '加密' });
    await expect(readPdf(bytes)).rejects.toThrow(new InputError('encrypted PDF: a password is required'));
    await expect(readPdf(bytes, { password: 'wrong' })).rejects.toThrow(new InputError('encrypted PDF: the password is incorrect'));
    await expect(readPrimitives(bytes, 'secret')).resolves.toMatchObject({ title: '加密' });
  });

  it('refuses a document with more pages than allowed before reading them', async () => {
    const bytes = miniPdf([{ texts: body }, { texts: body }, { texts: body }]);
    await expect(readPdf(bytes, { maxPages: 2 })).rejects.toThrow(new InputError('too many pages: 3 (limit 2)'));
  });

  it('rejects a PDF without a text layer', async () => {
    await expect(readPdf(miniPdf([{ raw: table.raw }, { raw: table.raw }]))).rejects.toThrow(new InputError('no usable text layer (scanned?)'));
  });
});
