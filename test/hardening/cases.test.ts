/**
 * Issue 7, kind 9: the shared cases as project tests (fixtures copied into
 * test/fixtures/cases). Each truth names schema paths and their values (or
 * a nested truth in the schema's shape, headings and texts skipped), the
 * allowed statuses, and a pattern one warning must match.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract.js';

const DIR = join(import.meta.dirname, '../fixtures/cases');
/** A case may need OCR (13: a text layer that cannot be decoded is read from the page images). */
const OCR_TIMEOUT_MS = 30 * 60 * 1000;

interface Truth {
  expected?: Record<string, unknown>;
  warningMatches?: string;
  [k: string]: unknown;
}

function flatten(obj: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'heading' || k === 'text') continue;
    const p = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, p, out);
    else out[p] = v;
  }
  return out;
}

function get(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(k in cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

const cases = readdirSync(DIR).filter((f) => !f.endsWith('.json') && !f.endsWith('.md')).sort();

it('has the cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(5);
});

describe.each(cases)('case %s', (file) => {
  it('gives every value its truth names', async () => {
    const truth = JSON.parse(readFileSync(join(DIR, `${file}.truth.json`), 'utf8')) as Truth;
    const expected = truth.expected ?? flatten(truth);
    const report = await extract(join(DIR, file), {});
    const bad: string[] = [];
    for (const [path, want] of Object.entries(expected)) {
      const got = get(report, path);
      const ok = Array.isArray(want) && path === 'status' ? want.includes(got) : JSON.stringify(got) === JSON.stringify(want);
      if (!ok) bad.push(`${path}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    if (truth.warningMatches) {
      const re = new RegExp(truth.warningMatches, 'i');
      if (!report.warnings.some((w) => re.test(w))) bad.push(`no warning matches /${truth.warningMatches}/: ${JSON.stringify(report.warnings)}`);
    }
    expect(bad).toEqual([]);
  }, OCR_TIMEOUT_MS);
});
