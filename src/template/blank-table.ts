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
import { canonical, labelParts, stripPunctuation } from '../text/labels.js';
import type { CompiledTable, TableVariant } from './load.js';
import { unitInHeader } from './cell-value.js';
import { setPath, type MappedTable } from './map-table.js';

/** A whole blank table's labels fit in this much text; more is prose. */
const MAX_TEXT = 4000;

export const BLANK_TABLE_WARNING = 'the table is printed without any number (its rows and columns are labelled, every value cell blank): its blank cells are read as 0';

/** Position just after `needle` in `hay` from `from`, or -1. */
function after(hay: string, needle: string, from: number): number {
  if (!needle) return -1;
  const i = hay.indexOf(needle, from);
  return i < 0 ? -1 : i + needle.length;
}

/** Every labelled row of the variant, in order, found in `core`. */
function rowsInOrder(core: string, variant: TableVariant): boolean {
  let pos = 0;
  for (const leaf of variant.leaves) {
    if (leaf.unlabelled) return false;
    let best = -1;
    for (const s of leaf.spellings) {
      const end = after(core, labelParts(s).core, pos);
      if (end >= 0 && (best < 0 || end < best)) best = end;
    }
    if (best < 0) return false;
    pos = best;
  }
  return variant.leaves.length > 0;
}

/** The blank table read from the section's loose text, or undefined. */
export function blankTableFromText(text: string, template: CompiledTable): MappedTable | undefined {
  if (!text || text.length > MAX_TEXT || /\d/.test(text.normalize('NFKC'))) return undefined;
  const core = stripPunctuation(canonical(text));
  const columnsFound = template.columns.every((c) => c.path.every((level) => level.some((s) => core.includes(labelParts(s).core))));
  if (!columnsFound) return undefined;
  const variant = template.variants.find((v) => rowsInOrder(core, v));
  if (!variant) return undefined;
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
