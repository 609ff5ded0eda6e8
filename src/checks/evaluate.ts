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

/** Expands `*` segments over the keys present; returns the paths and values found (undefined for absent paths). */
function resolve(report: Tree, path: string): { path: string; value: unknown }[] {
  let current: { path: string; value: unknown }[] = [{ path: '', value: report }];
  for (const seg of path.split('.')) {
    const next: { path: string; value: unknown }[] = [];
    for (const { path: at, value: node } of current) {
      const join = (k: string) => (at ? `${at}.${k}` : k);
      if (!isObject(node)) {
        next.push({ path: join(seg), value: undefined });
      } else if (seg === '*') {
        for (const [k, v] of Object.entries(node)) if (k !== 'heading') next.push({ path: join(k), value: v });
      } else {
        next.push({ path: join(seg), value: node[seg] });
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
    for (const { value: v } of resolve(report, substitute(p, b))) {
      if (typeof v !== 'number') return null;
      total += v;
      any = true;
    }
  }
  return any ? total : null;
}

/** Every rule instance whose inputs are all numbers. */
export function runChecks(rules: CheckRuleDef[], report: Tree): CheckResult[] {
  return explainChecks(rules, report).map(({ rule, passed, expected, actual }) => ({ rule, passed, expected, actual }));
}

/** One rule instance with the cells it adds up on each side (for people checking a failure). */
export interface CheckExplanation extends CheckResult {
  /** The rule's `why` (checks.json): what the report's form says. */
  why: string;
  expectedParts: { path: string; value: number }[];
  actualParts: { path: string; value: number }[];
}

/** runChecks with, for each listed instance, the paths and numbers summed on each side. */
export function explainChecks(rules: CheckRuleDef[], report: Tree): CheckExplanation[] {
  const out: CheckExplanation[] = [];
  for (const rule of rules) {
    for (const b of bindings(rule, report)) {
      const expected = sum(report, rule.expected, b);
      const actual = sum(report, rule.actual, b);
      if (expected === null || actual === null) continue;
      const parts = (paths: string[]) => paths.flatMap((p) => resolve(report, substitute(p, b)).map(({ path, value }) => ({ path, value: value as number })));
      const [e, a] = [round(expected), round(actual)];
      out.push({ rule: substitute(rule.rule, b), passed: e === a, expected: e, actual: a, why: rule.why ?? '', expectedParts: parts(rule.expected), actualParts: parts(rule.actual) });
    }
  }
  return out;
}

/** Sums of decimals (`387.8189`) without floating-point dust. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
