/**
 * Loads the template data in `extractors/` once and compiles it into what the
 * mapper uses: per edition, per section, the table's columns and its rows
 * flattened into the printed order (one sequence per form of the row groups
 * that reports print either as one row or as detail rows).
 *
 * Adding an edition is adding files here: `editions/<id>.json` and, when its
 * tables differ, `tables/<id>.json`. No engine change.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  ChecksFile,
  EditionDef,
  SectionsFile,
  TableDef,
  type CheckRuleDef,
  type ColumnDef,
  type RowDef,
  type SectionDef,
} from './definitions.js';

export type Form = 'own' | 'rows';

/** One printed data row of a table template, in printed order. */
export interface LeafRow {
  /** Output path under the section ('' for a table's single unlabelled row). */
  path: string;
  /** The row's printed label and its aliases. */
  spellings: string[];
  /** Spellings of the labelled groups it sits in, outermost first. */
  groups: string[][];
  /** Column keys the row has. */
  columns: string[];
  unlabelled: boolean;
  /** Set when the row belongs to one form of a row group (`otherHandling` own row or detail rows). */
  form?: { group: string; form: Form };
}

export interface TableVariant {
  /** Group path → form, e.g. `{ otherHandling: 'own' }`. */
  forms: Record<string, Form>;
  leaves: LeafRow[];
}

export interface CompiledTable {
  id: string;
  columns: ColumnDef[];
  /** Every printed header word: column labels at every level plus `headerLabels`. */
  headerSpellings: string[];
  variants: TableVariant[];
}

export interface Edition {
  id: string;
  source?: string | undefined;
  years: { from: number; to?: number | undefined };
  /** Section key → compiled table. */
  tables: Record<string, CompiledTable>;
  /** Section key → default forms for that section's table. */
  defaultForms: Record<string, Record<string, Form>>;
}

export interface Templates {
  /** The folder the data was loaded from (legacy data lives in its `legacy/`). */
  dir: string;
  sections: SectionDef[];
  furniture: string[];
  editions: Edition[];
  checks: CheckRuleDef[];
  /** Flat label lists for readers that rebuild tables from text alignment (PDF stream tables). */
  hints: { columnLabels: string[]; rowLabels: string[] };
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL('../../extractors/', import.meta.url));

const cache = new Map<string, Templates>();

/** The templates in `dir` (default: the package's `extractors/`), loaded and compiled once. */
export function loadTemplates(dir: string = DEFAULT_TEMPLATE_DIR): Templates {
  let t = cache.get(dir);
  if (!t) {
    t = compileTemplates(dir);
    cache.set(dir, t);
  }
  return t;
}

export function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new TemplateError(`${file}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TemplateError(`${file}: at ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}

export function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

function compileTemplates(dir: string): Templates {
  const sectionsFile = readJson(join(dir, 'sections.json'), SectionsFile);
  const tables = new Map<string, { def: TableDef; file: string }>();
  for (const file of jsonFiles(join(dir, 'tables'))) {
    const def = readJson(file, TableDef);
    if (tables.has(def.id)) throw new TemplateError(`${file}: table id ${def.id} is defined twice`);
    tables.set(def.id, { def, file });
  }
  const compiled = new Map<string, CompiledTable>();
  const compiledTable = (id: string, where: string): CompiledTable => {
    let c = compiled.get(id);
    if (!c) {
      const t = tables.get(id);
      if (!t) throw new TemplateError(`${where}: no table template with id ${id}`);
      c = compileTable(t.def, t.file);
      compiled.set(id, c);
    }
    return c;
  };

  const sectionKeys = new Set(sectionsFile.sections.map((s) => s.key));
  const editions: Edition[] = [];
  for (const file of jsonFiles(join(dir, 'editions'))) {
    const def = readJson(file, EditionDef);
    const edition: Edition = { id: def.id, source: def.source, years: def.years, tables: {}, defaultForms: {} };
    for (const [section, tableId] of Object.entries(def.tables)) {
      if (!sectionKeys.has(section)) throw new TemplateError(`${file}: at tables.${section}: no such section`);
      edition.tables[section] = compiledTable(tableId, `${file}: at tables.${section}`);
      edition.defaultForms[section] = {};
    }
    for (const [path, form] of Object.entries(def.forms)) {
      const [section, ...group] = path.split('.');
      const forms = edition.defaultForms[section!];
      if (!forms) throw new TemplateError(`${file}: at forms.${path}: no table for section ${section}`);
      forms[group.join('.')] = form;
    }
    editions.push(edition);
  }
  if (!editions.length) throw new TemplateError(`${dir}: no editions`);

  const checks = readJson(join(dir, 'checks.json'), ChecksFile).rules;
  return { dir, sections: sectionsFile.sections, furniture: sectionsFile.furniture, editions, checks, hints: hintsOf(compiled) };
}

