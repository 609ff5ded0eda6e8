/**
 * The text-only pdf.js copy (scripts/pdfjs-text-only.mjs): every edit applies
 * exactly once to the installed pdfjs-dist, the build's copy is current and in
 * use, and an upgrade of pdfjs-dist that moves the edited code fails loudly.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build, deriveTextOnly, EDITS, FILES, OUT_DIR, PDFJS_VERSION } from '../../../scripts/pdfjs-text-only.mjs';
import { textOnlyPdfjsStatus } from '../../../src/readers/pdf/pdfjs-text-only.js';
import { readPrimitives } from '../../../src/readers/pdf/index.js';
import { pdfOf, primitivesJson } from '../../helpers/pdf.js';
import { SAMPLE_DOCS } from '../../helpers/cli.js';

const require = createRequire(import.meta.url);
const pdfjsDir = dirname(require.resolve('pdfjs-dist/package.json'));
const installed = JSON.parse(readFileSync(join(pdfjsDir, 'package.json'), 'utf8')).version as string;
const sources = Object.fromEntries(FILES.map((f) => [f, readFileSync(join(pdfjsDir, 'legacy/build', f), 'utf8')]));

describe('text-only pdf.js edits', () => {
  it('are written for the pdfjs-dist version package.json pins', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8'));
    expect(pkg.dependencies['pdfjs-dist']).toBe(PDFJS_VERSION);
    expect(installed).toBe(PDFJS_VERSION);
  });

  it('each apply once to the installed pdfjs-dist', () => {
    const out = deriveTextOnly(sources, installed);
    for (const e of EDITS) {
      expect(sources[e.file]!.split(e.find)).toHaveLength(2);
      expect(out[e.file]).toContain(e.replace);
    }
    expect(build({ check: true }).edits.map((e) => e.id)).toEqual(EDITS.map((e) => e.id));
  });

  it('fail loudly, naming the edit, when pdf.js code they edit has changed', () => {
    for (const e of EDITS) {
      const half = Math.floor(e.find.length / 2);
      const moved = { ...sources, [e.file]: sources[e.file]!.replace(e.find, `${e.find.slice(0, half)} ${e.find.slice(half)}`) };
      expect(() => deriveTextOnly(moved, installed)).toThrow(new RegExp(`edit "${e.id}" does not apply.*occurs nowhere`));
    }
    const twice = { ...sources, 'pdf.mjs': sources['pdf.mjs'] + EDITS.find((e) => e.file === 'pdf.mjs')!.find };
    expect(() => deriveTextOnly(twice, installed)).toThrow(/more than once/);
  });

  it('refuse another pdfjs-dist version', () => {
    expect(() => deriveTextOnly(sources, '5.7.0')).toThrow(/pdfjs-dist 5\.7\.0 is installed but the text-only edits were written for/);
  });
});

describe('the build\'s text-only copy', () => {
  it('is derived from the installed pdfjs-dist and active', () => {
    const manifest = JSON.parse(readFileSync(join(OUT_DIR, 'manifest.json'), 'utf8'));
    for (const f of FILES) expect(manifest.sources[f]).toBe(createHash('sha256').update(sources[f]!).digest('hex'));
    const status = textOnlyPdfjsStatus();
    expect(status).toMatchObject({ active: true, pdfjsDist: installed, edits: EDITS.map((e) => e.id) });
    const derived = deriveTextOnly(sources, installed);
    for (const f of FILES) expect(readFileSync(join(OUT_DIR, f), 'utf8') === derived[f]).toBe(true);
  });

  it('is what text loads run on', async () => {
    const bytes = new Uint8Array(readFileSync(join(SAMPLE_DOCS, 'jiangcheng-natres-2022.pdf')));
    await readPrimitives(bytes);
    expect((globalThis as Record<string, unknown>)[textOnlyPdfjsStatus().workerGlobal!]).toBeDefined();
  });

  const samplePdfs = readdirSync(SAMPLE_DOCS).filter((f) => f.endsWith('.pdf'));
  it.each(samplePdfs)('reads %s exactly as the original pdf.js', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(SAMPLE_DOCS, name)));
    const textOnly = await primitivesJson(bytes, false);
    expect(textOnly).toContain('"items":[{');
    expect(textOnly).toBe(await primitivesJson(bytes, true));
  });

  // AES-256 (revision 6): the password hash is Node's crypto in the copy (edit native-pdf20-hash).
  it.each([
    ['the user password', 'gongkai', true],
    ['the owner password', 'gongkai-owner', true],
    ['a wrong password', 'gongkai-wrong', false],
  ])('reads an AES-256 encrypted PDF with %s exactly as the original pdf.js', async (_what, password, opens) => {
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/hostile/encrypted.pdf')));
    const textOnly = await primitivesJson(bytes, false, password);
    expect(textOnly.includes('"items":[{')).toBe(opens);
    expect(textOnly).toBe(await primitivesJson(bytes, true, password));
  });

  it('can be turned off with GONGKAI_FULL_PDFJS=1', () => {
    process.env.GONGKAI_FULL_PDFJS = '1';
    try {
      expect(textOnlyPdfjsStatus()).toMatchObject({ active: false, reason: expect.stringContaining('GONGKAI_FULL_PDFJS') });
    } finally {
      delete process.env.GONGKAI_FULL_PDFJS;
    }
  });
});

describe('Flate streams in the text-only copy (edit native-inflate)', () => {
  const lines = Array.from({ length: 40 }, (_, i) => `BT /F1 10 Tf 72 ${800 - i * 18} Td (Line ${i} of the flate test: 1${i}0 items) Tj ET`).join('\n');
  const deflated = deflateSync(Buffer.from(lines, 'latin1'));
  /** A one-page PDF whose content stream is `data` under /FlateDecode. */
  const pdfWith = (data: Buffer): Uint8Array =>
    new Uint8Array(
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
        `<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n${data.toString('latin1')}\nendstream`,
      ]),
    );
  const flip = (b: Buffer, at: number) => Buffer.concat([b.subarray(0, at), Buffer.from([b[at]! ^ 0xff]), b.subarray(at + 1)]);

  it.each([
    ['valid', deflated],
    ['without its checksum', deflated.subarray(0, deflated.length - 4)],
    ['with a wrong checksum', flip(deflated, deflated.length - 1)],
    ['with bytes after the end', Buffer.concat([deflated, Buffer.from('\r\n\r\njunk')])],
    ['cut short', deflated.subarray(0, Math.floor(deflated.length / 2))],
    ['damaged in the middle', flip(deflated, Math.floor(deflated.length / 2))],
  ])('read the same as the original pdf.js when %s', async (_name, data) => {
    const bytes = pdfWith(data);
    const textOnly = await primitivesJson(bytes, false);
    expect(textOnly).toBe(await primitivesJson(bytes, true));
    if (_name === 'valid' || _name.startsWith('with')) expect(textOnly).toContain('Line 39 of the flate test: 1390 items');
  });
});

