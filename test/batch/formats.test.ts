import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';

const FILES = ['liuwan-town-2021.docx', 'hexi-market-2020.docx', 'shiling-county-edu-2020.gbk.html', 'meeting-notice-2023.docx', 'beizhou-gov-office-2023.html'].map((f) => join(SAMPLE_DOCS, f));

describe('--format ndjson', () => {
  it('streams one line per document in input order, whatever the number of workers', () => {
    const one = gongkai(['extract', ...FILES, '--format', 'ndjson', '--jobs', '1']);
    const two = gongkai(['extract', ...FILES, '--format', 'ndjson', '--jobs', '2']);
    expect(two.stdout).toBe(one.stdout);
    const lines = one.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((r) => r.source.file)).toEqual(FILES.map((f) => f.split('/').pop()));
    expect(one.code).toBe(1); // the meeting notice is not a report
  });

  it('writes to a file with --out, atomically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-ndjson-'));
    gongkai(['extract', ...FILES, '--format', 'ndjson', '--out', join(dir, 'all.ndjson')]);
    expect(readFileSync(join(dir, 'all.ndjson'), 'utf8').trim().split('\n')).toHaveLength(FILES.length);
  });
});

describe('--format csv', () => {
  const parse = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));

  it('writes one row per document with the cells of the editions present, failed checks by rule name', () => {
    const r = gongkai(['extract', ...FILES, '--format', 'csv']);
    const rows = parse(r.stdout);
    const header = rows[0]!;
    expect(header.slice(0, 11)).toEqual(['source.file', 'source.path', 'source.format', 'source.sha256', 'source.pages', 'meta.title', 'meta.agency', 'meta.year', 'meta.publishedAt', 'meta.edition', 'status']);
    expect(header).toContain('applications.denied.stateSecret.naturalPerson');
    expect(header).toContain('activeDisclosure.procurement.amountUnit'); // hexi-market is a 2019 report
    expect(header.slice(-3)).toEqual(['failedChecks', 'failedCheckDetails', 'warnings']);
    expect(rows[0]).toHaveLength(header.length);
    const hexi = rows.find((row) => row[0] === 'hexi-market-2020.docx')!;
    expect(hexi[header.indexOf('reviewLitigation.review.total')]).toBe('2');
    expect(hexi[header.indexOf('failedChecks')]).toBe('applications.totalProcessed.total; applications.rowTotal.granted; reviewLitigation.review.total');
  });
});
