/**
 * Normalising and comparing printed labels (headings, table row and column
 * labels). Real reports drift from the template text: full- or half-width
 * punctuation, stray spaces, quotes, typos such as `2.其他法律行政止公开`
 * (for 2.其他法律行政法规禁止公开). Comparison is therefore on a canonical
 * form and by similarity, never by exact string.
 */
import { cached, memoOf } from './memo.js';

/** NFKC (full-width digits and brackets, Kangxi radicals), no whitespace. */
export function canonical(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

const ORDINAL = /^(?:[(（]?[一二三四五六七八九十]{1,3}[)）][、.．,，]?|[一二三四五六七八九十]{1,3}[、.．,，]|[(（]?\d{1,2}[)）][、.．]?|\d{1,2}[、.．,，](?!\d))/;

export interface LabelParts {
  /** The ordinal printed before the label, canonical: `一`, `(三)`, `1`; '' when none. */
  ordinal: string;
  /** The label's words: no ordinal, no whitespace, no punctuation or quotes. */
  core: string;
}

/** Labels repeat endlessly (every template spelling, every header cell): their parts are cached. */
const partsCache = new Map<string, LabelParts>();
const PARTS_CACHE_LIMIT = 20_000;

/** Splits `（三）不予公开` into ordinal `(三)` and core `不予公开`. */
export function labelParts(text: string): LabelParts {
  return cached(partsCache, text, PARTS_CACHE_LIMIT, splitLabel);
}

function splitLabel(text: string): LabelParts {
  const c = canonical(text);
  const m = ORDINAL.exec(c);
  const ordinalText = m ? m[0] : '';
  const ordinal = ordinalText.replace(/[、.．,，]/g, '');
  return { ordinal, core: stripPunctuation(c.slice(ordinalText.length)) };
}

/** Everything that is not a letter or a digit goes (CJK ideographs are letters). */
export function stripPunctuation(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Length of the longest common subsequence (of UTF-16 code units). When the
 * shorter string has at most 32 units (every label), bit-parallel: the DP
 * column is one 32-bit word, updated once per unit of the longer string
 * (Allison & Dix 1986; Hyyrö 2004) — O(|b|) word operations instead of
 * |a|·|b| cells. Longer strings use the table.
 */
export function lcs(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  const [p, t] = a.length <= b.length ? [a, b] : [b, a];
  if (p.length > 32) return lcsTable(a, b);
  const masks = positionMasks(p);
  const full = 2 ** p.length - 1;
  let v = full;
  for (let j = 0; j < t.length; j++) {
    const m = masks.get(t.charCodeAt(j));
    if (m === undefined) continue;
    const u = (v & m) >>> 0;
    v = (((v + u) | (v & ~m)) & full) >>> 0;
  }
  return p.length - popcount(v);
}

/** The same length by the textbook table, O(|a|·|b|); also the reference for the bit-parallel one. */
export function lcsTable(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** For each code unit of `s` (≤ 32 units), the bit set of its positions. Labels repeat: cached like their parts. */
const maskCache = new Map<string, Map<number, number>>();

function positionMasks(s: string): Map<number, number> {
  return cached(maskCache, s, PARTS_CACHE_LIMIT, buildMasks);
}

function buildMasks(s: string): Map<number, number> {
  const masks = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    masks.set(c, ((masks.get(c) ?? 0) | (1 << i)) >>> 0);
  }
  return masks;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Dice similarity on the longest common subsequence: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  return (2 * lcs(a, b)) / (a.length + b.length);
}

/** How much of `needle` appears, in order, inside `haystack` (0..1). */
export function coverage(needle: string, haystack: string): number {
  if (!needle.length) return 0;
  if (haystack.includes(needle)) return 1;
  return lcs(needle, haystack) / needle.length;
}

/**
 * Similarity of a printed label to one of a template label's spellings, on
 * their cores. Template spellings are compiled once and the same printed
 * labels come back in every report, so scores are kept per spellings list
 * (by identity) and printed text, bounded like the parts cache.
 */
export function labelScore(printed: string, spellings: readonly string[]): number {
  return cached(memoOf(scoreMemo, spellings), printed, SCORE_MEMO_LIMIT, () => {
    const p = labelParts(printed).core;
    let best = 0;
    for (const s of spellings) best = Math.max(best, similarity(p, labelParts(s).core));
    return best;
  });
}

const scoreMemo = new WeakMap<readonly string[], Map<string, number>>();
const SCORE_MEMO_LIMIT = 5_000;
