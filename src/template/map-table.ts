/**
 * Maps the tables printed in one section onto a table template.
 *
 * The section's tables are read as one stream of grid rows (table 二 is often
 * printed as several small tables, and a table broken across pages may arrive
 * in parts). Header rows are recognised by their words and decide, for the
 * rows that follow, which grid column holds which template column — by the
 * labels printed in the header, never by counting. Data rows are then aligned
 * with the template's rows in printed order (a sequence alignment on label
 * similarity), so a typo, a missing group label or a label shared by several
 * groups (`1.` … under （三）, （四）, （五）) still lands on the right row, and
 * a row whose label cannot be read at all is placed by its position between
 * the rows around it.
 */
import type { BBox, Cell, Table } from '../model/document.js';
import { coverage, labelParts, similarity } from '../text/labels.js';
import { cached, memoOf } from '../text/memo.js';
import { parseCellValue, unitInHeader } from './cell-value.js';
import type { CompiledTable, Form, LeafRow, TableVariant } from './load.js';
import { readTables, type Candidate, type RowReading } from './read-rows.js';

export interface CellProvenance {
  page: number | null;
  bbox?: BBox;
  /** The cell's text as printed, so blank vs `0` vs `—` stays visible. */
  raw: string;
  /** Set when the cell was read by OCR, with the recogniser's confidence (0–1). */
  ocr?: true;
  confidence?: number;
}

/**
 * OCR'd numbers read with less confidence than this are not trusted: the
 * cell becomes null with a warning. Measured on the scanned corpus and the
 * generated scans: clean digits read at 0.75–1.0 (lone `0`/`1` in serif
 * faces lowest), smudged or cut digits below 0.5.
 */
export const MIN_OCR_CONFIDENCE = 0.6;

export interface MappedTable {
  /** The section's values, nested by the template's keys, in template order. */
  values: Record<string, unknown>;
  /** Cell path (relative to the section) → where it was read. */
  provenance: Record<string, CellProvenance>;
  warnings: string[];
  /** Every template cell was read as a number. */
  complete: boolean;
  /** Number of template columns recognised in the header rows. */
  columnsMatched: number;
  /** Alignment score of rows to the template (for choosing between editions). */
  rowScore: number;
  /** Every printed row that may carry data, in printed order, with the template row it was read as. */
  printedRows?: PrintedRow[];
}

/** A printed row as the mapper read it (legacy statistics keep rows the template does not know). */
export interface PrintedRow {
  /** The template row's path, or null when no template row was paired with it. */
  path: string | null;
  /** The row's own label as printed (the last label cell). */
  label: string;
  /** Template column key → the cell printed under that column's header. */
  cells: Record<string, Cell | undefined>;
  /** Paired by its position between matched rows, not by its label. */
  positional: boolean;
}

/** Below this label similarity a row is only paired by position. */
const ROW_MATCH = 0.5;
/** The gain of pairing a row by position alone: less than any label match. */
const POSITIONAL_GAIN = 0.01;

/**
 * The printed `tables` of one section (in reading order, parts of one table
 * included) → the template table's values, keyed and nested as the
 * template's rows and columns (spec/report-schema.md, sections 二–四), with
 * each cell's provenance and warnings for what is missing. Of the template's
 * variants (row groups printed as one row or as several) the best-aligned
 * is used, `defaultForms` winning ties. What cannot be read is null with a
 * warning, not an error. `read`: the same tables as `readHeaders` (template/read-rows.ts) read them
 * against the same template, when the caller has it.
 */
export function mapTables(
  tables: Table[],
  template: CompiledTable,
  defaultForms: Record<string, Form>,
  read: RowReading = readTables(tables, template),
): MappedTable {
  const { candidates, columnsMatched, notes } = read;

  let best: { variant: TableVariant; pairs: Map<number, Candidate>; positional: Set<number>; score: number } | undefined;
  // Variants share their template rows: each pairing is scored once.
  const gains = new Map<LeafRow, Gain[]>();
  for (const variant of template.variants) {
    const aligned = align(candidates, variant.leaves, gains);
    const isDefault = Object.entries(variant.forms).every(([g, f]) => (defaultForms[g] ?? 'rows') === f);
    if (!best || aligned.score > best.score + 1e-9 || (Math.abs(aligned.score - best.score) <= 1e-9 && isDefault)) {
      best = { variant, ...aligned };
    }
  }
  const chosen = best!;
  const out = fill(chosen.variant.leaves, chosen.pairs, chosen.positional, template);
  const leafOf = new Map([...chosen.pairs].map(([j, row]) => [row, j]));
  const printedRows = candidates.map((row): PrintedRow => {
    const j = leafOf.get(row);
    const cells = Object.fromEntries([...row.values].map(([k, v]) => [k, v.cell]));
    return { path: j === undefined ? null : chosen.variant.leaves[j]!.path, label: row.leafLabel, cells, positional: j !== undefined && chosen.positional.has(j) };
  });
  return { ...out, warnings: [...notes, ...out.warnings], columnsMatched, rowScore: chosen.score, printedRows };
}

