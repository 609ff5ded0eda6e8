/**
 * Applies a person's recorded corrections to one report (spec
 * report-schema.md § Corrections): only entries whose `sha256` is the
 * document's; the corrected number goes to its path, every applied entry is
 * listed under `corrections` with what was printed, `checks` are recomputed
 * from the corrected numbers, and an entry whose path is not a table cell of
 * this report is not applied but named in `warnings`. Nothing else changes:
 * status, other warnings and provenance stay as extracted (they describe
 * what was printed).
 */
import { runChecks } from '../checks/evaluate.js';
import type { CheckRuleDef } from '../template/definitions.js';
import type { AppliedCorrection, Report } from '../report/types.js';
import type { CorrectionEntry } from './entries.js';

/** The sections whose leaves are table cells a correction may address. */
export const CORRECTABLE_SECTIONS = ['activeDisclosure', 'applications', 'reviewLitigation'] as const;

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object holding the cell at `path` and the cell's key, or null when `path` is not a number/null cell. */
function cellAt(report: Tree, path: string): { parent: Tree; key: string } | null {
  const keys = path.split('.');
  if (keys.length < 2 || !(CORRECTABLE_SECTIONS as readonly string[]).includes(keys[0]!)) return null;
  let node: unknown = report;
  for (const k of keys.slice(0, -1)) {
    if (!isTree(node) || !Object.hasOwn(node, k)) return null;
    node = node[k];
  }
  const key = keys[keys.length - 1]!;
  if (!isTree(node) || !Object.hasOwn(node, key)) return null;
  const v = node[key];
  return typeof v === 'number' || v === null ? { parent: node, key } : null;
}

/**
 * Returns the report with the entries for its sha256 applied (a new object;
 * the input is not modified), or the very same report when no entry is for
 * it. Entries apply in file order; a later entry for the same path wins, and
 * every applied entry is listed with the number the extractor read.
 * `rules`: the check rules (extractors/checks.json) to recompute `checks`.
 */
export function applyCorrections(report: Report, entries: readonly CorrectionEntry[], rules: CheckRuleDef[]): Report {
  const mine = entries.filter((e) => e.sha256 === report.source.sha256);
  if (!mine.length) return report;
  const out = structuredClone(report) as Report;
  const tree = out as unknown as Tree;
  const printed = new Map<string, number | null>();
  const applied: AppliedCorrection[] = [];
  const warnings: string[] = [];
  for (const e of mine) {
    const cell = cellAt(tree, e.path);
    if (!cell) {
      warnings.push(`corrections: ${e.path} is not a table cell of this report; the entry${e.by ? ` by ${e.by}` : ''}${e.at ? ` of ${e.at}` : ''} was not applied`);
      continue;
    }
    if (!printed.has(e.path)) printed.set(e.path, cell.parent[cell.key] as number | null);
    if (e.value !== undefined) cell.parent[cell.key] = e.value;
    applied.push({
      path: e.path,
      printed: printed.get(e.path)!,
      ...(e.value !== undefined ? { value: e.value } : {}),
      note: e.note ?? null,
      by: e.by ?? null,
      at: e.at ?? null,
    });
  }
  if (applied.length) out.checks = runChecks(rules, tree);
  out.warnings = [...out.warnings, ...warnings];
  // Key order: `corrections` right after `warnings`, before `provenance`.
  const { provenance, ...rest } = out;
  const result: Report = { ...rest, ...(applied.length ? { corrections: applied } : {}) };
  if (provenance) result.provenance = provenance;
  return result;
}
