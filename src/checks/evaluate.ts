/**
 * The report's own arithmetic (勾稽关系), evaluated on the numbers as printed.
 * The rules are data (`extractors/checks.json`). A failed check is information
 * about the report: it never changes a number.
 */
import type { CheckRuleDef } from '../template/definitions.js';

export interface CheckResult {
  rule: string;
  passed: boolean;
  expected: number;
  actual: number;
}

type Tree = Record<string, unknown>;

function isObject(v: unknown): v is Tree {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Expands `*` segments over the keys present; returns the values found (undefined for absent paths). */
function resolve(report: Tree, path: string): unknown[] {
  let current: unknown[] = [report];
  for (const seg of path.split('.')) {
    const next: unknown[] = [];
    for (const node of current) {
      if (!isObject(node)) {
        next.push(undefined);
      } else if (seg === '*') {
        for (const [k, v] of Object.entries(node)) if (k !== 'heading') next.push(v);
      } else {
        next.push(node[seg]);
      }
    }
    current = next;
  }
  return current;
}

/** Paths (relative to `section`) of the objects whose values are all numbers or null: the table's rows. */
function rowsOf(report: Tree, section: string): string[] {
  const out: string[] = [];
  const walk = (node: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      if (!isObject(v)) continue;
      const p = prefix ? `${prefix}.${k}` : k;
      const leaves = Object.values(v);
      if (leaves.length && leaves.every((x) => typeof x === 'number' || x === null)) out.push(p);
      else walk(v, p);
    }
  };
  const root = report[section];
  if (isObject(root)) walk(root, '');
  return out;
}

function bindings(rule: CheckRuleDef, report: Tree): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const [name, spec] of Object.entries(rule.for)) {
    const values = 'values' in spec ? spec.values : rowsOf(report, spec.rowsOf);
    out = out.flatMap((b) => values.map((v) => ({ ...b, [name]: v })));
  }
  return out;
}

function substitute(template: string, b: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => b[name] ?? `{${name}}`);
}

function sum(report: Tree, paths: string[], b: Record<string, string>): number | null {
  let total = 0;
  let any = false;
  for (const p of paths) {
    for (const v of resolve(report, substitute(p, b))) {
      if (typeof v !== 'number') return null;
      total += v;
      any = true;
    }
  }
  return any ? total : null;
}

/** Every rule instance whose inputs are all numbers. */
export function runChecks(rules: CheckRuleDef[], report: Tree): CheckResult[] {
  const results: CheckResult[] = [];
  for (const rule of rules) {
    for (const b of bindings(rule, report)) {
      const expected = sum(report, rule.expected, b);
      const actual = sum(report, rule.actual, b);
      if (expected === null || actual === null) continue;
      const [e, a] = [round(expected), round(actual)];
      results.push({ rule: substitute(rule.rule, b), passed: e === a, expected: e, actual: a });
    }
  }
  return results;
}

/** Sums of decimals (`387.8189`) without floating-point dust. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
