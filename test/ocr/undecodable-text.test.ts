/**
 * Issue 8 on issue 7's undecodable text layers: a PDF whose fonts carry no
 * Unicode map has text on every page, but its characters are glyph codes.
 * Under `--ocr off` and `auto` (the default) it fails saying what its text
 * layer is (an honest failure: it is a digital document whose characters are
 * unknown, cases/13); under `force` its pages are read like image pages, by
 * OCR, with a warning that says why. The fixture is generated from our own hardening sample
 * (samples/hardening/no-tounicode.pdf, ToUnicode maps stripped): its first
 * page alone, cropped to the title and the first section so OCR stays quick.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { InputError, type Paragraph } from '../../src/model/document.js';
import { readPdf, readPrimitives, UNDECODABLE_READ_BY_OCR } from '../../src/readers/pdf/index.js';
import { textLayerProblem, textLayerStats, UNDECODABLE_TEXT_LAYER } from '../../src/readers/pdf/text-layer.js';

const OCR_TIMEOUT_MS = 20 * 60 * 1000;

/** Page 1 of the sample, its crop box the top 45% of the page (title, 一、总体情况 and its paragraphs). */
async function fixture(): Promise<Uint8Array> {
  const src = await PDFDocument.load(readFileSync(join(import.meta.dirname, '../../samples/hardening/no-tounicode.pdf')));
  const doc = await PDFDocument.create();
  const [page] = await doc.copyPages(src, [0]);
  const { width, height } = page!.getSize();
  page!.setCropBox(0, height * 0.55, width, height * 0.45);
  doc.addPage(page!);
  return doc.save();
}

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await fixture();
});

it('is a one-page PDF whose text layer cannot be decoded', async () => {
  const prims = await readPrimitives(bytes);
  expect(prims.pages).toHaveLength(1);
  expect(textLayerProblem(textLayerStats(prims.pages))).toBe('undecodable');
});

it.each(['off', 'auto'] as const)('fails with OCR %s, naming the missing Unicode map', async (ocr) => {
  await expect(readPdf(bytes, { ocr })).rejects.toThrow(InputError);
  await expect(readPdf(bytes, { ocr })).rejects.toThrow(UNDECODABLE_TEXT_LAYER);
});

it('is read by OCR under force: the printed text, and a warning saying why', async () => {
  const model = await readPdf(bytes, { ocr: 'force' });
  expect(model.warnings).toContain(UNDECODABLE_READ_BY_OCR);
  expect(model.warnings).toContain('OCR: 1 of 1 page(s) read from their image');
  const text = model.blocks.filter((b): b is Paragraph => b.kind === 'paragraph').map((b) => b.text).join('');
  expect(text).toContain('江澄市江北区西山街道办事处2022年政府信息公开工作年度报告');
  expect(text).toContain('所列数据统计期限为2022年1月1日至2022年12月31日。一、总体情况');
  expect(text).toContain('持续做好政府信息公开工作。');
  // No glyph code is left (control or private-use characters, replacement marks).
  expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001F\uE000-\uF8FF\uFFFD]/u);
}, OCR_TIMEOUT_MS);
