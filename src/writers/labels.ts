/**
 * The table cells of the report as columns for people: every cell path of
 * the three tables in template order, with the editions that have it and its
 * printed Chinese label, built from the template data (`extractors/tables`):
 * the row's printed label under its groups, then the column's
 * (`三、本年度办理结果（三）不予公开 1.属于国家秘密 · 自然人`).
 */
import type { CompiledTable, LeafRow, Templates } from '../template/load.js';

export interface CellColumn {
  /** Path in the report (`applications.denied.stateSecret.naturalPerson`). */
  path: string;
  /** Section key (`applications`). */
  section: string;
  /** Ids of the editions whose table has this cell. */
  editions: string[];
  /** Printed row and column labels (`…（三）不予公开 1.属于国家秘密 · 自然人`). */
  label: string;
}

/** The printed label of a data row: its groups' labels then its own, a space before a numbered item (`1.`). */
export function rowLabel(leaf: LeafRow): string {
  const parts = [...leaf.groups.map((g) => g[0]!), ...(leaf.unlabelled ? [] : [leaf.spellings[0] ?? ''])];
  return parts.reduce((acc, p) => (acc && /^\d/.test(p) ? `${acc} ${p}` : `${acc}${p}`), '');
}

/** The printed label of a column: its header levels from the outermost, ` · ` between them. */
export function columnLabel(table: CompiledTable, key: string): string {
  const col = table.columns.find((c) => c.key === key || c.unitKey === key);
  if (!col) return key;
  const label = col.path.map((level) => level[0]!).join(' · ');
  return col.key === key ? label : `${label}（单位）`;
}

/** Every table cell, in template order, each path once. */
export function cellColumns(templates: Templates): CellColumn[] {
  const byPath = new Map<string, CellColumn>();
  for (const section of templates.sections) {
    if (!section.table) continue;
    for (const edition of templates.editions) {
      const table = edition.tables[section.table];
      if (!table) continue;
      const unitKeys = new Map(table.columns.filter((c) => c.unitKey).map((c) => [c.key, c.unitKey!]));
      for (const variant of table.variants) {
        for (const leaf of variant.leaves) {
          for (const col of leaf.columns) {
            for (const key of [col, unitKeys.get(col)]) {
              if (!key) continue;
              const path = [section.key, leaf.path, key].filter(Boolean).join('.');
              const row = rowLabel(leaf);
              const label = row ? `${row} · ${columnLabel(table, key)}` : columnLabel(table, key);
              const known = byPath.get(path);
              if (!known) byPath.set(path, { path, section: section.key, editions: [edition.id], label });
              else if (!known.editions.includes(edition.id)) known.editions.push(edition.id);
            }
          }
        }
      }
    }
  }
  // The same printed words for two paths (different editions): say which edition each is.
  const columns = [...byPath.values()];
  const count = new Map<string, number>();
  for (const c of columns) count.set(c.label, (count.get(c.label) ?? 0) + 1);
  for (const c of columns) if (count.get(c.label)! > 1) c.label = `${c.label}（${c.editions.join('/')}版）`;
  return columns;
}
