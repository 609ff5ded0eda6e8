/**
 * Corrections (spec § Corrections): a round trip through the CLI changes
 * exactly the corrected value, records it under `corrections`, recomputes
 * the checks, and leaves every other byte of the output as it was.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';
import { applyCorrections } from '../../src/corrections/apply.js';
import { parseCorrections } from '../../src/corrections/entries.js';
import { loadTemplates } from '../../src/template/load.js';
import type { Report } from '../../src/report/types.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'gongkai-corr-'));
const DOC = join(SAMPLE_DOCS, 'hexi-market-2020.pdf');

function run(args: string[], out: string): string {
  const r = gongkai(['extract', DOC, '--provenance', '--out', out, ...args]);
  expect(r.stderr).toBe('');
  return readFileSync(join(out, 'hexi-market-2020.pdf.json'), 'utf8');
}

describe('gongkai extract --corrections', () => {
  it('changes exactly the corrected value, records it, recomputes checks, and leaves every other byte as before', () => {
    const dir = tmp();
    const before = run([], join(dir, 'a'));
    const plain = JSON.parse(before) as Report;
    expect(plain.corrections).toBeUndefined();
    // The sample prints （一）予以公开 总计 as 13 although its cells add to 12.
    const corrections = [
      { sha256: plain.source.sha256, path: 'applications.granted.total', value: 12, note: '各列相加为12', by: 'archivist', at: '2026-12-01' },
      { sha256: plain.source.sha256, path: 'reviewLitigation.review.upheld', note: 'checked', by: 'archivist', at: '2026-12-01' },
      { sha256: 'f'.repeat(64), path: 'applications.granted.total', value: 99 },
    ];
    writeFileSync(join(dir, 'c.json'), JSON.stringify(corrections));
    const after = run(['--corrections', join(dir, 'c.json')], join(dir, 'b'));
    const corrected = JSON.parse(after) as Report & { applications: { granted: { total: number } } };

    expect(corrected.applications.granted.total).toBe(12);
    expect(corrected.corrections).toEqual([
      { path: 'applications.granted.total', printed: 13, value: 12, note: '各列相加为12', by: 'archivist', at: '2026-12-01' },
      { path: 'reviewLitigation.review.upheld', printed: 1, note: 'checked', by: 'archivist', at: '2026-12-01' },
    ]);
    const failed = (r: Report) => r.checks.filter((c) => !c.passed).map((c) => c.rule).sort();
    expect(failed(plain)).toEqual(['applications.rowTotal.granted', 'applications.totalProcessed.total', 'reviewLitigation.review.total']);
    expect(failed(corrected)).toEqual(['reviewLitigation.review.total']);

    // Every other byte: the uncorrected output with exactly these three changes is the corrected output.
    const expected = JSON.parse(before) as Report & { applications: { granted: { total: number } } };
    expected.applications.granted.total = 12;
    expected.checks = expected.checks.map((c) =>
      c.rule === 'applications.rowTotal.granted' ? { ...c, passed: true, actual: 12 } : c.rule === 'applications.totalProcessed.total' ? { ...c, passed: true, expected: 32 } : c,
    );
    const { provenance, ...rest } = expected;
    expect(after).toBe(`${JSON.stringify({ ...rest, corrections: corrected.corrections, provenance })}\n`);
  });

  it('refuses a malformed corrections file as a usage error naming the entry', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'c.json'), JSON.stringify([{ sha256: 'xyz', path: 'a.b' }]));
    const r = gongkai(['extract', DOC, '--corrections', join(dir, 'c.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/c\.json at \[0\]\.sha256: a sha256 is 64/);
  });
});

describe('applyCorrections', () => {
  const report = (): Report =>
    ({
      schemaVersion: '1',
      source: { file: 'x.docx', format: 'docx', sha256: 'a'.repeat(64), pages: null },
      meta: { title: null, agency: null, year: 2021, publishedAt: null, edition: '2021' },
      status: 'partial',
      reviewLitigation: { heading: '四', review: { upheld: 1, corrected: null, other: 0, pending: 0, total: 2 } },
      checks: [],
      warnings: ['reviewLitigation.review.corrected: not read'],
    }) as unknown as Report;
  const rules = loadTemplates().checks;

  it('returns the same report when no entry is for its sha256, and never modifies its input', () => {
    const r = report();
    expect(applyCorrections(r, parseCorrections(JSON.stringify([{ sha256: 'b'.repeat(64), path: 'reviewLitigation.review.total', value: 1 }])), rules)).toBe(r);
    const entries = parseCorrections(JSON.stringify([{ sha256: 'a'.repeat(64), path: 'reviewLitigation.review.corrected', value: 1 }]));
    const out = applyCorrections(r, entries, rules);
    expect(r.checks).toEqual([]);
    expect((r as unknown as { reviewLitigation: { review: { corrected: null } } }).reviewLitigation.review.corrected).toBeNull();
    // A null filled in by a person: the check that needed it is now listed.
    expect(out.checks.filter((c) => c.rule.startsWith('reviewLitigation.review'))).toEqual([{ rule: 'reviewLitigation.review.total', passed: true, expected: 2, actual: 2 }]);
    expect(out.corrections).toEqual([{ path: 'reviewLitigation.review.corrected', printed: null, value: 1, note: null, by: null, at: null }]);
    expect(out.status).toBe('partial');
  });

  it('warns about paths that are not table cells (absent, a row, a meta field) and omits the key when nothing applied', () => {
    const sha = 'a'.repeat(64);
    const entries = parseCorrections(JSON.stringify(['reviewLitigation.review.bogus', 'reviewLitigation.review', 'meta.year', 'applications.granted.total'].map((path) => ({ sha256: sha, path, value: 1, by: 'li' }))));
    const out = applyCorrections(report(), entries, rules);
    expect(out.corrections).toBeUndefined();
    expect(out.warnings.slice(1)).toEqual([
      'corrections: reviewLitigation.review.bogus is not a table cell of this report; the entry by li was not applied',
      'corrections: reviewLitigation.review is not a table cell of this report; the entry by li was not applied',
      'corrections: meta.year is not a table cell of this report; the entry by li was not applied',
      'corrections: applications.granted.total is not a table cell of this report; the entry by li was not applied',
    ]);
  });
});
