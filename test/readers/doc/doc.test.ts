import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import CFB from 'cfb';
import { readDoc } from '../../../src/readers/doc/index.js';
import { denseGrid } from '../../../src/model/grid.js';
import { InputError, type Paragraph, type Table } from '../../../src/model/document.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/doc');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

const paragraphs = (blocks: { kind: string }[]) => blocks.filter((b): b is Paragraph => b.kind === 'paragraph');

/** A copy of an OLE file with one top-level stream's bytes changed. */
function patchStream(bytes: Uint8Array, name: string, patch: (stream: Uint8Array) => Uint8Array): Uint8Array {
  const cfb = CFB.read(bytes, { type: 'array' });
  const entry = CFB.find(cfb, `/${name}`)!;
  entry.content = patch(Uint8Array.from(entry.content));
  entry.size = entry.content.length;
  return new Uint8Array(CFB.write(cfb, { type: 'array' }) as number[]);
}

function oleWith(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(cfb, `/${name}`, content);
  return new Uint8Array(CFB.write(cfb, { type: 'array' }) as number[]);
}

describe('readDoc on text', () => {
  it('reads paragraphs in order with their alignment, size and boldness', async () => {
    const model = await readDoc(fixture('text.doc'));
    expect(model.format).toBe('doc');
    expect(model.pageCount).toBeNull();
    const ps = paragraphs(model.blocks);
    expect(ps[0]).toEqual({
      kind: 'paragraph',
      text: '示例镇2021年政府信息公开工作年度报告',
      page: null,
      style: { bold: true, fontSize: 22, align: 'center' },
    });
    expect(ps[1]!.style).toEqual({ fontSize: 16, align: 'left' });
    expect(ps.at(-1)).toMatchObject({ text: '示例镇人民政府', style: { align: 'right' } });
  });

  it('cuts a paragraph at a line break, shows field results without their codes and turns tabs into spaces', async () => {
    const texts = paragraphs((await readDoc(fixture('text.doc'))).blocks).map((p) => p.text);
    expect(texts).toEqual([
      '示例镇2021年政府信息公开工作年度报告',
      '本报告依据《中华人民共和国政府信息公开条例》编制。',
      '第一行',
      '第二行',
      '详见门户网站。',
      '联系电话： 0000-1234567',
      '可见文字',
      '部分加粗',
      'Annual report, café edition',
      '示例镇人民政府',
    ]);
  });

  it('drops hidden text and calls a paragraph bold only when all of its text is bold', async () => {
    const ps = paragraphs((await readDoc(fixture('text.doc'))).blocks);
    expect(ps.find((p) => p.text === '可见文字')!.style.bold).toBe(true);
    expect(ps.find((p) => p.text === '部分加粗')!.style.bold).toBeUndefined();
  });

  it('takes the title from the summary information', async () => {
    expect((await readDoc(fixture('text.doc'))).metadata).toEqual({ title: '示例镇2021年政府信息公开工作年度报告' });
  });
});

