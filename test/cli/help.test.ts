/** Help and conventions (issue 10, item 6). */
import { gongkai } from '../helpers/cli.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('help', () => {
  it.each([[['-h']], [['--help']], ...['extract', 'review', 'series', 'schema', 'queue', 'worker'].map((c) => [[c, '-h']])])('%j prints help and exits 0', (args) => {
    const r = gongkai(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n\s+2 .*\n\s+3 .*\n\s+130 /);
    expect(r.stdout).toMatch(/PDF .*scanned pages by OCR.*DOCX, DOC and WPS,\s+HTML .*plain text.*images \(JPEG, PNG, TIFF\) by OCR/s);
  });

  it('extract -h lists every option and examples', () => {
    const r = gongkai(['extract', '-h']);
    for (const o of ['--out', '--format', '--labels', '--strict', '--quiet', '--resume', '--summary', '--jobs']) expect(r.stdout).toContain(o);
    expect(r.stdout).toMatch(/Examples:/);
  });

  it('--version prints the version and the schema version', () => {
    const r = gongkai(['--version']);
    expect(r.stdout.trim()).toBe(`${pkg.version} (report schema 1)`);
  });

  it('--quiet prints nothing but errors', () => {
    const r = gongkai(['extract', join(ROOT, 'samples/docs/hexi-market-2020.docx'), 'nosuch.docx', '--quiet', '--out', mkdtempSync(join(tmpdir(), 'gongkai-quiet-'))]);
    expect(r.stderr).toBe('gongkai: cannot read nosuch.docx: no such file\n');
  });
});

describe('gongkai schema', () => {
  const schema = JSON.parse(gongkai(['schema']).stdout) as Record<string, unknown>;

  it('has an $id and a title', () => {
    expect(schema['$id']).toBe('urn:gongkai:report-schema:1');
    expect(schema['title']).toMatch(/gongkai report/);
  });

  it('describes every property', () => {
    const missing: string[] = [];
    const walk = (n: Record<string, unknown>, path: string) => {
      for (const [k, v] of Object.entries((n['properties'] as Record<string, Record<string, unknown>>) ?? {})) {
        if (!v['description']) missing.push(`${path}${k}`);
        walk(v, `${path}${k}.`);
      }
      for (const k of ['anyOf', 'oneOf']) for (const v of (n[k] as Record<string, unknown>[]) ?? []) walk(v, path);
      if (n['items']) walk(n['items'] as Record<string, unknown>, `${path}[].`);
      if (n['additionalProperties'] && typeof n['additionalProperties'] === 'object') walk(n['additionalProperties'] as Record<string, unknown>, `${path}*.`);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('describes a cell by its printed row and column', () => {
    const text = JSON.stringify(schema);
    expect(text).toContain('三、本年度办理结果（三）不予公开 1.属于国家秘密 · 自然人');
  });
});
