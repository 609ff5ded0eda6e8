/**
 * Golden tests over the project's own samples (samples/docs, made by
 * samples/make.mjs from samples/reports):
 * 1. every sample report's output matches its definition — the numbers,
 *    meta, headings and texts the sample was made from;
 * 2. every sample's whole output equals its committed golden file
 *    (test/golden/expected), provenance included. `npm run golden`
 *    regenerates them (GONGKAI_UPDATE_GOLDEN=1), and then fails on purpose
 *    so the flag is not left on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from '../../src/checks/evaluate.js';
import { loadTemplates } from '../../src/template/load.js';
import type { Report } from '../../src/report/types.js';
import { expectGolden, sampleOutput } from '../helpers/golden.js';
import { differences } from '../../src/report/compare.js';

const SAMPLES = join(import.meta.dirname, '../../samples');

interface Entry {
  file: string;
  report: string | null;
}
const manifest = JSON.parse(readFileSync(join(SAMPLES, 'manifest.json'), 'utf8')) as Entry[];
const definition = (id: string) => JSON.parse(readFileSync(join(SAMPLES, 'reports', `${id}.json`), 'utf8')) as Record<string, unknown>;

const output = sampleOutput;

describe.each(manifest.filter((e) => e.report))('sample $file', ({ file, report }) => {
  it('matches the report it was made from', async () => {
    const r = await output(file);
    expect(differences(definition(report!), r as unknown as Record<string, unknown>)).toEqual([]);
    expect(r.status).toBe('complete');
  });

  it("lists exactly the check results of the report's printed numbers", async () => {
    const r = await output(file);
    const want = runChecks(loadTemplates().checks, definition(report!));
    expect([...r.checks].sort((a, b) => a.rule.localeCompare(b.rule))).toEqual([...want].sort((a, b) => a.rule.localeCompare(b.rule)));
  });
});

it('reports the deliberate inconsistencies of the inconsistent sample as failed checks', async () => {
  const r = await output('hexi-market-2020.docx');
  expect(r.checks.filter((c) => !c.passed).map((c) => c.rule).sort()).toEqual([
    'applications.rowTotal.granted',
    'applications.totalProcessed.total',
    'reviewLitigation.review.total',
  ]);
  expect((r.reviewLitigation as { review: { total: number } }).review.total).toBe(2);
});

it('fails a document that is not such a report, saying so', async () => {
  for (const e of manifest.filter((x) => !x.report)) {
    const r = await output(e.file);
    expect(r.status).toBe('failed');
    expect(r.warnings[0]).toMatch(/not a government information disclosure annual report/);
  }
});

describe.each(manifest)('golden output of $file', ({ file }) => {
  it('equals the committed golden file', async () => {
    expectGolden(file, await output(file));
  });
});
