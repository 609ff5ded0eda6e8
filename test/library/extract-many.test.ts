/**
 * extractMany() over the isolated worker pool. The pool runs the built
 * worker (dist/batch/worker.js), so this test imports the built library.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SAMPLE_DOCS } from '../helpers/cli.js';

type Lib = typeof import('../../src/index.js');

describe('extractMany()', () => {
  let lib: Lib;
  beforeAll(async () => {
    lib = (await import(join(ROOT, 'dist/index.js'))) as Lib;
  });

  it('reads paths and bytes in parallel workers and returns the reports in input order', async () => {
    const a = join(SAMPLE_DOCS, 'liuwan-town-2021.docx');
    const b = join(SAMPLE_DOCS, 'hexi-market-2020.docx');
    const seen: number[] = [];
    const reports = await lib.extractMany([a, b, readFileSync(a), 7 as unknown as string], { jobs: 2, onReport: (_, i) => seen.push(i) });
    expect(reports.map((r) => [r.status, r.source.path])).toEqual([
      ['complete', 'liuwan-town-2021.docx'],
      ['complete', 'hexi-market-2020.docx'],
      ['complete', 'input-3'],
      ['failed', 'input-4'],
    ]);
    expect(reports[2]!.applications).toEqual(reports[0]!.applications);
    expect(seen.sort()).toEqual([0, 1, 2, 3]);
  }, 120_000);
});
