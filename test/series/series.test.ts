/**
 * `gongkai series` (spec § Series) on the three-year sample of one body
 * (samples/gen-series.mjs): the planted carry-over mismatch 2022→2023 is
 * named, every other cross-year check passes; agency folding, missing and
 * duplicate years on hand-made reports.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';
import { foldAgency, groupAgencies } from '../../src/series/agency.js';
import { buildSeries } from '../../src/series/build.js';
import type { Report } from '../../src/report/types.js';

const LINXI = [2021, 2022, 2023].map((y) => join(SAMPLE_DOCS, `linxi-county-office-${y}.${y === 2022 ? 'pdf' : 'docx'}`));

describe('gongkai series on the three-year sample', () => {
  it('names the planted carry-over mismatch and passes every other cross-year check', () => {
    const r = gongkai(['series', ...LINXI]);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.bodies).toHaveLength(1);
    const body = s.bodies[0];
    expect(body.agency).toBe('云州市临溪县人民政府办公室');
    expect(body.names).toEqual(['云州市临溪县人民政府办公室', '临溪县人民政府办公室']);
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2021, 2022, 2023]);
    expect(body.missingYears).toEqual([]);
    expect(body.duplicateYears).toEqual([]);
    const failed = body.checks.filter((c: { passed: boolean }) => !c.passed);
    expect(failed.map(({ rule, from, to, expected, actual }: Record<string, unknown>) => ({ rule, from, to, expected, actual }))).toEqual([
      { rule: 'series.carryOver.naturalPerson', from: 2022, to: 2023, expected: 3, actual: 2 },
      { rule: 'series.carryOver.total', from: 2022, to: 2023, expected: 3, actual: 2 },
    ]);
    // 7 carry-over columns + 2 in-force rows, for each of the two pairs of years.
    expect(body.checks).toHaveLength(18);
    expect(body.checks.filter((c: { rule: string; passed: boolean }) => c.rule.startsWith('series.inForce') && c.passed)).toHaveLength(4);
  });

  it('writes CSV with one row per year and the failed checks in the year they fail into', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-series-'));
    const r = gongkai(['series', ...LINXI, '--out', join(dir, 's.csv')]);
    expect(r.code).toBe(1);
    const lines = readFileSync(join(dir, 's.csv'), 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('云州市临溪县人民政府办公室,2023,found,linxi-county-office-2023.docx,34,2,16,35,1,series.carryOver.naturalPerson (3≠2); series.carryOver.total (3≠2)');
  });

  it('reads folders of JSON outputs as well as documents, and exits 0 when every check passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-series-'));
    for (const f of LINXI.slice(0, 2)) {
      const e = gongkai(['extract', f]);
      writeFileSync(join(dir, `${f.split('/').pop()}.json`), e.stdout);
    }
    const r = gongkai(['series', dir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).bodies[0].checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
  });
});

describe('series grouping', () => {
  it('folds widths and spaces, and joins a name with its parent-prefixed form unless another name contradicts it', () => {
    expect(foldAgency('洪泽区 人民政府（办公室）')).toBe('洪泽区人民政府(办公室)');
    const k = groupAgencies(['洪泽区人民政府', '淮安市洪泽区人民政府', '江苏省淮安市洪泽区人民政府', '人民政府办公室', '甲县人民政府办公室', '乙县人民政府办公室']);
    expect(k.get('洪泽区人民政府')).toBe('江苏省淮安市洪泽区人民政府');
    expect(k.get('淮安市洪泽区人民政府')).toBe('江苏省淮安市洪泽区人民政府');
    // 人民政府办公室 ends two unrelated names: it is contradicted and stays on its own.
    expect(k.get('人民政府办公室')).toBe('人民政府办公室');
    expect(k.get('甲县人民政府办公室')).toBe('甲县人民政府办公室');
  });

  const report = (agency: string | null, year: number | null, file: string, forward = 1, carried = 1): { report: Report } => ({
    report: {
      schemaVersion: '1',
      source: { file, format: 'docx', sha256: file.padEnd(64, '0'), pages: null },
      meta: { title: null, agency, year, publishedAt: null, edition: '2021' },
      status: 'complete',
      applications: { carriedOver: { total: carried }, carriedForward: { total: forward } },
      checks: [],
      warnings: [],
    } as unknown as Report,
  });

  it('names missing years, flags two documents for one year, and checks only adjacent years', () => {
    const s = buildSeries([report('甲镇人民政府', 2019, 'a'), report('甲镇人民政府', 2020, 'b', 1, 5), report('甲镇人民政府', 2020, 'c'), report('甲镇人民政府', 2022, 'd'), report(null, 2020, 'e'), report('乙镇', null, 'f')]);
    expect(s.bodies).toHaveLength(1);
    const b = s.bodies[0]!;
    expect(b.missingYears).toEqual([2021]);
    expect(b.duplicateYears).toEqual([2020]);
    expect(b.years.find((y) => y.year === 2020)!.documents.map((d) => d.file)).toEqual(['b', 'c']);
    expect(b.checks.map((c) => [c.rule, c.from, c.to, c.passed, c.documents])).toEqual([
      ['series.carryOver.total', 2019, 2020, false, ['a', 'b']],
      ['series.carryOver.total', 2019, 2020, true, ['a', 'c']],
    ]);
    expect(s.unassigned).toEqual([{ file: 'e', reason: 'no agency' }, { file: 'f', reason: 'no year' }]);
  });
});
