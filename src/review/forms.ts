/**
 * The three tables laid out like the printed forms, from the template data
 * (extractors/tables): Chinese row labels in label columns with their group
 * labels spanning the rows under them (三、本年度办理结果 › （三）不予公开 › 1.…),
 * the column labels in header rows with their group headers spanning the
 * columns (行政复议 › 结果维持). Rows with other columns than the row before
 * (table 二's blocks: 规章 / 行政许可 / 行政事业性收费) start a block with its own
 * header, as printed.
 */
import type { CompiledTable, LeafRow, TableVariant } from '../template/load.js';

export interface FormCell {
  text?: string;
  /** Output path of the value shown in this cell (relative to the report root). */
  path?: string;
  colspan?: number;
  rowspan?: number;
  head?: boolean;
}

export interface FormLayout {
  rows: FormCell[][];
  /** Path → Chinese description `row label › column label`. */
  labels: Map<string, string>;
}

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

function at(tree: unknown, path: string): unknown {
  let node = tree;
  for (const k of path ? path.split('.') : []) node = isTree(node) ? node[k] : undefined;
  return node;
}

/** The template variant the section was written in: every row it lists is an object in the section. */
export function variantOf(table: CompiledTable, section: Tree): TableVariant | undefined {
  return table.variants.find((v) => v.leaves.every((l) => isTree(at(section, l.path)) || (l.unlabelled && isTree(section))));
}

function headerRows(table: CompiledTable, columns: string[], labelCols: number): FormCell[][] {
  const defs = columns.map((k) => table.columns.find((c) => c.key === k)!);
  const levels = defs.map((d) => d.path.map((p) => p[0]!));
  const depth = Math.max(...levels.map((l) => l.length));
  const rows: FormCell[][] = Array.from({ length: depth }, () => []);
  if (labelCols) rows[0]!.push({ text: '', colspan: labelCols, rowspan: depth, head: true });
  for (let d = 0; d < depth; d++) {
    let last: { cell: FormCell; key: string } | undefined;
    levels.forEach((l) => {
      if (d > l.length - 1) return void (last = undefined);
      if (d === l.length - 1) {
        rows[d]!.push({ text: l[d]!, rowspan: depth - d, head: true });
        last = undefined;
        return;
      }
      const key = l.slice(0, d + 1).join('/');
      if (last && last.key === key) last.cell.colspan = (last.cell.colspan ?? 1) + 1;
      else {
        const cell: FormCell = { text: l[d]!, head: true };
        rows[d]!.push(cell);
        last = { cell, key };
      }
    });
  }
  return rows;
}

/**
 * Lays out `section` (a table section of a report, `sectionKey` its key)
 * after `table`. Returns undefined when the section fits none of the
 * table's variants (a legacy or unknown edition).
 */
export function formLayout(table: CompiledTable, sectionKey: string, section: Tree): FormLayout | undefined {
  const variant = variantOf(table, section);
  if (!variant) return undefined;
  const leaves = variant.leaves;
  const labelCols = Math.max(0, ...leaves.map((l) => (l.unlabelled ? 0 : l.groups.length + 1)));
  const rows: FormCell[][] = [];
  const labels = new Map<string, string>();
  const colLabel = (k: string) => table.columns.find((c) => c.key === k)!.path.map((p) => p[0]).join('›');
  const sameGroups = (a: LeafRow, b: LeafRow, upTo: number) => a.groups.length > upTo && b.groups.length > upTo && a.groups.slice(0, upTo + 1).every((g, i) => g[0] === b.groups[i]![0]);
  leaves.forEach((leaf, i) => {
    const prev = leaves[i - 1];
    if (!prev || prev.columns.join() !== leaf.columns.join()) rows.push(...headerRows(table, leaf.columns, labelCols));
    const row: FormCell[] = [];
    if (!leaf.unlabelled) {
      leaf.groups.forEach((g, k) => {
        if (prev && sameGroups(prev, leaf, k) && prev.columns.join() === leaf.columns.join()) return;
        let span = 1;
        while (leaves[i + span] && sameGroups(leaf, leaves[i + span]!, k)) span++;
        row.push({ text: g[0]!, rowspan: span, head: true });
      });
      row.push({ text: leaf.spellings[0]!, colspan: labelCols - leaf.groups.length, head: true });
    }
    for (const col of leaf.columns) {
      const path = [sectionKey, leaf.path, col].filter(Boolean).join('.');
      row.push({ path });
      const rowLabel = leaf.unlabelled ? '' : [...leaf.groups.map((g) => g[0]), leaf.spellings[0]].join('›');
      labels.set(path, rowLabel ? `${rowLabel} · ${colLabel(col)}` : colLabel(col));
    }
    rows.push(row);
  });
  return { rows, labels };
}
