/**
 * Finds the six numbered section headings (一、总体情况 … 六、其他需要报告的事项)
 * among a document's paragraphs, and the span of blocks each section holds.
 *
 * A heading is recognised by its text (numeral + template wording or a known
 * variant, compared fuzzily on the canonical form), never by position or
 * style alone: real reports rename headings, use half-width punctuation and
 * stray spaces. Which candidates are the headings is decided over the whole
 * sequence (see `locateSections`).
 */
import type { Block } from '../model/document.js';
import { canonical, labelParts, similarity, stripPunctuation } from '../text/labels.js';
import type { SectionDef } from '../template/definitions.js';

export interface LocatedSection {
  key: string;
  /** The heading as printed, whitespace removed. */
  heading: string;
  /** Index of the heading block. */
  at: number;
  /** Body blocks: [start, end) in the document's blocks. */
  start: number;
  end: number;
  /** Text printed after the heading in the same paragraph, if any. */
  inlineText?: string;
}

/** A paragraph's canonical text must resemble a heading wording at least this much. */
const HEADING_MATCH = 0.6;
/** Longer paragraphs are body text, not headings (unless they start with the exact heading). */
const MAX_HEADING_LENGTH = 40;

const SEPARATORS = /^[、.．,，:：\s]*/;

interface HeadingMatch {
  score: number;
  heading: string;
  inlineText?: string;
}

/** Does paragraph text `text` read as the heading of `section`? */
export function matchHeading(text: string, section: SectionDef): HeadingMatch | undefined {
  const t = canonical(text);
  let rest: string;
  let numbered = false;
  if (t.startsWith(section.numeral)) {
    const sep = SEPARATORS.exec(t.slice(section.numeral.length))![0];
    // `一是…`, `一年来…`: a numeral not followed by a separator begins a sentence, not a heading.
    if (!sep) return undefined;
    rest = t.slice(section.numeral.length + sep.length);
    numbered = true;
  } else {
    rest = t;
  }
  const restCore = stripPunctuation(rest);
  let best: HeadingMatch | undefined;
  for (const label of section.labels) {
    const labelCore = stripPunctuation(canonical(label));
    // The heading and the first sentence of its body in one paragraph.
    if (t.length > MAX_HEADING_LENGTH || restCore.length > labelCore.length + 8) {
      const split = splitAfterLabel(rest, labelCore);
      if (split !== undefined && numbered) {
        const heading = t.slice(0, t.length - split.length);
        return { score: 1, heading, inlineText: split };
      }
      continue;
    }
    const s = similarity(restCore, labelCore);
    // Without a numeral only a near-exact wording counts.
    if (s >= (numbered ? HEADING_MATCH : 0.9) && (!best || s > best.score)) best = { score: s, heading: t };
  }
  return best;
}

/** When `rest` starts with the label's words (punctuation aside), the text after them. */
function splitAfterLabel(rest: string, labelCore: string): string | undefined {
  let k = 0;
  let i = 0;
  for (; i < rest.length && k < labelCore.length; i++) {
    const ch = rest[i]!;
    if (stripPunctuation(ch) === '') continue;
    if (ch !== labelCore[k]) return undefined;
    k++;
  }
  if (k < labelCore.length) return undefined;
  const after = rest.slice(i).replace(/^[、.．,，:：。\s]+/, '');
  return after || undefined;
}

/** A paragraph that reads as the heading of one section. */
interface Candidate {
  section: number;
  at: number;
  match: HeadingMatch;
  /** Printed with the section's own top-level numeral (`二、`). */
  numbered: boolean;
  /** The style of its printed ordinal: `cjk` (`二、`), `digit` (`1.`), '' without one. */
  style: OrdinalStyle;
}

type OrdinalStyle = 'cjk' | 'digit' | '';

function ordinalStyle(ordinal: string): OrdinalStyle {
  if (!ordinal) return '';
  return /^\d/.test(ordinal) ? 'digit' : 'cjk';
}

