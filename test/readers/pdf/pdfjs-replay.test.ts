/**
 * The text-only pdf.js copy's operator lists replay what the page's text pass
 * read (scripts/pdfjs-text-only-replay.mjs): the content stream is inflated
 * and parsed once, and every page reads exactly as with the original pdf.js —
 * also where the parse is unusual (operand counts off, unknown operators, an
 * inline image, a parse error part-way, several content streams, forms).
 */
import { deflateSync } from 'node:zlib';
import { jest } from '@jest/globals';
import { readPrimitives } from '../../../src/readers/pdf/index.js';
import { openPdf } from '../../../src/readers/pdf/load.js';
import { pdfOf, primitivesJson } from '../../helpers/pdf.js';

const RULES = '0.5 w 72 700 m 500 700 l S 72 650 m 500 650 l S 72 600 m 500 600 l S 72 600 m 72 700 l S 500 600 m 500 700 l S';
const TEXT = 'BT /F1 10 Tf 80 680 Td (Total 12) Tj ET BT /F1 10 Tf 80 630 Td (Open 3) Tj ET';

/** A one-page PDF with Helvetica as /F1, a form /Fm1 drawing `form`, and `contents` (one stream each) as its content streams. */
function pagePdf(contents: Buffer[], form = 'q 100 560 m 300 560 l S Q'): Uint8Array {
  const first = 6;
  const refs = contents.map((_, i) => `${first + i} 0 R`).join(' ');
  const stream = (dict: string, data: Buffer) => `<< ${dict} /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream`;
  return new Uint8Array(
    pdfOf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Fm1 5 0 R >> >> /Contents [${refs}] >>`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      stream('/Type /XObject /Subtype /Form /BBox [0 0 595 842]', Buffer.from(form, 'latin1')),
      ...contents.map((c) => stream('/Filter /FlateDecode', deflateSync(c))),
    ]),
  );
}
const page = (...streams: string[]) => pagePdf(streams.map((s) => Buffer.from(s, 'latin1')));

describe('operator lists replayed from the text pass', () => {
  it('inflate a page\'s content stream once, not once per pass', async () => {
    const zlib = process.getBuiltinModule('zlib');
    const inflate = jest.spyOn(zlib, 'inflateRawSync');
    try {
      const p = await readPrimitives(page(`${RULES} ${TEXT}`));
      expect(p.pages[0]!.segments.length).toBeGreaterThanOrEqual(5);
      expect(p.pages[0]!.items.map((i) => i.text)).toEqual(['Total 12', 'Open 3']);
      expect(inflate).toHaveBeenCalledTimes(1);
    } finally {
      inflate.mockRestore();
    }
  });

  it.each([
    ['a ruled table with text', page(`${RULES} ${TEXT}`)],
    ['operands left over, missing and at the end', page(`1 2 3 q ${RULES} Q 72 500 m l S 0.2 0.4 0.6 RG 9 ${TEXT} 7 8`)],
    ['unknown operators', page(`q foo /Bar baz ${RULES} Q BX zork EX ${TEXT}`)],
    ['nested saves and transforms', page(`q 1 0 0 1 10 -20 cm q 2 0 0 2 0 0 cm 50 300 m 150 300 l S Q ${RULES} Q ${TEXT} q 0 1 -1 0 595 0 cm 100 100 m 300 100 l S Q`)],
    ['saves left open at the end', page(`q q 1 0 0 1 0 -30 cm ${RULES} Q ${TEXT} q`)],
    ['fake bold (fill and stroke)', page(`${RULES} BT 2 Tr 0.3 w /F1 12 Tf 80 710 Td (Heading) Tj 0 Tr ET ${TEXT}`)],
    ['an inline image', page(`${RULES} q 20 0 0 20 300 300 cm BI /W 2 /H 2 /BPC 8 /CS /G /F /AHx ID 00FF00FF> EI Q ${TEXT}`)],
    ['a parse error part-way', page(`${TEXT} ${RULES} ${'1 '.repeat(40)}m BT /F1 10 Tf 80 580 Td (After) Tj ET`)],
    ['several content streams', page(RULES, 'q 1 0 0 1 0 -200 cm', `${RULES} Q`, TEXT)],
    ['a form drawing rules', page(`q /Fm1 Do Q ${RULES} ${TEXT} /Fm1 Do`)],
    ['an empty content stream', page('')],
  ])('read %s exactly as the original pdf.js', async (_name, bytes) => {
    const textOnly = await primitivesJson(bytes, false);
    expect(textOnly).toBe(await primitivesJson(bytes, true));
    if (_name !== 'an empty content stream') expect(textOnly).toContain('"segments":[{');
  });

  it('go to the page whose text pass recorded them, and only once', async () => {
    const two = new Uint8Array(
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>',
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
        `<< /Length ${RULES.length + TEXT.length + 1} >>\nstream\n${RULES} ${TEXT}\nendstream`,
        `<< /Length ${TEXT.length + 25} >>\nstream\nq ${TEXT} 72 400 m 500 400 l S\nendstream`, // a save left open
      ]),
    );
    /** Both pages' text, then page 1's operators, page 2's twice, page 1's again: the operators as JSON. */
    const operators = async (use: 'text' | 'render') => {
      const doc = await openPdf(two, undefined, use);
      try {
        const [p1, p2] = [await doc.getPage(1), await doc.getPage(2)];
        await p1.getTextContent();
        await p2.getTextContent();
        const lists = [];
        for (const p of [p1, p2, p2, p1]) {
          const ops = await p.getOperatorList();
          lists.push({ fn: [...ops.fnArray], args: ops.argsArray });
        }
        // Font ids name the load (`g_d3_f1`): the same font in two loads.
        return JSON.stringify(lists).replace(/g_d\d+_/g, 'g_d_');
      } finally {
        await doc.destroy();
      }
    };
    const textOnly = await operators('text');
    expect(textOnly).toBe(await operators('render'));
    expect(textOnly).toContain('{"0":72,"1":400,"2":500,"3":400}');
  });
});
