/**
 * Golden tests over the legacy samples (samples/legacy, rendered by
 * samples/gen-legacy.mjs as listed in samples/legacy-manifest.json):
 * 1. every sample's output matches the definition it was made from — meta,
 *    the six sections, the extra sections, the statistics table, every text
 *    figure and the checks (traditional-script copies: the definition
 *    converted as the generator converts it);
 * 2. every sample's whole output equals its committed golden file
 *    (test/golden/expected); `npm run golden` regenerates them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js/cn2t';
import { runChecks } from '../../src/checks/evaluate.js';
import { setPath } from '../../src/template/map-table.js';
import { loadTemplates } from '../../src/template/load.js';
import type { Report } from '../../src/report/types.js';
import { expectGolden, sampleOutput } from '../helpers/golden.js';

const SAMPLES = join(import.meta.dirname, '../../samples');
const SIX = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'];

interface Entry {
  file: string;
  report: string;
  options: { traditional?: boolean };
}
interface Definition {
  meta: Report['meta'];
  sections: { key: string; heading: string; text: string }[];
  statistics: { template: string; heading: string; values: Record<string, number | number[]> } | null;
  figures: { key: string; value: number; qualifier: string | null; unit: string | null; sentence: string; raw: string | null }[];
}
const manifest = JSON.parse(readFileSync(join(SAMPLES, 'legacy-manifest.json'), 'utf8')) as Entry[];
const definition = (id: string) => JSON.parse(readFileSync(join(SAMPLES, 'legacy', `${id}.json`), 'utf8')) as Definition;
const toTw = Converter({ from: 'cn', to: 'tw' }) as (s: string) => string;

const output = sampleOutput;

/** The statistics values the definition prints: every template row (0 when not given); shanghai2008 reads 本年累计. */
function expectedValues(d: Definition, output: Report): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const row of output.legacy!.statistics!.rows) if (row.path) setPath(values, row.path, 0);
  for (const [k, v] of Object.entries(d.statistics!.values)) setPath(values, k, Array.isArray(v) ? v[1] : v);
  return values;
}

describe.each(manifest)('legacy sample $file', ({ file, report, options }) => {
  const d = definition(report);
  const tw = (s: string | null) => (options.traditional && s ? toTw(s) : s);

  it('matches the report it was made from', async () => {
    const r = await output(file);
    expect(r.status).toBe('complete');
    expect(r.meta).toEqual({ ...d.meta, title: tw(d.meta.title), agency: tw(d.meta.agency) });
    for (const key of SIX) {
      const s = d.sections.find((x) => x.key === key);
      expect([key, r[key as keyof Report]]).toEqual([key, s ? { heading: tw(s.heading), text: tw(s.text) } : null]);
    }
    const extra = d.sections.filter((x) => !SIX.includes(x.key)).map((x) => ({ ...x, heading: tw(x.heading), text: tw(x.text) }));
    expect(r.legacy!.sections).toEqual(extra);
    expect(r.legacy!.figures).toEqual(d.figures.map((f) => ({ ...f, sentence: tw(f.sentence), unit: tw(f.unit), raw: tw(f.raw) })));
    if (!d.statistics) {
      expect(r.legacy!.statistics).toBeNull();
      return;
    }
    const s = r.legacy!.statistics!;
    expect([s.template, s.heading]).toEqual([d.statistics.template, tw(d.statistics.heading)]);
    expect(s.values).toEqual(expectedValues(d, r));
  });

  it('lists exactly the checks of its printed numbers, all passing', async () => {
    const r = await output(file);
    const textFigures: Record<string, unknown> = {};
    for (const f of d.figures) if (!(f.key in textFigures) && f.qualifier === null) textFigures[f.key] = f.value;
    const nested: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(textFigures)) setPath(nested, k, v);
    const values = d.statistics ? expectedValues(d, r) : {};
    const want = runChecks(loadTemplates().checks, { legacy: { statistics: { values }, textFigures: nested } });
    expect(want.every((c) => c.passed)).toBe(true);
    expect([...r.checks].sort((a, b) => a.rule.localeCompare(b.rule))).toEqual([...want].sort((a, b) => a.rule.localeCompare(b.rule)));
  });

  it('equals the committed golden file', async () => {
    expectGolden(file, await output(file));
  });
});