/** A numbered heading outweighs any number of unnumbered ones in the choice of a sequence. */
const NUMBERED_WEIGHT = 100;

/**
 * Locates the sections, deciding with the whole sequence of candidate
 * headings rather than heading by heading (issue 7, kind 5): the chosen
 * headings appear in the sections' order; a heading printed with the
 * section's numeral (`二、主动公开政府信息情况`) is preferred to an
 * unnumbered one; and when the document numbers its top-level headings
 * (at least two carry their section's numeral), a paragraph numbered in
 * another ordinal style (`1.主动公开情况`, `2、依申请公开情况` — an
 * overview's subsections echoing section names) is never a section heading. Among equal sequences
 * the later heading wins: a section's real heading follows the overview's
 * mention of it. Sections not found are absent from the result. A section
 * ends where the next found heading starts, the last one at `bodyEnd` (the
 * signature or the end of the report's body). The section list and its
 * wordings are data (extractors/sections.json).
 */
export function locateSections(blocks: Block[], sections: SectionDef[], bodyEnd: number): LocatedSection[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < bodyEnd; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'paragraph') continue;
    const ordinal = labelParts(b.text).ordinal;
    if (ordinal.startsWith('(')) continue;
    sections.forEach((section, k) => {
      const match = matchHeading(b.text, section);
      if (match) candidates.push({ section: k, at: i, match, numbered: ordinal === section.numeral, style: ordinalStyle(ordinal) });
    });
  }
  // The document's top-level ordinal style: that of the headings printed with their own numerals.
  const numbered = candidates.filter((c) => c.numbered);
  const top = new Set(numbered.map((c) => c.section)).size >= 2 ? numbered[0]!.style : undefined;
  const usable = candidates.filter((c) => top === undefined || c.style === '' || c.style === top);
  const chosen = bestSequence(usable);
  const found: LocatedSection[] = chosen.map((c) => {
    const s: LocatedSection = { key: sections[c.section]!.key, heading: c.match.heading, at: c.at, start: c.at + 1, end: bodyEnd };
    if (c.match.inlineText) s.inlineText = c.match.inlineText;
    return s;
  });
  for (let k = 0; k < found.length - 1; k++) found[k]!.end = found[k + 1]!.at;
  return found;
}

/**
 * The heaviest chain of candidates rising in both block and section order
 * (weight: `NUMBERED_WEIGHT` for a numbered heading, 1 otherwise, plus its
 * match score); on a tie the later candidate wins (a table of contents or an overview mentions a heading before it is printed). O(n²) in candidates,
 * which are few.
 */
function bestSequence(cs: readonly Candidate[]): Candidate[] {
  const weight = (c: Candidate) => (c.numbered ? NUMBERED_WEIGHT : 1) + c.match.score;
  const total: number[] = [];
  const prev: number[] = [];
  let end = -1;
  cs.forEach((c, j) => {
    total[j] = weight(c);
    prev[j] = -1;
    for (let i = 0; i < j; i++) {
      const p = cs[i]!;
      if (p.at >= c.at || p.section >= c.section) continue;
      if (total[i]! + weight(c) >= total[j]!) {
        total[j] = total[i]! + weight(c);
        prev[j] = i;
      }
    }
    if (end < 0 || total[j]! >= total[end]!) end = j;
  });
  const out: Candidate[] = [];
  for (let j = end; j >= 0; j = prev[j]!) out.unshift(cs[j]!);
  return out;
}

/** The body text of a section: its paragraphs, one per line; tables are not repeated. */
export function sectionText(blocks: Block[], section: LocatedSection): string {
  const parts: string[] = [];
  if (section.inlineText) parts.push(section.inlineText);
  for (let i = section.start; i < section.end; i++) {
    const b = blocks[i]!;
    if (b.kind === 'paragraph' && b.text.trim()) parts.push(b.text.trim());
  }
  return parts.join('\n');
}
