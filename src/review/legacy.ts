/**
 * Legacy reports (spec legacy-reports.md § `legacy`): the attached statistics
 * table (`legacy.statistics.rows`: label, 代码, unit, value as printed) and the
 * figures stated in the text (`legacy.figures`, each with its sentence).
 * Read defensively: any part missing or shaped otherwise is left out.
 * Statistics values with a path are cells of the page (evidence from
 * `provenance` under `legacy.statistics.values.<path>` when the output has it).
 */
import type { CellData } from './document-data.js';
import { esc } from './html.js';

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

interface StatRow {
  label: string;
  code: unknown;
  unit: unknown;
  value: number | null;
  raw: string | undefined;
  /** `legacy.statistics.values.<path>`, or null for a row the template does not know. */
  path: string | null;
}

function statistics(legacy: unknown): { heading: string; template: string; rows: StatRow[] } | null {
  if (!isTree(legacy) || !isTree(legacy['statistics']) || !Array.isArray(legacy['statistics']['rows'])) return null;
  const stats = legacy['statistics'];
  const rows = (stats['rows'] as unknown[]).filter(isTree).map((r) => ({
    label: String(r['label'] ?? ''),
    code: r['code'],
    unit: r['unit'],
    value: typeof r['value'] === 'number' ? r['value'] : null,
    raw: typeof r['raw'] === 'string' ? r['raw'] : undefined,
    path: typeof r['path'] === 'string' ? `legacy.statistics.values.${r['path']}` : null,
  }));
  return { heading: String(stats['heading'] ?? '统计表'), template: String(stats['template'] ?? ''), rows };
}

/** The cells of the legacy statistics table (rows with a path), for evidence and j/k; empty without `legacy`. */
export function legacyCells(legacy: unknown, provenance: Record<string, Record<string, unknown>>): CellData[] {
  const stats = statistics(legacy);
  if (!stats) return [];
  return stats.rows.flatMap((r) => {
    if (!r.path) return [];
    const p = provenance[r.path];
    const cell: CellData = { path: r.path, label: `${stats.heading} › ${r.label}`, value: r.value, page: typeof p?.['page'] === 'number' ? p['page'] : null, flags: r.value === null ? ['null'] : [], checks: [], warnings: [] };
    const raw = typeof p?.['raw'] === 'string' ? p['raw'] : r.raw;
    if (raw !== undefined) cell.raw = raw;
    if (Array.isArray(p?.['bbox'])) cell.bbox = p['bbox'] as number[];
    return [cell];
  });
}

/** The legacy section of a document page; '' without `legacy`. `cellHtml(path)` renders a value cell. */
export function legacyHtml(legacy: unknown, cellHtml: (path: string) => string): string {
  if (!isTree(legacy)) return '';
  const parts: string[] = ['<section class="table-section" id="t-legacy"><h3>旧版年报 Legacy report</h3>'];
  const stats = statistics(legacy);
  if (stats) {
    const rows = stats.rows.map(
      (r) => `<tr><th>${esc(r.label)}</th><td>${esc(r.code ?? '')}</td><td>${esc(r.unit ?? '')}</td>${r.path ? cellHtml(r.path) : `<td>${esc(r.value ?? '∅')}</td>`}</tr>`,
    );
    parts.push(`<h4>${esc(stats.heading)} <small>${esc(stats.template)}</small></h4><table class="form form-legacy"><tr><th>统计指标</th><th>代码</th><th>单位</th><th>数值</th></tr>${rows.join('\n')}</table>`);
  }
  const figures = Array.isArray(legacy['figures']) ? (legacy['figures'] as unknown[]).filter(isTree) : [];
  if (figures.length) {
    const rows = figures.map((f) => `<tr><td><code>${esc(f['key'])}</code></td><td>${esc(f['value'])}${esc(f['unit'] ?? '')}${f['qualifier'] ? ` <small>${esc(f['qualifier'])}</small>` : ''}</td><td class="sentence">${esc(f['sentence'] ?? '')}</td></tr>`);
    parts.push(`<h4>正文中的数字 Figures in the text</h4><table class="list figures"><tr><th>key</th><th>数值</th><th>原句 sentence</th></tr>${rows.join('\n')}</table>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}
