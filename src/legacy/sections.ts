/**
 * The top-level sections of a legacy report (spec/legacy-reports.md, "The
 * six sections"): the old outline and its local variants, merged headings,
 * a missing 概述, reordered and extra sections.
 *
 * Top-level headings are decided by the whole heading sequence: the
 * document's top-level ordinal style is the style whose numerals run
 * 一, 二, 三 … longest through the document, so subsection headings in
 * another style (（一）主动公开情况 under 一、概述) never become sections.
 * Each heading's words are then named by the outline data
 * (`extractors/legacy/outline.json`): the closest label, else a marker
 * word, else `other`.
 */
import type { Block } from '../model/document.js';
import { canonical, similarity, stripPunctuation } from '../text/labels.js';
import type { LegacySectionDef, OutlineFile } from './definitions.js';
import { chineseNumeral } from './numbers.js';

export interface LegacyHeading {
  /** Block index of the heading paragraph. */
  at: number;
  /** The heading as printed, whitespace removed. */
  heading: string;
  /** One of the six report keys, a `legacy.sections` key, or the outline's `otherKey`. */
  key: string;
  /** Other keys of the six that the heading also names (a merged heading). */
  merged: string[];
}

interface Candidate {
  at: number;
  numeral: number;
  heading: string;
  words: string;
}

/** Paragraphs that read as a heading in each ordinal style. */
function candidates(blocks: Block[], from: number, end: number, outline: OutlineFile): Map<string, Candidate[]> {
  const byStyle = new Map<string, Candidate[]>();
  const styles = outline.ordinalStyles.map((s) => ({ id: s.id, re: new RegExp(s.pattern) }));
  for (let i = from; i < end; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'paragraph') continue;
    const t = canonical(b.text);
    for (const style of styles) {
      const m = style.re.exec(t);
      const numeral = m ? (/^\d+$/.test(m[1]!) ? Number(m[1]) : chineseNumeral(m[1]!)) : undefined;
      if (!m || numeral === undefined) continue;
      const words = t.slice(m[0].length);
      if (!words || words.length > outline.maxHeadingLength || /[。；;]/.test(words)) continue;
      const list = byStyle.get(style.id) ?? [];
      list.push({ at: i, numeral, heading: t, words });
      byStyle.set(style.id, list);
    }
  }
  return byStyle;
}

/** The numerals' run in document order: 一 first, each next one the one after (a skipped numeral is tolerated). */
function run(list: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of list) {
    const last = out.length ? out[out.length - 1]!.numeral : 0;
    if (c.numeral === last + 1 || (last > 0 && c.numeral === last + 2)) out.push(c);
  }
  return out;
}

/** A run this long in a style makes it the top-level style; styles are tried in the outline's order. */
const MIN_RUN = 3;

/**
 * The top-level headings: the run of the first ordinal style (in the
 * outline's order of precedence) that numbers at least three headings, else
 * the longest run of any style.
 */
export function topLevelHeadings(blocks: Block[], from: number, end: number, outline: OutlineFile): Candidate[] {
  const byStyle = candidates(blocks, from, end, outline);
  let best: Candidate[] = [];
  for (const style of outline.ordinalStyles) {
    const r = run(byStyle.get(style.id) ?? []);
    if (r.length >= MIN_RUN) return r;
    if (r.length > best.length) best = r;
  }
  return best;
}

function labelScore(words: string, def: LegacySectionDef): number {
  const core = stripPunctuation(words);
  let best = 0;
  for (const label of def.labels) {
    const l = stripPunctuation(canonical(label));
    best = Math.max(best, similarity(core, l), l.length >= 5 && core.includes(l) ? 0.9 : 0);
  }
  return best;
}

/** Names every top-level heading with a key of the outline. */
export function nameHeadings(heads: Candidate[], outline: OutlineFile): LegacyHeading[] {
  const defs = [...outline.sections, ...outline.extraSections];
  const six = new Set(outline.sections.map((s) => s.key));
  const taken = new Set<string>();
  const out: LegacyHeading[] = [];
  heads.forEach((h, n) => {
    const core = stripPunctuation(h.words);
    let key: string | undefined;
    // A wording that names a key only in one position (二、政府信息公开情况).
    for (const def of outline.sections) {
      const only = def.secondOnly;
      if (!only || !only.labels.some((l) => stripPunctuation(canonical(l)) === core)) continue;
      const elsewhere = heads.some((o) => o !== h && canonical(o.words).includes(only.unlessAnyHeadingHas));
      key = n === 1 && !elsewhere ? def.key : outline.otherKey;
    }
    if (!key) {
      // A heading that names two of the six keys (依申请公开…及申请行政复议、诉讼和申诉情况) goes to the first it names.
      const named = outline.sections
        .filter((d) => !taken.has(d.key))
        .map((d) => ({ key: d.key, pos: Math.min(...d.markers.map((m) => core.indexOf(m)).filter((i) => i >= 0)) }))
        .filter((d) => Number.isFinite(d.pos))
        .sort((a, b) => a.pos - b.pos);
      if (named.length >= 2) key = named[0]!.key;
    }
    if (!key) {
      const scored = defs
        .filter((d) => !(six.has(d.key) && taken.has(d.key)))
        .map((d) => ({ key: d.key, score: labelScore(h.words, d) }))
        .sort((a, b) => b.score - a.score);
      if (scored[0] && scored[0].score >= outline.labelMatch) key = scored[0].key;
    }
    key ??= defs.find((d) => !(six.has(d.key) && taken.has(d.key)) && d.markers.some((m) => core.includes(m)))?.key ?? outline.otherKey;
    if (six.has(key)) taken.add(key);
    out.push({ at: h.at, heading: h.heading, key, merged: [] });
  });
  // A heading of one key that also names another key found nowhere else covers both (the first keeps it).
  for (const h of out) {
    if (!six.has(h.key)) continue;
    const core = stripPunctuation(canonical(h.heading));
    for (const def of outline.sections) {
      if (def.key === h.key || taken.has(def.key)) continue;
      if (def.markers.some((m) => core.includes(m))) {
        h.merged.push(def.key);
        taken.add(def.key);
      }
    }
  }
  return out;
}

/** Section text: the paragraphs between a heading and the next, one per line, leaving out `skip` (tables are never text). */
export function legacySectionText(blocks: Block[], start: number, end: number, skip: Set<number>): string {
  const parts: string[] = [];
  for (let i = start; i < end; i++) {
    const b = blocks[i]!;
    if (b.kind === 'paragraph' && !skip.has(i) && b.text.trim()) parts.push(b.text.trim());
  }
  return parts.join('\n');
}
