/**
 * A failed check in words: which rule of `extractors/checks.json` it is an
 * instance of, the rule's `why`, the cells summed on each side. `expected`
 * is the sum of the parts, `actual` the printed total (report-schema.md,
 * checks).
 */
import type { CheckRuleDef } from '../template/definitions.js';
import type { CheckResult } from './evaluate.js';

export interface CheckExplanation {
  /** The rule's reason (`why` in checks.json), when it has one. */
  why: string | undefined;
  /** Cell paths summed into `expected` (the parts); `*` expanded over the keys present when the report is given. */
  parts: string[];
  /** Cell paths summed into `actual` (the printed total). */
  totals: string[];
}

function escape(s: string): string {
  return s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
}

function expand(path: string, report: unknown): string[] {
  let paths = [''];
  let nodes: unknown[] = [report];
  for (const seg of path.split('.')) {
    const nextPaths: string[] = [];
    const nextNodes: unknown[] = [];
    paths.forEach((p, i) => {
      const node = nodes[i];
      const keys = seg === '*' && node && typeof node === 'object' ? Object.keys(node).filter((k) => k !== 'heading') : [seg];
      for (const k of keys) {
        nextPaths.push(p ? `${p}.${k}` : k);
        nextNodes.push(node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined);
      }
    });
    paths = nextPaths;
    nodes = nextNodes;
  }
  return report === undefined ? [path] : paths.filter((_, i) => typeof nodes[i] === 'number');
}

/** The explanation of a check record, or undefined when no rule template makes its name. */
export function explainCheck(rules: CheckRuleDef[], check: Pick<CheckResult, 'rule'>, report?: unknown): CheckExplanation | undefined {
  for (const rule of rules) {
    const names: string[] = [];
    const pattern = escape(rule.rule).replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '(.+)'));
    const m = new RegExp(`^${pattern}$`).exec(check.rule);
    if (!m) continue;
    const b: Record<string, string> = {};
    names.forEach((n, i) => (b[n] = m[i + 1]!));
    const sub = (p: string) => p.replace(/\{(\w+)\}/g, (_, n: string) => b[n] ?? `{${n}}`);
    return {
      why: rule.why,
      parts: rule.expected.flatMap((p) => expand(sub(p), report)),
      totals: rule.actual.flatMap((p) => expand(sub(p), report)),
    };
  }
  return undefined;
}

/** One line for a person: `reviewLitigation.review.total: the parts sum to 3, the printed total is 2 (why; parts: …)`. */
export function describeCheck(rules: CheckRuleDef[], check: CheckResult, report?: unknown): string {
  const e = explainCheck(rules, check, report);
  const head = `${check.rule}: the parts sum to ${check.expected}, the printed total is ${check.actual}`;
  if (!e) return head;
  const section = check.rule.split('.')[0]!;
  const short = (p: string) => (p.startsWith(`${section}.`) ? p.slice(section.length + 1) : p);
  const detail = [e.why, `parts: ${e.parts.map(short).join(' + ')}`, `total: ${e.totals.map(short).join(' + ')}`].filter(Boolean);
  return `${head} (${detail.join('; ')})`;
}
