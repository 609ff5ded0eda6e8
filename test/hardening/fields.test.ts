/**
 * Issue 7, kind 2: numbers printed by Word fields. A field's printed result
 * is the document's text; its instruction (`=SUM(LEFT)`, `DATE`) never is.
 * DOCX simple (`w:fldSimple`) and complex (`w:fldChar`) fields, Word's HTML
 * (`mso-element:field-*` in conditional comments) and .doc field characters.
 */
import { Document, Packer, Paragraph, SimpleField, Table, TableCell, TableRow, TextRun } from 'docx';
import { readDocx } from '../../src/readers/docx/index.js';
import { prepareDocumentXml } from '../../src/readers/docx/prepare.js';
import { denseGrid } from '../../src/model/grid.js';
import type { Table as ModelTable } from '../../src/model/document.js';
import { modelOf, tablesOf } from '../helpers/model.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function docxOf(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

const texts = (t: ModelTable) => denseGrid(t).map((r) => r.map((c) => c?.text));

describe('Word simple fields (w:fldSimple)', () => {
  it('reads the result of a field in a table cell, not its instruction', async () => {
    const cell = (child: Paragraph) => new TableCell({ children: [child] });
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new SimpleField(' DOCPROPERTY Title ', '二、上年结转政府信息公开申请数量')] }),
          new Table({ rows: [new TableRow({ children: [cell(new Paragraph('自然人')), cell(new Paragraph({ children: [new SimpleField(' =SUM(LEFT) ', '7')] }))] })] }),
        ],
      }],
    });
    const model = await readDocx(await docxOf(doc));
    expect(model.blocks[0]).toMatchObject({ kind: 'paragraph', text: '二、上年结转政府信息公开申请数量' });
    expect(texts(model.blocks.find((b) => b.kind === 'table') as ModelTable)).toEqual([['自然人', '7']]);
    expect(JSON.stringify(model)).not.toMatch(/SUM|DOCPROPERTY/);
  });

  it('unwraps nested simple fields and keeps the runs around them', () => {
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>共</w:t></w:r><w:fldSimple w:instr=" =A1+B1 "><w:fldSimple w:instr=" REF x "><w:r><w:t>12</w:t></w:r></w:fldSimple></w:fldSimple><w:r><w:t>件</w:t></w:r></w:p></w:body></w:document>`;
    const out = prepareDocumentXml(xml)!;
    expect(out).not.toContain('fldSimple');
    expect(out).not.toContain('A1+B1');
    expect(out.replace(/<[^>]+>/g, '')).toBe('共12件');
  });

  it('reads complex fields as their result runs, never the w:instrText', async () => {
    const doc = new Document({
      sections: [{
        children: [new Table({ rows: [new TableRow({ children: [
          new TableCell({ children: [new Paragraph('合计')] }),
          new TableCell({ children: [new Paragraph({ children: [new TextRun({ children: ['9'] })] })] }),
        ] })] })],
      }],
    });
    const bytes = await docxOf(doc);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(
      /<w:r>(<w:rPr\/>)?<w:t xml:space="preserve">9<\/w:t><\/w:r>/,
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> =SUM(ABOVE) </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
    );
    expect(xml).toContain('instrText');
    zip.file('word/document.xml', xml);
    const model = await readDocx(new Uint8Array(await zip.generateAsync({ type: 'uint8array' })));
    expect(texts(model.blocks.find((b) => b.kind === 'table') as ModelTable)).toEqual([['合计', '9']]);
  });
});

describe("Word's HTML fields", () => {
  it('keeps the field result and drops the instruction held in conditional comments', () => {
    const field = (instr: string, result: string) =>
      `<!--[if supportFields]><span style='mso-element:field-begin'></span><span style='mso-spacerun:yes'> </span>${instr}<span style='mso-element:field-separator'></span><![endif]-->${result}<!--[if supportFields]><span style='mso-element:field-end'></span><![endif]-->`;
    const html = `<p class=MsoNormal>${field('DATE \\@ "yyyy年M月d日"', '2023年1月30日')}</p>
      <table class=MsoTableGrid><tr><td><p>自然人</p></td><td><p><span style='mso-field-code:" =SUM(LEFT) "'>${field('=SUM(LEFT)', '7')}</span></p></td></tr></table>`;
    const model = modelOf(html);
    expect(model.blocks[0]).toMatchObject({ kind: 'paragraph', text: '2023年1月30日' });
    expect(texts(tablesOf(html)[0]!)).toEqual([['自然人', '7']]);
    expect(JSON.stringify(model)).not.toMatch(/SUM|DATE|yyyy/);
  });

  it('keeps the text of downlevel-revealed conditionals (list numbers Word prints)', () => {
    const html = `<p class=MsoListParagraph><![if !supportLists]><span>一、</span><![endif]>总体情况</p>`;
    expect(modelOf(html).blocks[0]).toMatchObject({ kind: 'paragraph', text: '一、总体情况' });
  });
});
