/**
 * Compares a report with the expected extraction of the same document
 * (ground truth in the report schema's shape, without `source`, `status`,
 * `checks`, `warnings`): every table cell, every meta field, every heading;
 * section texts by edit similarity, whitespace ignored. Used by the golden
 * tests and by bench/variants.mjs; useful to anyone checking gongkai
 * against documents they have transcribed by hand.
 */
type Tree = Record<string, unknown>;

const TABLES = ['activeDisclosure', 'applications', 'reviewLitigation'];
const TEXTS = ['overview', 'problems', 'otherMatters'];
const META = ['title', 'agency', 'year', 'publishedAt', 'edition'];

const squash = (s: unknown) => (typeof s === 'string' ? s.normalize('NFKC').replace(/\s+/g, '') : s);

function leaves(node: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (node === null || typeof node !== 'object') return out;
  for (const [k, v] of Object.entries(node as Tree)) {
    if (k === 'heading') continue;
    const p = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') leaves(v, p, out);
    else out.set(p, v);
  }
  return out;
}

export function editSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[b.length]! / Math.max(a.length, b.length);
}

/** Every difference, as `path: want … got …` lines; empty when the report matches. */
export function differences(definition: Tree, report: Tree, minTextSimilarity = 0.98): string[] {
  const out: string[] = [];
  for (const t of TABLES) {
    const want = leaves(definition[t], t, new Map());
    const got = leaves(report[t], t, new Map());
    for (const [p, v] of want) if (got.get(p) !== v) out.push(`${p}: want ${JSON.stringify(v)} got ${JSON.stringify(got.get(p))}`);
    for (const p of got.keys()) if (!want.has(p)) out.push(`${p}: not in the report`);
  }
  const meta = (report['meta'] ?? {}) as Tree;
  const wantMeta = definition['meta'] as Tree;
  for (const k of META) if (squash(meta[k]) !== squash(wantMeta[k])) out.push(`meta.${k}: want ${JSON.stringify(wantMeta[k])} got ${JSON.stringify(meta[k])}`);
  for (const k of [...TABLES, ...TEXTS]) {
    const want = (definition[k] as Tree | null)?.['heading'];
    const got = (report[k] as Tree | null)?.['heading'];
    if (squash(want) !== squash(got)) out.push(`${k}.heading: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
  }
  for (const k of TEXTS) {
    const s = editSimilarity(String(squash((definition[k] as Tree)['text'])), String(squash((report[k] as Tree | null)?.['text'] ?? '')));
    if (s < minTextSimilarity) out.push(`${k}.text: similarity ${s.toFixed(3)}`);
  }
  return out;
}
