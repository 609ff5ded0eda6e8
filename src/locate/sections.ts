/**
 * Finds the six numbered section headings (一、总体情况 … 六、其他需要报告的事项)
 * among a document's paragraphs, and the span of blocks each section holds.
 *
 * A heading is recognised by its text (numeral + template wording or a known
 * variant, compared fuzzily on the canonical form), never by position or
 * style alone: real reports rename headings, use half-width punctuation and
 * stray spaces. Sections are searched in order, each after the previous one.
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

/**
 * Locates the sections in order. Sections not found are absent from the
 * result. A section ends where the next found heading starts, the last one
 * at `bodyEnd` (the signature or the end of the report's body).
 */
export function locateSections(blocks: Block[], sections: SectionDef[], bodyEnd: number): LocatedSection[] {
  const found: LocatedSection[] = [];
  let from = 0;
  for (const section of sections) {
    for (let i = from; i < bodyEnd; i++) {
      const b = blocks[i]!;
      if (b.kind !== 'paragraph' || labelParts(b.text).ordinal.startsWith('(')) continue;
      const m = matchHeading(b.text, section);
      if (!m) continue;
      const s: LocatedSection = { key: section.key, heading: m.heading, at: i, start: i + 1, end: bodyEnd };
      if (m.inlineText) s.inlineText = m.inlineText;
      found.push(s);
      from = i + 1;
      break;
    }
  }
  for (let k = 0; k < found.length - 1; k++) found[k]!.end = found[k + 1]!.at;
  return found;
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
