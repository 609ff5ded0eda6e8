/**
 * Is there a text layer worth reading? A scan has (almost) no text; a PDF
 * whose fonts lack a ToUnicode map yields garbage — ASCII punctuation
 * runs, control or private-use characters, or ideographs in random order.
 */

import type { PagePrimitives } from './types.js';

export const NO_TEXT_LAYER = 'no usable text layer (scanned?)';

/**
 * The text is there but its fonts carry no Unicode map (ToUnicode), so
 * what pdf.js decodes is glyph codes, not characters (issue 7, kind 3).
 */
export const UNDECODABLE_TEXT_LAYER =
  'the text layer cannot be decoded: its fonts carry no Unicode map (ToUnicode), so the characters are unknown — OCR of every page (OCR mode force) or another copy of the document is the way out';

/** Why a text layer is not read: no text at all, or text whose characters cannot be decoded. */
export type TextLayerProblem = 'no text' | 'undecodable';

export const IDEOGRAPH = /[\u3400-\u4DBF\u4E00-\u9FFF]/u;
export const GARBAGE = /[\u0000-\u001F\u007F-\u009F\uE000-\uF8FF\uFFFD]/u;
/**
 * Characters that make up a large share of any Chinese prose (the, one,
 * person, and) and of every disclosure report (政府信息公开 …). Ideographs
 * decoded through a wrong glyph mapping almost never hit them.
 */
const COMMON = new Set('的一是在了和有人不年政府信息公开工作情况申请本部门办理');

/** Minimum ideographs in the whole document. */
const MIN_IDEOGRAPHS = 20;

/**
 * Fewer printed characters than this is "no text" (a scan with a page
 * number or a stamp), more is a text layer that failed to decode.
 */
const MIN_CHARS = 20;

/** ASCII punctuation: where subset glyph codes land (`!"#$%&'`) when read as WinAnsi. */
export const ASCII_PUNCT = /[!-/:-@[-`{-~]/u;

export interface TextLayerStats {
  chars: number;
  ideographs: number;
  garbage: number;
  common: number;
  /** ASCII punctuation marks (counted separately from garbage). */
  punctuation: number;
}

/**
 * Counts, over every non-whitespace character (code point) of every text
 * item of `pages`: all of them, ideographs (CJK Unified and Extension A),
 * those among the commonest report characters (`COMMON`), garbage (control,
 * private-use, U+FFFD) and ASCII punctuation. The input of
 * `hasUsableText` and `textLayerProblem` (issue 7: scans and undecodable
 * text layers).
 */
export function textLayerStats(pages: readonly PagePrimitives[]): TextLayerStats {
  const s: TextLayerStats = { chars: 0, ideographs: 0, garbage: 0, common: 0, punctuation: 0 };
  for (const p of pages) {
    for (const it of p.items) {
      // Code points compared with the ranges of IDEOGRAPH, GARBAGE and ASCII_PUNCT (a test
      // holds them equal to the expressions): this runs on every character of every document.
      for (const ch of it.text) {
        const cp = ch.codePointAt(0)!;
        if (isJsWhitespace(cp)) continue;
        s.chars++;
        if (isIdeograph(cp)) {
          s.ideographs++;
          if (COMMON.has(ch)) s.common++;
        } else if (isGarbage(cp)) s.garbage++;
        else if (isAsciiPunctuation(cp)) s.punctuation++;
      }
    }
  }
  return s;
}

/** Does `/\s/` match the code point `cp` (ECMAScript WhiteSpace and LineTerminator)? */
export function isJsWhitespace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  return cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}

/** Does `IDEOGRAPH` match the code point `cp` (its ranges, compared directly)? */
export function isIdeograph(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf);
}

/** Does `GARBAGE` match the code point `cp` (its ranges, compared directly)? */
export function isGarbage(cp: number): boolean {
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xe000 && cp <= 0xf8ff) || cp === 0xfffd;
}

/** Does `ASCII_PUNCT` match the code point `cp` (its ranges, compared directly)? */
export function isAsciiPunctuation(cp: number): boolean {
  return (cp >= 0x21 && cp <= 0x2f) || (cp >= 0x3a && cp <= 0x40) || (cp >= 0x5b && cp <= 0x60) || (cp >= 0x7b && cp <= 0x7e);
}

/**
 * Is the text layer worth reading: at least `MIN_IDEOGRAPHS` ideographs,
 * ideographs at least a fifth of the characters, garbage at most 5 %, and
 * common report characters at least 4 % of the ideographs (a wrong glyph
 * mapping gives random ideographs, which almost never hit them).
 */
export function hasUsableText(s: TextLayerStats): boolean {
  if (s.ideographs < MIN_IDEOGRAPHS) return false;
  if (s.ideographs < s.chars * 0.2) return false;
  if (s.garbage > s.chars * 0.05) return false;
  return s.common >= s.ideographs * 0.04;
}

/**
 * Why the text layer is not usable, or undefined when it is. Garbage
 * (control or private-use codes), a run of ASCII punctuation or ideographs
 * in random order are the marks of glyph codes read without a Unicode map:
 * 'undecodable'. Too little text of any kind is 'no text' (a scan).
 */
export function textLayerProblem(s: TextLayerStats): TextLayerProblem | undefined {
  if (hasUsableText(s)) return undefined;
  return s.chars >= MIN_CHARS && looksUndecoded(s) ? 'undecodable' : 'no text';
}

function looksUndecoded(s: TextLayerStats): boolean {
  if (s.garbage > s.chars * 0.05) return true;
  if (s.punctuation > s.chars * 0.3) return true;
  return s.ideographs >= MIN_IDEOGRAPHS && s.common < s.ideographs * 0.04;
}

/** The warning for a problem of `textLayerProblem`. */
export function textLayerMessage(problem: TextLayerProblem): string {
  return problem === 'undecodable' ? UNDECODABLE_TEXT_LAYER : NO_TEXT_LAYER;
}

/**
 * Pages of an otherwise readable document whose text cannot be decoded (a
 * font without a Unicode map used on that page only): their glyph codes may
 * look like digits (`0`, `1` are codes 0x30, 0x31 of a subset font), so the
 * page must not be read. A page is undecodable when it has text and a fifth
 * of it is control or private-use codes. Returns 1-based page numbers.
 */
export function undecodablePages(pages: readonly PagePrimitives[]): number[] {
  const out: number[] = [];
  for (const p of pages) {
    const s = textLayerStats([p]);
    if (s.chars >= 10 && s.garbage > s.chars * 0.2) out.push(p.page);
  }
  return out;
}
