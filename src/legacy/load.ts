/**
 * Loads the legacy template data in `extractors/legacy/` once: the old
 * outline (outline.json), the statistics templates (statistics/*.json, each
 * compiled by the same code as the modern table templates), the rules for
 * finding the statistics table (statistics.json) and the figure phrase
 * patterns (figures.json). Adding a statistics lineage is adding a file to
 * statistics/: no engine change.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileTable, DEFAULT_TEMPLATE_DIR, jsonFiles, readJson, TemplateError, type CompiledTable, type Templates } from '../template/load.js';
import { FiguresFile, OutlineFile, StatisticsFile, StatisticsTemplateDef } from './definitions.js';

export interface StatisticsTemplate {
  def: StatisticsTemplateDef;
  table: CompiledTable;
}

export interface LegacyTemplates {
  outline: OutlineFile;
  statistics: StatisticsFile;
  templates: StatisticsTemplate[];
  figures: FiguresFile;
}

const cache = new Map<string, LegacyTemplates>();

/** The legacy data under `dir` (the templates folder, default the package's `extractors/`); undefined when it has none. */
export function loadLegacyTemplates(dir: string = DEFAULT_TEMPLATE_DIR): LegacyTemplates | undefined {
  const root = join(dir, 'legacy');
  if (!existsSync(join(root, 'outline.json'))) return undefined;
  let t = cache.get(root);
  if (!t) {
    t = compile(root);
    cache.set(root, t);
  }
  return t;
}

function compile(root: string): LegacyTemplates {
  const outline = readJson(join(root, 'outline.json'), OutlineFile);
  const statistics = readJson(join(root, 'statistics.json'), StatisticsFile);
  const figures = readJson(join(root, 'figures.json'), FiguresFile);
  const templates: StatisticsTemplate[] = [];
  for (const file of jsonFiles(join(root, 'statistics'))) {
    const def = readJson(file, StatisticsTemplateDef);
    const table = compileTable(def, file);
    const columns = new Set(def.columns.map((c) => c.key));
    for (const k of [...def.valueColumns, def.unitColumn, ...(def.codeColumn ? [def.codeColumn] : [])]) {
      if (!columns.has(k)) throw new TemplateError(`${file}: no column ${k}`);
    }
    if (templates.some((t) => t.def.id === def.id)) throw new TemplateError(`${file}: statistics template ${def.id} is defined twice`);
    templates.push({ def, table });
  }
  return { outline, statistics, templates, figures };
}

/** Every row path of the statistics templates keyed by name (gov2014's paths), in template order: CSV columns. */
export function statisticsPaths(t: LegacyTemplates, id: string): string[] {
  const tpl = t.templates.find((x) => x.def.id === id);
  if (!tpl) return [];
  const seen = new Set<string>();
  for (const v of tpl.table.variants) for (const leaf of v.leaves) seen.add(leaf.path);
  return [...seen];
}

/** The template's unit for `path` (`units` may name a group as `prefix.*`). */
export function templateUnit(def: StatisticsTemplateDef, path: string): string | null {
  if (def.units[path]) return def.units[path]!;
  const parts = path.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const u = def.units[`${parts.slice(0, n).join('.')}.*`];
    if (u) return u;
  }
  return null;
}

const hintsCache = new WeakMap<Templates, Templates['hints']>();

/**
 * The label hints readers use to rebuild tables without ruling lines (PDF
 * stream tables): the modern templates' labels and the legacy statistics
 * templates' row and header labels.
 */
export function readerHints(templates: Templates): Templates['hints'] {
  let h = hintsCache.get(templates);
  if (!h) {
    const legacy = loadLegacyTemplates(templates.dir);
    const rows = new Set(templates.hints.rowLabels);
    const columns = new Set(templates.hints.columnLabels);
    for (const t of legacy?.templates ?? []) {
      for (const s of t.table.headerSpellings) columns.add(s);
      for (const leaf of t.table.variants[0]?.leaves ?? []) for (const s of leaf.spellings) rows.add(s);
    }
    h = { columnLabels: [...columns], rowLabels: [...rows] };
    hintsCache.set(templates, h);
  }
  return h;
}