describe('glyph positions in the text-only copy (edit text-transform-inline)', () => {
  const edit = EDITS.find((e) => e.id === 'text-transform-inline')!;
  // pdf.js's own Util.transform, from the installed worker half.
  const transformSource = /\n  static transform\(m1, m2\) \{\n(.*)\n  \}\n/.exec(sources['pdf.worker.mjs']!)![1]!;
  const Util = { transform: new Function('m1', 'm2', transformSource) };
  /** The function as pdf.js or the edit writes it, over a given text state. */
  const compile = (source: string) =>
    new Function('textState', 'Util', 'isArrayEqual', 'FONT_IDENTITY_MATRIX', `${source}\nreturn getCurrentTextTransform();`) as (
      ts: object, util: unknown, eq: (a: number[], b: number[]) => boolean, id: number[],
    ) => number[];
  const original = compile(edit.find);
  const edited = compile(edit.replace);
  const isArrayEqual = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const IDENTITY = [0.001, 0, 0, 0.001, 0, 0];
  const specials = [0, -0, 1, -1, 0.5, 1e-300, 1e300, Infinity, -Infinity, NaN, 12.000001, -7.25];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = () => (rnd() < 0.3 ? specials[Math.floor(rnd() * specials.length)]! : (rnd() - 0.5) * 10 ** Math.floor(rnd() * 8 - 3));
  const matrix = () => Array.from({ length: 6 }, pick);

  it('gives bit for bit the same transform as Util.transform twice, on 20 000 text states', () => {
    expect(edit.find).not.toBe(edit.replace);
    for (let n = 0; n < 20_000; n++) {
      const type3 = rnd() < 0.3;
      const textState = {
        font: { isType3Font: type3, isCharBBox: rnd() < 0.5, bbox: [pick(), pick(), pick(), pick()] },
        fontSize: pick(), textHScale: pick(), textRise: pick(),
        fontMatrix: rnd() < 0.5 ? IDENTITY : matrix(),
        textMatrix: matrix(), ctm: matrix(),
      };
      const a = original(textState, Util, isArrayEqual, IDENTITY);
      const b = edited(textState, Util, isArrayEqual, IDENTITY);
      expect(b).toHaveLength(6);
      b.forEach((x, i) => {
        if (!Object.is(x, a[i])) throw new Error(`differs at ${i}: ${a[i]} vs ${x} for ${JSON.stringify(textState)}`);
      });
    }
  });
});
