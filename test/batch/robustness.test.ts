/**
 * One batch over hostile inputs mixed with good ones: the run finishes with
 * exit 1, every hostile file gets a `failed` output with a specific warning,
 * and every good file's output is identical to a clean run's.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import CFB from 'cfb';
import { gongkai, SAMPLE_DOCS, ROOT } from '../helpers/cli.js';
import { deeplyNestedPdf, manyPagesPdf } from '../helpers/pdf.js';

const GOOD = ['liuwan-town-2021.pdf', 'hexi-market-2020.docx', 'beizhou-gov-office-2023.html', 'shiling-county-edu-2020.gbk.html', 'dongpu-street-2022.docx'];

/** A real DOCX whose central directory declares word/document.xml at 3 GB. */
async function zipBomb(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(join(SAMPLE_DOCS, 'liuwan-town-2021.docx')));
  const bytes = await zip.generateAsync({ type: 'nodebuffer' });
  const name = Buffer.from('word/document.xml');
  for (let p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) {
    if (bytes.subarray(p + 46, p + 46 + name.length).equals(name)) bytes.writeUInt32LE(3 * 1024 ** 3, p + 24);
  }
  return bytes;
}

/** Deterministic noise. */
function noise(n: number, seed = 7): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return b;
}

const HOSTILE: Record<string, RegExp> = {
  'empty.pdf': /^empty file$/,
  'truncated.pdf': /^not a readable PDF/,
  'corrupt.pdf': /^not a readable PDF/,
  'encrypted.pdf': /^encrypted PDF: a password is required/,
  'thousands-of-pages.pdf': /^too many pages: 5000/,
  'nested.pdf': /^not a readable PDF/,
  'bomb.docx': /^refusing a possible zip bomb: word\/document\.xml would inflate to 3072 MB/,
  'random.docx': /^unrecognised file format/,
  'excel.doc': /^not a Word document/,
  'meeting-notice.docx': /^not a government information disclosure annual report/,
  'huge.html': /^file too large: 1\.5 MB \(limit 1 MB/,
  'fifo.pdf': /^not a regular file$/,
  'broken-link.pdf': /^cannot read the file: no such file$/,
};

describe('a batch with hostile inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
  const input = join(dir, 'in');
  let run: ReturnType<typeof gongkai>;
  let clean: ReturnType<typeof gongkai>;

  beforeAll(async () => {
    mkdirSync(input);
    mkdirSync(join(dir, 'good'));
    for (const f of GOOD) {
      copyFileSync(join(SAMPLE_DOCS, f), join(input, f));
      copyFileSync(join(SAMPLE_DOCS, f), join(dir, 'good', f));
    }
    // Right bytes, wrong names: read as what they are.
    copyFileSync(join(SAMPLE_DOCS, 'liuwan-town-2021.pdf'), join(input, 'pdf-named.docx'));
    copyFileSync(join(SAMPLE_DOCS, 'hexi-market-2020.docx'), join(input, 'docx-named.pdf'));

    const pdf = readFileSync(join(SAMPLE_DOCS, 'liuwan-town-2021.pdf'));
    writeFileSync(join(input, 'empty.pdf'), '');
    writeFileSync(join(input, 'truncated.pdf'), pdf.subarray(0, Math.floor(pdf.length * 0.6)));
    writeFileSync(join(input, 'corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(30000)]));
    copyFileSync(join(ROOT, 'test/fixtures/hostile/encrypted.pdf'), join(input, 'encrypted.pdf'));
    writeFileSync(join(input, 'thousands-of-pages.pdf'), manyPagesPdf(5000));
    writeFileSync(join(input, 'nested.pdf'), deeplyNestedPdf(200000));
    writeFileSync(join(input, 'bomb.docx'), await zipBomb());
    writeFileSync(join(input, 'random.docx'), noise(50000, 3));
    // An Excel workbook named .doc: the same OLE2 container as a Word file, without a Word stream.
    const xls = CFB.utils.cfb_new();
    CFB.utils.cfb_add(xls, 'Workbook', noise(4096, 5));
    writeFileSync(join(input, 'excel.doc'), CFB.write(xls, { type: 'buffer' }) as Buffer);
    copyFileSync(join(SAMPLE_DOCS, 'meeting-notice-2023.docx'), join(input, 'meeting-notice.docx'));
    writeFileSync(join(input, 'huge.html'), `<p>${'很长的网页'.repeat(105000)}</p>`);
    execFileSync('mkfifo', [join(input, 'fifo.pdf')]);
    symlinkSync(join(dir, 'nowhere.pdf'), join(input, 'broken-link.pdf'));

    run = gongkai(['extract', input, '--out', join(dir, 'out'), '--jobs', '2', '--timeout', '30', '--max-size', '1', '--summary', join(dir, 'summary.json')]);
    clean = gongkai(['extract', join(dir, 'good'), '--out', join(dir, 'clean'), '--jobs', '1', '--max-size', '1']);
  }, 180_000);

  const output = (folder: string, name: string) => JSON.parse(readFileSync(join(dir, folder, `${name}.json`), 'utf8'));

  it('finishes with exit 1', () => {
    expect(run.code).toBe(1);
    expect(clean.code).toBe(0);
  });

  it.each(Object.entries(HOSTILE))('gives %s a failed output with a specific warning', (name, warning) => {
    const r = output('out', name);
    expect(r.status).toBe('failed');
    expect(r.warnings[0]).toMatch(warning);
  });

  it('records the real sha256 of a file refused for its size', () => {
    const bytes = readFileSync(join(input, 'huge.html'));
    expect(output('out', 'huge.html').source.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it.each(GOOD)('writes the same output for %s as a clean run', (name) => {
    expect(readFileSync(join(dir, 'out', `${name}.json`), 'utf8')).toBe(readFileSync(join(dir, 'clean', `${name}.json`), 'utf8'));
  });

  it('reads files with the wrong extension as what they are', () => {
    for (const [renamed, original] of [['pdf-named.docx', 'liuwan-town-2021.pdf'], ['docx-named.pdf', 'hexi-market-2020.docx']] as const) {
      const r = output('out', renamed);
      expect({ ...r, source: { ...r.source, file: original, path: original } }).toEqual(output('clean', original));
    }
  });

  it('counts every document in the run summary, with the failures and their reasons', () => {
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const total = GOOD.length + 2 + Object.keys(HOSTILE).length;
    expect(summary.documents).toBe(total);
    expect(summary.byStatus).toEqual({ complete: GOOD.length + 2, partial: 0, failed: Object.keys(HOSTILE).length });
    expect(summary.failures.map((f: { file: string }) => f.file.split('/').pop()).sort()).toEqual(Object.keys(HOSTILE).sort());
    expect(summary.failedChecks['reviewLitigation.review.total']).toBe(2); // hexi-market, twice (one renamed)
  });
});
