/**
 * A labelled table printed without ruling lines and without a single number
 * (issue 7, kind 6): every value cell blank. No reader can find a table
 * there — only its header and row labels as loose text. When the section's
 * text holds every column label of the template and every row label, in the
 * template's row order, and no digit at all, the rows and columns are
 * identified and their cells are present but empty: zeros (report-schema:
 * a blank cell is 0). Complements `blankRowFromHeaderText` (map-table.ts),
 * which does the same for a table of one unlabelled row (table 四).
 */
import { canonical, coverage, labelParts, stripPunctuation } from '../text/labels.js';
import type { CompiledTable, TableVariant } from './load.js';
import { unitInHeader } from './cell-value.js';
import { setPath, type MappedTable } from './map-table.js';

/** A whole blank table's labels fit in this much text; more is prose. */
const MAX_TEXT = 4000;

export const BLANK_TABLE_WARNING = 'the table is printed without any number (its rows and columns are labelled, every value cell blank): its blank cells are read as 0';

/**
 * Where `label` is printed in `core` from `pos`: whole, or with other
 * characters interleaved (a long label wrapped beside a group label that
 * wraps too, `（六）其` / `2.申请人逾期…` / `他处理`) within twice its length.
 * [start, end) or undefined.
 */
function findLabel(core: string, label: string, pos: number): [number, number] | undefined {
  if (!label) return undefined;
  const i = core.indexOf(label, pos);
  if (i >= 0) return [i, i + label.length];
  const span = label.length * 2 + 4;
  for (let start = core.indexOf(label[0]!, pos); start >= 0; start = core.indexOf(label[0]!, start + 1)) {
    let k = 0, j = start;
    for (; j < core.length && j - start < span && k < label.length; j++) if (core[j] === label[k]) k++;
    if (k === label.length) return [start, j];
  }
  return undefined;
}

/**
 * Where the variant's first row label starts in `core` when every labelled
 * row is found, in order (each at its earliest place after the previous
 * one); -1 otherwise.
 */
function rowsInOrder(core: string, variant: TableVariant): number {
  let pos = 0;
  let first = -1;
  for (const leaf of variant.leaves) {
    if (leaf.unlabelled) return -1;
    let best: [number, number] | undefined;
    for (const s of leaf.spellings) {
      const found = findLabel(core, labelParts(s).core, pos);
      if (found && (!best || found[1] < best[1])) best = found;
    }
    if (!best) return -1;
    if (first < 0) first = best[0];
    pos = best[1];
  }
  return first;
}

/** Row ordinals (`1.`, `4、`) are the only digits a blank table prints. */
const ROW_ORDINAL = /\d{1,2}[.．、](?!\d)/gu;

/** The blank table read from the section's loose text, or undefined. */
export function blankTableFromText(text: string, template: CompiledTable): MappedTable | undefined {
  if (!text || text.length > MAX_TEXT || /\d/.test(text.normalize('NFKC').replace(ROW_ORDINAL, ''))) return undefined;
  const core = stripPunctuation(canonical(text));
  let variant: TableVariant | undefined;
  let firstRow = -1;
  // The variant with the most rows found (three detail rows rather than one own row).
  for (const v of template.variants) {
    const at = rowsInOrder(core, v);
    if (at >= 0 && (!variant || v.leaves.length > variant.leaves.length)) [variant, firstRow] = [v, at];
  }
  if (!variant) return undefined;
  // A column label is printed whole, or — in a narrow column whose label wraps a character a
  // line, interleaved with its neighbours' — in order within the header above the first row.
  const header = core.slice(0, firstRow);
  const printed = (label: string) => core.includes(label) || coverage(label, header) === 1;
  if (!template.columns.every((c) => c.path.every((level) => level.some((s) => printed(labelParts(s).core))))) return undefined;
  const values: Record<string, unknown> = {};
  const units = unitsInHeaders(canonical(text), template);
  for (const leaf of variant.leaves) {
    for (const key of leaf.columns) {
      setPath(values, `${leaf.path}.${key}`, 0);
      const unit = units.get(key);
      if (unit) setPath(values, `${leaf.path}.${unit.key}`, unit.value);
    }
  }
  return {
    values,
    provenance: {},
    warnings: [BLANK_TABLE_WARNING],
    complete: true,
    columnsMatched: template.columns.length,
    rowScore: 0,
  };
}

/** Column key → its unit key and the unit printed right after its header label (or null). */
function unitsInHeaders(text: string, template: CompiledTable): Map<string, { key: string; value: string | null }> {
  const out = new Map<string, { key: string; value: string | null }>();
  for (const c of template.columns) {
    if (!c.unitKey) continue;
    let value: string | null = null;
    for (const s of c.path[c.path.length - 1]!) {
      const i = text.indexOf(canonical(s));
      if (i >= 0) value = unitInHeader(text.slice(i, i + canonical(s).length + 10)) ?? null;
      if (value) break;
    }
    out.set(c.key, { key: c.unitKey, value });
  }
  return out;
}
