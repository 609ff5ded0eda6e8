/**
 * Issue 8: the scanned samples (samples/gen-scans.mjs) — a digital PDF whose
 * table 三 page is a scanned image, a multi-page TIFF of every page (red
 * stamp over the signature), a JPEG of every page stacked into one long
 * image — each read by OCR and compared,
 * cell by cell, with the report definition it was made from. One process,
 * so the OCR engine loads once for the file; OCR is slow, hence the timeout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract.js';
import { differences } from '../../src/report/compare.js';

const ROOT = join(import.meta.dirname, '../..');
const DIR = join(ROOT, 'samples/scans');
const OCR_TIMEOUT_MS = 30 * 60 * 1000;

interface Entry {
  file: string;
  kind: string;
  definition: string;
  pages: number;
  expect: { status: 'complete' | 'partial'; parts: string[] };
}

const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Entry[];

it('has the three kinds of scan issue 8 asks for', () => {
  expect(manifest.map((e) => e.file.replace(/^.*?\./, ''))).toEqual(['mixed.pdf', 'scan.tif', 'long.jpg']);
});

describe.each(manifest)('$kind: $file', ({ file, definition, pages, expect: want }) => {
  it(`is ${want.status}, with every cell of ${want.parts.join(', ')} right`, async () => {
    const r = await extract(join(DIR, file), {});
    const def = JSON.parse(readFileSync(join(ROOT, definition), 'utf8')) as Record<string, unknown>;
    expect(r.source.pages).toBe(pages);
    if (!file.endsWith('.pdf')) expect(r.source.format).toBe('image');
    // Table cells only: headings and section texts are not what this sample is for.
    const cells = differences(def, r as unknown as Record<string, unknown>)
      .filter((d) => want.parts.some((p) => d.startsWith(`${p}.`)) && !/^\w+\.heading:/.test(d));
    expect(cells).toEqual([]);
    expect(r.status).toBe(want.status);
  }, OCR_TIMEOUT_MS);
});
