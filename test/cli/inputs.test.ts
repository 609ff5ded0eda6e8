/**
 * What the CLI takes as input and how it names the outputs: nothing
 * overwritten, nothing skipped silently (issue 10, item 1).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'gongkai-inputs-'));
const DOCX = join(SAMPLE_DOCS, 'liuwan-town-2021.docx');
const OTHER = join(SAMPLE_DOCS, 'tongchuan-county-gov-2024.docx');

describe('inputs and output names', () => {
  it('two inputs with the same name in different folders get two outputs, named one by one', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(DOCX, join(dir, 'a/report.docx'));
    copyFileSync(OTHER, join(dir, 'b/report.docx'));
    const r = gongkai(['extract', join(dir, 'a/report.docx'), join(dir, 'b/report.docx'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, 'out/a/report.docx.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(dir, 'out/b/report.docx.json'), 'utf8'));
    expect(a.source).toMatchObject({ file: 'report.docx', path: 'a/report.docx' });
    expect(b.source).toMatchObject({ file: 'report.docx', path: 'b/report.docx' });
    expect(a.meta.agency).not.toBe(b.meta.agency);
  });

  it('two inputs that map to one output name are a usage error before any work', () => {
    const dir = tmp();
    copyFileSync(DOCX, join(dir, 'report.docx'));
    const r = gongkai(['extract', join(dir, 'report.docx'), join(dir, '.', 'report.docx'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would both be written to report\.docx\.json/);
    expect(readdirSync(dir)).toEqual(['report.docx']); // nothing written
  });

  it('finds documents in folders by their bytes whatever the name, and lists the files it skipped and why', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in/web'), { recursive: true });
    copyFileSync(join(SAMPLE_DOCS, 'liuwan-town-2021.pdf'), join(dir, 'in/REPORT.PDF'));
    copyFileSync(join(SAMPLE_DOCS, 'beizhou-gov-office-2023.html'), join(dir, 'in/web/page.jsp'));
    copyFileSync(DOCX, join(dir, 'in/web/download')); // no extension
    writeFileSync(join(dir, 'in/notes.json'), '{"a": 1}');
    writeFileSync(join(dir, 'in/.DS_Store'), 'x');
    const r = gongkai(['extract', join(dir, 'in'), '--out', join(dir, 'out'), '--summary', join(dir, 'summary.json'), '--verbose']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out'), { recursive: true }).filter((f) => String(f).endsWith('.json')).sort()).toEqual([
      'REPORT.PDF.json',
      'web/download.json',
      'web/page.jsp.json',
    ]);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.skippedFiles).toEqual([
      { path: join(dir, 'in/.DS_Store'), reason: 'hidden' },
      { path: join(dir, 'in/notes.json'), reason: 'not a supported document format' },
    ]);
    expect(r.stderr).toMatch(/skipped 2 files under the folders: 1 hidden, 1 not a supported document format/);
  });

  it('a missing path gets one line on stderr, a failed record with sha256 null, and exit 1', () => {
    const dir = tmp();
    const r = gongkai(['extract', 'nosuch.pdf'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('gongkai: cannot read nosuch.pdf: no such file\n');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ status: 'failed', source: { file: 'nosuch.pdf', path: 'nosuch.pdf', sha256: null }, warnings: ['cannot read the file: no such file'] });
  });

  it('- reads one document from standard input', () => {
    const r = gongkai(['extract', '-'], { input: readFileSync(join(SAMPLE_DOCS, 'beizhou-gov-office-2023.html'), 'utf8') });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.source).toMatchObject({ file: 'stdin', path: 'stdin', format: 'html' });
    expect(report.status).toBe('complete');
  });
});

describe('--out', () => {
  it('a path ending in .json with one input is a file, not a folder', () => {
    const dir = tmp();
    const r = gongkai(['extract', DOCX, '-o', join(dir, 'out.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).meta.agency).toBeTruthy();
  });

  it('.csv, .ndjson and .xlsx are files and set the format', () => {
    const dir = tmp();
    expect(gongkai(['extract', DOCX, OTHER, '-o', join(dir, 'all.csv')]).code).toBe(0);
    expect(readFileSync(join(dir, 'all.csv'), 'utf8')).toMatch(/^\uFEFFsource\.file,/);
    expect(gongkai(['extract', DOCX, OTHER, '-o', join(dir, 'all.ndjson')]).code).toBe(0);
    expect(readFileSync(join(dir, 'all.ndjson'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('- is standard output', () => {
    const r = gongkai(['extract', DOCX, OTHER, '-o', '-', '--format', 'ndjson']);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).source.file)).toEqual(['liuwan-town-2021.docx', 'tongchuan-county-gov-2024.docx']);
  });

  it('a .json file for several inputs, or a format the extension contradicts, is a usage error', () => {
    const dir = tmp();
    expect(gongkai(['extract', DOCX, OTHER, '-o', join(dir, 'out.json')]).stderr).toMatch(/names one JSON file but there are 2 inputs/);
    expect(gongkai(['extract', DOCX, '-o', join(dir, 'out.csv'), '--format', 'json']).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('csv into a folder writes one CSV per edition, each with only its own columns', () => {
    const dir = tmp();
    const r = gongkai(['extract', DOCX, join(SAMPLE_DOCS, 'hexi-market-2020.docx'), '--format', 'csv', '-o', join(dir, 'csv')]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'csv')).sort()).toEqual(['reports-2019.csv', 'reports-2021.csv']);
    const header2021 = readFileSync(join(dir, 'csv/reports-2021.csv'), 'utf8').split('\r\n')[0]!.split(',');
    expect(header2021).toContain('activeDisclosure.regulations.issued');
    expect(header2021).not.toContain('activeDisclosure.regulations.made');
  });
});