interface Gain {
  gain: number;
  positional: boolean;
}

/** The gain of reading candidate `row` as template row `leaf`, or -1 when they cannot be paired. */
function pairGain(row: Candidate, leaf: LeafRow): Gain {
  if (leaf.unlabelled) {
    if (row.leafLabel || (!row.numeric && !row.values.size)) return { gain: -1, positional: false };
    // The first row under the header, preferring one with numbers over a blank one.
    return { gain: (row.numeric ? 1 : 0.5) - 0.001 * row.index, positional: false };
  }
  const rowLeaf = row.leafParts;
  let s = labelMatch(leaf, row);
  if (s < ROW_MATCH) return row.numeric ? { gain: POSITIONAL_GAIN, positional: true } : { gain: -1, positional: false };

  const leafOrdinal = labelParts(leaf.spellings[0]!).ordinal;
  if (rowLeaf.ordinal && leafOrdinal) s += rowLeaf.ordinal === leafOrdinal ? 0.15 : -0.3;
  const group = leaf.groups[leaf.groups.length - 1];
  if (group && row.groupText) {
    if (group.some((g) => coverage(labelParts(g).core, row.groupCore) >= 0.7)) s += 0.1;
  }
  return { gain: Math.max(s, POSITIONAL_GAIN * 2), positional: false };
}

/**
 * How well a printed row label matches a template row: the best, over the
 * row's spellings, of the leaf label's similarity and 0.9 × the spelling's
 * coverage of the whole printed label (group labels included). The same
 * printed labels come back in report after report (every edition is tried
 * on every table), so the score is kept per template row, by the two
 * printed cores, across documents — bounded like the label-parts cache.
 */
function labelMatch(leaf: LeafRow, row: Candidate): number {
  return cached(memoOf(matchMemo, leaf), row.matchKey, MATCH_MEMO_LIMIT, () => {
    let s = 0;
    for (const spelling of leaf.spellings) {
      const core = labelParts(spelling).core;
      s = Math.max(s, similarity(row.leafParts.core, core), 0.9 * coverage(core, row.fullCore));
    }
    return s;
  });
}

const matchMemo = new WeakMap<LeafRow, Map<string, number>>();
const MATCH_MEMO_LIMIT = 2_000;

/** Order-preserving alignment of candidate rows with template rows, maximising the summed gain. */
function align(rows: Candidate[], leaves: LeafRow[], cache: Map<LeafRow, Gain[]>) {
  const n = rows.length;
  const m = leaves.length;
  const byLeaf = leaves.map((l) => {
    let g = cache.get(l);
    if (!g) cache.set(l, (g = rows.map((r) => pairGain(r, l))));
    return g;
  });
  const gains: Gain[][] = rows.map((_, i) => byLeaf.map((g) => g[i]!));
  const f: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const g = gains[i - 1]![j - 1]!.gain;
      f[i]![j] = Math.max(f[i - 1]![j]!, f[i]![j - 1]!, g >= 0 ? f[i - 1]![j - 1]! + g : -Infinity);
    }
  }
  const pairs = new Map<number, Candidate>();
  const positional = new Set<number>();
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const g = gains[i - 1]![j - 1]!;
    if (g.gain >= 0 && f[i]![j] === f[i - 1]![j - 1]! + g.gain) {
      pairs.set(j - 1, rows[i - 1]!);
      if (g.positional) positional.add(j - 1);
      i--;
      j--;
    } else if (f[i]![j] === f[i - 1]![j]) i--;
    else j--;
  }
  return { pairs, positional, score: f[n]![m]! };
}

