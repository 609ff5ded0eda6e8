/**
 * The legacy columns of the CSV writer (spec/legacy-reports.md, Outputs):
 * one column per gov2014 statistics path (`legacy.statistics.values.<path>`)
 * and one per text-figure key (`legacy.figures.<key>`, the first figure of
 * that key). Empty for modern reports. With Chinese headers, a statistics
 * column is headed by the row's printed label, a figure column by its key.
 */
import type { Report } from '../report/types.js';
import type { Templates } from '../template/load.js';
import type { CsvColumn, LabelLanguage } from '../writers/csv.js';
import { loadLegacyTemplates } from './load.js';

const STATISTICS = 'legacy.statistics.values.';
const FIGURES = 'legacy.figures.';

function statisticsValue(report: Report, path: string): unknown {
  const s = report.legacy?.statistics;
  if (s?.template !== 'gov2014') return undefined;
  let o: unknown = s.values;
  for (const k of path.split('.')) o = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined;
  return o;
}

/** The legacy columns, in template order: gov2014 paths, then the figure keys. */
export function legacyCsvColumns(templates: Templates, labels: LabelLanguage = 'keys'): CsvColumn[] {
  const legacy = loadLegacyTemplates(templates.dir);
  const gov2014 = legacy?.templates.find((t) => t.def.id === 'gov2014');
  if (!legacy) return [];
  const zh = labels === 'zh';
  const seen = new Set<string>();
  const stats: CsvColumn[] = [];
  for (const leaf of gov2014?.table.variants[0]?.leaves ?? []) {
    if (seen.has(leaf.path)) continue;
    seen.add(leaf.path);
    stats.push({ key: STATISTICS + leaf.path, header: zh ? `统计表 ${leaf.spellings[0]}` : STATISTICS + leaf.path, value: (r) => statisticsValue(r, leaf.path) });
  }
  const figures: CsvColumn[] = legacy.figures.keys.map((k) => ({
    key: FIGURES + k,
    header: zh ? `正文数字 ${k}` : FIGURES + k,
    value: (r) => r.legacy?.figures.find((f) => f.key === k)?.value,
  }));
  return [...stats, ...figures];
}
