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
  it('writes one row per document with every table cell as a column', () => {
    const r = gongkai(['extract', ...FILES, '--format', 'csv']);
    const rows = r.stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));
    const header = rows[0]!;
    expect(header.slice(0, 10)).toEqual(['source.file', 'source.format', 'source.sha256', 'source.pages', 'meta.title', 'meta.agency', 'meta.year', 'meta.publishedAt', 'meta.edition', 'status']);
    expect(header).toContain('applications.denied.stateSecret.naturalPerson');
    expect(header).toContain('activeDisclosure.procurement.amountUnit');
    expect(header.slice(-2)).toEqual(['failedChecks', 'warnings']);
    expect(rows).toHaveLength(FILES.length + 1);
    const hexi = rows.find((row) => row[0] === 'hexi-market-2020.docx')!;
    expect(hexi[header.indexOf('reviewLitigation.review.total')]).toBe('2');
    expect(hexi[header.indexOf('failedChecks')]).toBe('3');
    // Cells of the other edition stay empty.
    expect(hexi[header.indexOf('activeDisclosure.regulations.issued')]).toBe('');
  });
});