export function compileTable(def: TableDef, file: string): CompiledTable {
  const columnKeys = new Set(def.columns.map((c) => c.key));
  const allColumns = def.columns.map((c) => c.key);
  const groupsWithForms: string[] = [];

  // Flatten the row tree into printed order; a group with `ownRow` contributes
  // both forms, tagged, and variants pick one form per group.
  const flatten = (rows: RowDef[], prefix: string, groups: string[][], where: string): LeafRow[] => {
    const out: LeafRow[] = [];
    rows.forEach((row, i) => {
      const at = `${where}[${i}]`;
      const spellings = [row.label, ...(row.aliases ?? [])].filter((s): s is string => !!s);
      const path = row.key === undefined ? prefix : prefix ? `${prefix}.${row.key}` : row.key;
      for (const c of row.columns ?? []) {
        if (!columnKeys.has(c)) throw new TemplateError(`${file}: at ${at}.columns: unknown column ${c}`);
      }
      if (!row.rows) {
        if (row.key === undefined) throw new TemplateError(`${file}: at ${at}: a data row needs a key`);
        out.push({ path, spellings, groups, columns: row.columns ?? allColumns, unlabelled: !!row.unlabelled });
        return;
      }
      const inner = flatten(row.rows, path, spellings.length ? [...groups, spellings] : groups, `${at}.rows`);
      if (row.ownRow) {
        groupsWithForms.push(path);
        out.push({
          path: `${path}.${row.ownRow}`,
          spellings,
          groups,
          columns: row.columns ?? allColumns,
          unlabelled: false,
          form: { group: path, form: 'own' },
        });
        for (const leaf of inner) out.push(leaf.form ? leaf : { ...leaf, form: { group: path, form: 'rows' } });
      } else {
        out.push(...inner);
      }
    });
    return out;
  };
  const leaves = flatten(def.rows, '', [], 'rows');

  const variants: TableVariant[] = [];
  const combos = 1 << groupsWithForms.length;
  for (let m = 0; m < combos; m++) {
    const forms: Record<string, Form> = {};
    groupsWithForms.forEach((g, i) => (forms[g] = m & (1 << i) ? 'rows' : 'own'));
    variants.push({ forms, leaves: leaves.filter((l) => !l.form || forms[l.form.group] === l.form.form) });
  }

  const headerSpellings = [...new Set([...def.columns.flatMap((c) => c.path.flat()), ...def.headerLabels])];
  return { id: def.id, columns: def.columns, headerSpellings, variants };
}

function hintsOf(tables: Map<string, CompiledTable>): Templates['hints'] {
  const columnLabels = new Set<string>();
  const rowLabels = new Set<string>();
  for (const t of tables.values()) {
    for (const s of t.headerSpellings) columnLabels.add(s);
    for (const v of t.variants) {
      for (const leaf of v.leaves) {
        for (const s of leaf.spellings) rowLabels.add(s);
        for (const g of leaf.groups) for (const s of g) rowLabels.add(s);
      }
    }
  }
  return { columnLabels: [...columnLabels], rowLabels: [...rowLabels] };
}
