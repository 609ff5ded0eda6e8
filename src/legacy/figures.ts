/**
 * Figures stated in the text of a legacy report (spec/legacy-reports.md,
 * `legacy.figures`): 全年主动公开政府信息339条, 未收到政府信息公开申请,
 * 申诉两件. The phrase patterns are data (`extractors/legacy/figures.json`);
 * this module splits sentences and clauses, finds numbers with their units
 * and qualifiers, and applies the patterns in order.
 *
 * Patterns run on the folded (simplified) text; `sentence`, `raw` and `unit`
 * are cut from the printed text at the same offsets.
 */
import type { FiguresFile } from './definitions.js';
import { NUMBER_PATTERN, numberValue } from './numbers.js';

export interface Figure {
  key: string;
  value: number;
  unit: string | null;
  qualifier: 'atLeast' | 'approx' | null;
  zero: boolean;
  /** Key of the section the sentence is in. */
  section: string;
  sentence: string;
  raw: string | null;
}

/** A paragraph of section text, folded for matching and as printed (same length). */
export interface TextParagraph {
  section: string;
  folded: string;
  printed: string;
}

interface Compiled {
  numberRe: RegExp;
  sentenceEnd: RegExp;
  clauseBreak: RegExp;
  numbers: { key: string; units: Set<string>; lead: RegExp; notLead?: RegExp }[];
  zero: { key: string; pattern: RegExp; unless?: RegExp }[];
  atLeastBefore: RegExp;
  approxBefore: RegExp;
  approxAfter: RegExp;
}

/** A pattern's groups made non-capturing, to embed it in another. */
const nonCapturing = (re: string) => re.replace(/\((?!\?)/g, '(?:');

const compiledCache = new WeakMap<FiguresFile, Compiled>();

function compile(f: FiguresFile): Compiled {
  let c = compiledCache.get(f);
  if (!c) {
    const units = f.units.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const more = nonCapturing(f.qualifiers.atLeast.after.replace(/^\^/, ''));
    c = {
      // number, an "or more" mark (10余条, 755多条, 1.2万余条), 万, unit
      numberRe: new RegExp(`(${NUMBER_PATTERN})(${more})?(万)?(${more})?(${units})`, 'g'),
      sentenceEnd: new RegExp(f.sentenceEnd),
      clauseBreak: new RegExp(f.clauseBreak),
      numbers: f.numbers.map((r) => ({
        key: r.key,
        units: new Set(r.units),
        lead: new RegExp(r.lead),
        ...(r.notLead ? { notLead: new RegExp(r.notLead) } : {}),
      })),
      zero: f.zero.map((r) => ({ key: r.key, pattern: new RegExp(r.pattern), ...(r.unless ? { unless: new RegExp(r.unless) } : {}) })),
      atLeastBefore: new RegExp(f.qualifiers.atLeast.before),
      approxBefore: new RegExp(f.qualifiers.approx.before),
      approxAfter: new RegExp(f.qualifiers.approx.after),
    };
    compiledCache.set(f, c);
  }
  return c;
}

/** Full-width digits and separators to ASCII, one character for one: offsets stay. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (ch) => (ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** [start, end) of each sentence of `text`, the end mark included. */
function sentences(text: string, end: RegExp): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (end.test(text[i]!)) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out.filter(([a, b]) => text.slice(a, b).trim());
}

interface Hit {
  at: number;
  figure: Omit<Figure, 'section' | 'sentence'>;
}

/** Numbers followed by a unit, each named by the first rule whose lead fits. */
function numberHits(s: string, p: string, c: Compiled): Hit[] {
  const hits: Hit[] = [];
  let prevEnd = 0;
  for (const m of s.matchAll(c.numberRe)) {
    const at = m.index;
    const [, num, moreBefore, wan, moreAfter, unit] = m;
    const more = moreBefore ?? moreAfter;
    const before = s[at - 1] ?? '';
    const isChinese = !/\d/.test(num!);
    // 第一条, 每一次, 一次性: ordinals and words, not counts.
    if (isChinese && (/[第每这那同单]/.test(before) || s[at + m[0].length] === '性')) continue;
    if (/[\d.]/.test(before)) continue;
    let clauseStart = 0;
    for (let i = at - 1; i >= 0; i--) {
      if (c.clauseBreak.test(s[i]!)) {
        clauseStart = i + 1;
        break;
      }
    }
    const lead = s.slice(Math.max(clauseStart, prevEnd), at);
    prevEnd = at + m[0].length;
    const rule = c.numbers.find((r) => r.units.has(unit!) && r.lead.test(lead) && !r.notLead?.test(lead));
    const base = numberValue(num!.replace(/，/g, ','));
    if (!rule || base === undefined) continue;
    const after = s.slice(prevEnd, prevEnd + 2);
    const qualifier = more || c.atLeastBefore.test(lead) ? 'atLeast' : c.approxBefore.test(lead) || c.approxAfter.test(after) ? 'approx' : null;
    const unitAt = at + m[0].length - unit!.length;
    hits.push({
      at,
      figure: {
        key: rule.key,
        value: wan ? base * 10000 : base,
        unit: p.slice(unitAt, unitAt + unit!.length),
        qualifier,
        zero: false,
        raw: p.slice(at, at + num!.length),
      },
    });
  }
  return hits;
}

/** Statements of none, clause by clause; a clause can state several keys (未发生…复议、诉讼和申诉). */
function zeroHits(s: string, c: Compiled): Hit[] {
  const hits: Hit[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && !c.clauseBreak.test(s[i]!)) continue;
    const clause = s.slice(start, i);
    // A statement of none has no count in it (收到申请0件 is a printed number, not a zero statement).
    c.numberRe.lastIndex = 0;
    if (!c.numberRe.test(clause)) {
      for (const r of c.zero) {
        const m = r.pattern.exec(clause);
        if (!m || r.unless?.test(clause)) continue;
        hits.push({ at: start + m.index + m[0].length, figure: { key: r.key, value: 0, unit: null, qualifier: null, zero: true, raw: null } });
      }
    }
    start = i + 1;
  }
  return hits;
}

/** Every figure the paragraphs state, in document order; each key at most once per sentence. */
export function findFigures(paragraphs: TextParagraph[], rules: FiguresFile): Figure[] {
  const c = compile(rules);
  const out: Figure[] = [];
  for (const para of paragraphs) {
    const folded = asciiDigits(para.folded);
    for (const [a, b] of sentences(folded, c.sentenceEnd)) {
      const s = folded.slice(a, b);
      const p = para.printed.slice(a, b);
      const hits = [...numberHits(s, p, c), ...zeroHits(s, c)].sort((x, y) => x.at - y.at);
      const seen = new Set<string>();
      for (const h of hits) {
        if (seen.has(h.figure.key)) continue;
        seen.add(h.figure.key);
        out.push({ ...h.figure, section: para.section, sentence: p.trim() });
      }
    }
  }
  return out;
}
