/** CSV of documents of several editions: no row carries another edition's empty columns (issue 10, item 3). */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv.js';

const R2021 = join(SAMPLE_DOCS, 'liuwan-town-2021.docx');
const R2019 = join(SAMPLE_DOCS, 'hexi-market-2020.docx');
const LEGACY = join(SAMPLE_DOCS, 'lanxi-stats-2016.docx');
const NOTICE = join(SAMPLE_DOCS, 'meeting-notice-2023.docx');

/** Header fields and the first field (source.file) of each row. */
function readCsv(file: string): { header: string[]; files: string[] } {
  const rows = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  return { header: rows[0]!, files: rows.slice(1).map((r) => r[0]!) };
}

const is2019Only = (h: string) => /regulations\.made|procurement|otherServices/.test(h);
const is2021Only = (h: string) => h === 'activeDisclosure.regulations.issued';
const isLegacy = (h: string) => h.startsWith('legacy.');

describe('one CSV file named for documents of several editions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-csv-editions-'));
  let r: ReturnType<typeof gongkai>;
  beforeAll(() => {
    r = gongkai(['extract', R2021, R2019, LEGACY, NOTICE, '-o', join(dir, 'all.csv')]);
  }, 120_000);

  it('becomes one file per edition beside it, and stderr says which', () => {
    expect(r.code).toBe(1); // the notice is not a report
    expect(readdirSync(dir).sort()).toEqual(['all.2019.csv', 'all.2021.csv', 'all.legacy.csv', 'all.other.csv']);
    expect(existsSync(join(dir, 'all.csv'))).toBe(false);
    expect(r.stderr).toContain(
      'gongkai: the documents are of 3 editions (2019, 2021, legacy): wrote all.2019.csv, all.2021.csv, all.legacy.csv, all.other.csv beside all.csv instead of it',
    );
  });

  it('gives each file only its own edition\'s columns and rows', () => {
    const e2019 = readCsv(join(dir, 'all.2019.csv'));
    const e2021 = readCsv(join(dir, 'all.2021.csv'));
    const legacy = readCsv(join(dir, 'all.legacy.csv'));
    const other = readCsv(join(dir, 'all.other.csv'));
    expect([e2019.files, e2021.files, legacy.files, other.files]).toEqual([['hexi-market-2020.docx'], ['liuwan-town-2021.docx'], ['lanxi-stats-2016.docx'], ['meeting-notice-2023.docx']]);
    expect(e2019.header.some(is2019Only) && !e2019.header.some(is2021Only) && !e2019.header.some(isLegacy)).toBe(true);
    expect(e2021.header.some(is2021Only) && !e2021.header.some(is2019Only) && !e2021.header.some(isLegacy)).toBe(true);
    expect(legacy.header.some(isLegacy) && !legacy.header.some((h) => /^(activeDisclosure|applications|reviewLitigation)\./.test(h))).toBe(true);
    expect(other.header).toContain('failedChecks');
    expect(other.header.some((h) => /^(activeDisclosure|applications|reviewLitigation|legacy)\./.test(h))).toBe(false);
  });
});

describe('one CSV file named for documents of one edition', () => {
  it('is the file named, failed documents included, without a note', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-csv-one-'));
    const r = gongkai(['extract', R2021, NOTICE, '-o', join(dir, 'one.csv')]);
    expect(readdirSync(dir)).toEqual(['one.csv']);
    expect(readCsv(join(dir, 'one.csv')).files).toEqual(['liuwan-town-2021.docx', 'meeting-notice-2023.docx']);
    expect(r.stderr).not.toMatch(/editions/);
  });
});

describe('CSV on standard output for documents of several editions', () => {
  it('holds the columns of all of them and says so on stderr', () => {
    const r = gongkai(['extract', R2021, R2019, '--format', 'csv']);
    expect(r.code).toBe(0);
    const header = r.stdout.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    expect(header.some(is2019Only) && header.some(is2021Only)).toBe(true);
    expect(r.stderr).toBe(
      'gongkai: the documents are of 2 editions (2019, 2021): standard output is one CSV holding the columns of all of them; a .csv file instead gets one file per edition\n',
    );
  });

  it('says nothing with --quiet', () => {
    expect(gongkai(['extract', R2021, R2019, '--format', 'csv', '--quiet']).stderr).toBe('');
  });
});

describe('CSV into a folder', () => {
  it('gives legacy reports their own file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-csv-dir-'));
    expect(gongkai(['extract', R2021, LEGACY, NOTICE, '--format', 'csv', '-o', dir]).code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['reports-2021.csv', 'reports-legacy.csv', 'reports-other.csv']);
    expect(readCsv(join(dir, 'reports-legacy.csv')).files).toEqual(['lanxi-stats-2016.docx']);
  });
});