/** Reads every template cell from its paired row; nulls and warnings for what is missing. */
function fill(leaves: LeafRow[], pairs: Map<number, Candidate>, positional: Set<number>, template: CompiledTable) {
  const values: Record<string, unknown> = {};
  const provenance: Record<string, CellProvenance> = {};
  const warnings: string[] = [];
  let complete = true;
  const unitKeys = new Map(template.columns.filter((c) => c.unitKey).map((c) => [c.key, c.unitKey!]));

  leaves.forEach((leaf, j) => {
    const row = pairs.get(j);
    const name = leaf.path || 'the row of numbers';
    if (!row) warnings.push(`${name}: row not found in the table`);
    else if (positional.has(j)) warnings.push(`${name}: row label "${row.leafLabel}" not recognised; placed by its position`);
    const useOrder = row && row.values.size === 0 && row.ordered.length === leaf.columns.length;
    leaf.columns.forEach((key, k) => {
      const path = leaf.path ? `${leaf.path}.${key}` : key;
      let value: number | null = null;
      let unit: string | undefined;
      const found = row ? (useOrder ? { cell: row.ordered[k], header: '' } : row.values.get(key)) : undefined;
      if (row && !found) warnings.push(`${path}: column not found in the table`);
      if (found) {
        const raw = found.cell?.text ?? '';
        const parsed = parseCellValue(raw);
        value = parsed.value;
        unit = parsed.unit ?? unitInHeader(found.header);
        const confidence = found.cell?.confidence;
        if (value !== null && confidence !== undefined && confidence < MIN_OCR_CONFIDENCE) {
          const why = found.cell?.occluded ? ', the cell partly under a stamp' : '';
          warnings.push(`${path}: OCR read "${raw.trim()}" with confidence ${confidence.toFixed(2)} (below ${MIN_OCR_CONFIDENCE}${why}): left null`);
          value = null;
        } else if (value === null) {
          const ocr = confidence === undefined ? '' : ` (OCR, confidence ${confidence.toFixed(2)}${found.cell?.occluded ? ', the cell partly under a stamp' : ''})`;
          warnings.push(`${path}: cannot read "${raw.trim()}" as a number${ocr}`);
        }
        if (found.cell) provenance[path] = provenanceOf(found.cell);
      }
      if (value === null) complete = false;
      setPath(values, path, value);
      const unitKey = unitKeys.get(key);
      if (unitKey) setPath(values, leaf.path ? `${leaf.path}.${unitKey}` : unitKey, unit ?? null);
    });
  });
  return { values, provenance, warnings, complete };
}

/** Longer text under a table heading is prose, not the remains of a table's header. */
const MAX_HEADER_TEXT = 300;

/**
 * A table of one unlabelled row (table 四) printed without ruling lines and
 * with every count left blank shows its header and nothing under it: no
 * reader can find a table there, only the header's words as loose text.
 * When the section's text is those words — every header label of the
 * template present, in order within its label, and no digit anywhere — the
 * row is there, blank, and blank cells are zeros. Undefined otherwise.
 */
export function blankRowFromHeaderText(text: string, template: CompiledTable): MappedTable | undefined {
  const leaves = template.variants[0]?.leaves ?? [];
  if (leaves.length !== 1 || !leaves[0]!.unlabelled) return undefined;
  const t = labelParts(text).core;
  if (!t || t.length > MAX_HEADER_TEXT || /\d/.test(text)) return undefined;
  const labels = new Set(template.columns.flatMap((c) => c.path.map((level) => level[0]!)));
  if (![...labels].every((label) => coverage(labelParts(label).core, t) === 1)) return undefined;
  const values: Record<string, unknown> = {};
  for (const key of leaves[0]!.columns) setPath(values, key, 0);
  return {
    values,
    provenance: {},
    warnings: ['the table is printed without any number under its header: its blank cells are read as 0'],
    complete: true,
    columnsMatched: template.columns.length,
    rowScore: 0,
  };
}

function provenanceOf(cell: Cell): CellProvenance {
  const p: CellProvenance = cell.bbox ? { page: cell.page, bbox: cell.bbox, raw: cell.text } : { page: cell.page, raw: cell.text };
  if (cell.confidence !== undefined) Object.assign(p, { ocr: true, confidence: cell.confidence });
  return p;
}

/** Sets `value` at the dotted `path` of `target` (`a.b.c`), making the objects on the way (replacing anything that is not one). */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) {
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]!] = value;
}