describe('readDoc on tables', () => {
  async function table(): Promise<Table> {
    const model = await readDoc(fixture('table.doc'));
    expect(model.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    return model.blocks[1] as Table;
  }

  it('builds one grid where merged cells span rows and columns', async () => {
    const t = await table();
    expect([t.rows, t.cols, t.strategy, t.page]).toEqual([5, 6, 'markup', null]);
    expect(denseGrid(t).map((r) => r.map((c) => c?.text))).toEqual([
      ['项目', '自然人', '法人或其他组织', '法人或其他组织', '法人或其他组织', '总计'],
      ['项目', '自然人', '商业企业', '科研机构', '其他', '总计'],
      ['三、本年度办理结果', '1', '2', '3', '4', '10'],
      ['三、本年度办理结果', '5', '', '0', '1', '6'],
      ['第一段第二段', '合计', '合计', '合计', '合计', '16'],
    ]);
  });

  it('keeps the text of a vertically merged cell in the cell that starts it', async () => {
    const t = await table();
    expect(t.cells.find((c) => c.text === '三、本年度办理结果')).toMatchObject({ row: 2, col: 0, rowSpan: 2, colSpan: 1 });
    expect(t.cells.find((c) => c.text === '法人或其他组织')).toMatchObject({ row: 0, col: 2, rowSpan: 1, colSpan: 3 });
    expect(t.cells.filter((c) => c.row === 3 && c.col === 0)).toEqual([]);
  });
});

describe('readDoc on nested tables', () => {
  it('reads a page laid out in a table as its paragraphs, keeping the table nested in it as a table', async () => {
    const model = await readDoc(fixture('nested.doc'));
    expect(model.blocks.map((b) => (b.kind === 'paragraph' ? b.text : `table ${b.rows}x${b.cols}`))).toEqual([
      '二、主动公开政府信息情况',
      'table 2x2',
      '表后说明',
      '正文。',
    ]);
    expect(denseGrid(model.blocks[1] as Table).map((r) => r.map((c) => c?.text))).toEqual([['规章', '3'], ['规范性文件', '5']]);
  });
});

describe('readDoc on automatic numbering', () => {
  it('writes the rendered list numbers into the paragraph text, restarting deeper levels', async () => {
    const texts = paragraphs((await readDoc(fixture('numbering.doc'))).blocks).map((p) => p.text);
    expect(texts).toEqual([
      '一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '1.收到申请',
      '2.办结申请',
      '正文段落。',
      '二、主动公开政府信息情况',
      '（一）规章',
      '要点',
    ]);
  });
});

describe('readDoc on unusable files', () => {
  it('refuses bytes that are not an OLE2 file', async () => {
    await expect(readDoc(new Uint8Array([1, 2, 3, 4]))).rejects.toThrow(InputError);
  });

  it('refuses a truncated .doc with an InputError', async () => {
    const bytes = fixture('text.doc');
    await expect(readDoc(bytes.subarray(0, 3000))).rejects.toThrow(InputError);
  });

  it('says so when the OLE2 file is an Excel workbook', async () => {
    await expect(readDoc(oleWith({ Workbook: new Uint8Array(64) }))).rejects.toThrow(/^not a Word document: .*Excel/);
  });

  it('says so when the document is encrypted', async () => {
    const encrypted = patchStream(fixture('text.doc'), 'WordDocument', (s) => {
      s[0x0b]! |= 0x01; // FibBase.fEncrypted
      return s;
    });
    await expect(readDoc(encrypted)).rejects.toThrow(/^encrypted \.doc: /);
  });

  it('reports a piece table that points outside the file as a corrupt document', async () => {
    const corrupt = patchStream(fixture('text.doc'), 'WordDocument', (s) => {
      // FibRgFcLcb97.fcClx (pair 33) of this file: move it past the end of the table stream.
      const view = new DataView(s.buffer, s.byteOffset);
      const csw = view.getUint16(32, true);
      const cslw = view.getUint16(34 + csw * 2, true);
      const rgFcLcb = 34 + csw * 2 + 2 + cslw * 4 + 2;
      view.setUint32(rgFcLcb + 33 * 8, 0x7fffff00, true);
      return s;
    });
    await expect(readDoc(corrupt)).rejects.toThrow(/^corrupt \.doc: /);
  });

  it('survives random damage to the WordDocument stream without crashing or hanging', async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const name of ['text.doc', 'table.doc', 'numbering.doc']) {
      for (let round = 0; round < 20; round++) {
        const damaged = patchStream(fixture(name), round % 2 ? 'WordDocument' : '1Table', (s) => {
          for (let i = 0; i < 40; i++) s[Math.floor(random() * s.length)] = Math.floor(random() * 256);
          return s;
        });
        const outcome = await readDoc(damaged).then(
          (m) => m.format,
          (e: unknown) => (e instanceof InputError ? 'refused' : e),
        );
        expect(['doc', 'refused']).toContain(outcome);
      }
    }
  });
});
