/**
 * Issue 8 on a legacy report (spec/legacy-reports.md): every page of the
 * lanxi-stats-2016 sample scanned (samples/gen-legacy-scans.mjs — grey
 * 150 dpi, noise, a slight lean, no text layer) is read by OCR into the same
 * report as the digital PDF: meta, the outline, and the attached gov2014
 * statistics table (统计表) with its narrow 单位 | 统计数 header and its local
 * row, every value right. One extraction for the file (OCR is slow), hence
 * the timeout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract.js';
import { setPath } from '../../src/template/map-table.js';
import type { Report } from '../../src/report/types.js';

const ROOT = join(import.meta.dirname, '../..');
const OCR_TIMEOUT_MS = 30 * 60 * 1000;

interface Definition {
  meta: Report['meta'];
  sections: { key: string; heading: string; text: string }[];
  statistics: { template: string; heading: string; values: Record<string, number>; localRows: { label: string; unit: string; value: number }[] };
}
const d = JSON.parse(readFileSync(join(ROOT, 'samples/legacy/lanxi-stats-2016.json'), 'utf8')) as Definition;

let report: Report;
beforeAll(async () => {
  report = await extract(join(ROOT, 'samples/scans/lanxi-stats-2016.scan.pdf'), {});
}, OCR_TIMEOUT_MS);

it('reads every page by OCR into a complete legacy report with the meta of its definition', () => {
  expect(report.warnings).toContain('OCR: 3 of 3 page(s) read from their image');
  expect(report.status).toBe('complete');
  expect(report.meta).toEqual(d.meta);
  const six = ['activeDisclosure', 'applications', 'reviewLitigation', 'problems'] as const;
  for (const key of six) expect([key, report[key]?.heading]).toEqual([key, d.sections.find((s) => s.key === key)!.heading]);
  expect(report.legacy!.sections.map((s) => s.heading)).toEqual(d.sections.filter((s) => !(six as readonly string[]).includes(s.key)).map((s) => s.heading));
});

it('reads the statistics table: template, title, every template value and the local row', () => {
  const s = report.legacy!.statistics!;
  expect([s.template, s.heading]).toEqual([d.statistics.template, d.statistics.heading]);
  const want: Record<string, unknown> = {};
  for (const row of s.rows) if (row.path) setPath(want, row.path, 0);
  for (const [k, v] of Object.entries(d.statistics.values)) setPath(want, k, v);
  expect(s.values).toEqual(want);
  expect(s.rows.filter((r) => r.path === null).map((r) => [r.label, r.unit, r.value])).toEqual(d.statistics.localRows.map((r) => [r.label, r.unit, r.value]));
  expect(report.warnings.filter((w) => w.startsWith('legacy.statistics'))).toEqual([]);
  expect(report.checks.every((c) => c.passed)).toBe(true);
});
