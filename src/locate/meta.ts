/**
 * The report's title, its signature block (issuing body and date) and the
 * reporting year.
 */
import type { Block, Paragraph } from '../model/document.js';
import { removeCjkSpaces } from '../text/cjk.js';
import { canonical } from '../text/labels.js';

export interface Title {
  text: string;
  /** Block indices the title was read from. */
  blocks: number[];
}

export interface Signature {
  agency?: string;
  /** ISO date. */
  date?: string;
  /** First block of the signature: the report's body ends here. */
  start: number;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `二〇二二` → 2022, `二十一` → 21, `十` → 10; digits pass through. */
function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.includes('十')) {
    const [tens, ones] = s.split('十');
    const t = tens ? CN_DIGITS[tens] : 1;
    const o = ones ? CN_DIGITS[ones] : 0;
    return t === undefined || o === undefined ? undefined : t * 10 + o;
  }
  let n = 0;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return undefined;
    n = n * 10 + d;
  }
  return n;
}

const NUM = '[0-9〇零Oo一二三四五六七八九十]';
const DATE = new RegExp(`(${NUM}{4})\\s*年\\s*(${NUM}{1,3})\\s*月\\s*(${NUM}{1,3})\\s*日`);
const ISO_DATE = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/;

/** The first date in `text` as ISO `YYYY-MM-DD`. */
export function parseDate(text: string): string | undefined {
  const t = text.normalize('NFKC');
  const m = DATE.exec(t) ?? ISO_DATE.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [cnNumber(m[1]!), cnNumber(m[2]!), cnNumber(m[3]!)];
  if (y === undefined || mo === undefined || d === undefined) return undefined;
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Ends in something an issuing body's name ends in. */
const AGENCY_END = /(政府|人民政府|办公室|办公厅|委员会|委|局|厅|部|署|院|办事处|街道|中心|公司|会|所|处|站|馆|镇|乡|队|集团|管委会|办)$/;
const SENTENCE_PUNCT = /[。，,；;：:！？!?]/;

function isShortLine(b: Block | undefined, max: number): b is Paragraph {
  return b?.kind === 'paragraph' && canonical(b.text).length > 0 && canonical(b.text).length <= max;
}

/**
 * The signature block at the end of the body: a date line (`2022年1月21日`),
 * usually preceded by the issuing body's name, sometimes both on one line.
 * Searched backwards from `end`, skipping page furniture.
 */
export function findSignature(blocks: Block[], from: number, end: number): Signature | undefined {
  for (let i = end - 1; i >= from && i >= end - 6; i--) {
    const b = blocks[i];
    if (!isShortLine(b, 40)) continue;
    const date = parseDate(b.text);
    if (!date) continue;
    const t = canonical(b.text);
    // Agency and date on one line: `潘庄镇人民政府2022年1月21日`.
    const before = t.slice(0, t.search(new RegExp(NUM + '{4}\\s*年'))).trim();
    if (before && AGENCY_END.test(before) && !SENTENCE_PUNCT.test(before)) {
      return { agency: removeCjkSpaces(before), date, start: i };
    }
    if (t.length > 20) continue;
    const prev = blocks[i - 1];
    if (i - 1 >= from && isShortLine(prev, 40) && !SENTENCE_PUNCT.test(prev.text) && AGENCY_END.test(canonical(prev.text))) {
      return { agency: cleanName(prev.text), date, start: i - 1 };
    }
    return { date, start: i };
  }
  // No date: an agency line alone closing the report.
  const last = blocks[end - 1];
  if (end - 1 >= from && isShortLine(last, 30) && !SENTENCE_PUNCT.test(last.text) && AGENCY_END.test(canonical(last.text))) {
    return { agency: cleanName(last.text), start: end - 1 };
  }
  return undefined;
}

function cleanName(text: string): string {
  return removeCjkSpaces(text.trim());
}

const TITLE_EXCLUDE = /[>＞：:。]|当前位置|首页/;
/** A website's name in its banner, not an issuing body. */
const SITE_CHROME = /网站|门户|网$|平台$/;

/**
 * The title: the first short paragraph before section 一 that names a report
 * (`…年度报告`), joined with the line before it when a layout broke the title
 * in two (`…2022年政府信息公开` / `工作年度报告`, or `…工作年度` / `报告`).
 */
export function findTitle(blocks: Block[], end: number, metadataTitle?: string): Title | undefined {
  for (let i = 0; i < end && i < 12; i++) {
    const b = blocks[i];
    if (b?.kind !== 'paragraph') continue;
    const t = canonical(b.text);
    if (!/报告|年报/.test(t) || t.length > 80 || TITLE_EXCLUDE.test(t)) continue;
    const prev = blocks[i - 1];
    // The tail may be as short as `报告` alone (`…2020年政府信息公开工作年度` / `报告`):
    // OCR gives each printed line its own box, and a lone short last line its own paragraph.
    if (prev?.kind === 'paragraph' && continuesTitle(prev, b) && canonical(prev.text + b.text).length <= 80) {
      return { text: cleanTitle(prev.text + b.text), blocks: [i - 1, i] };
    }
    if (t.length < 6) continue;
    return { text: cleanTitle(b.text), blocks: [i] };
  }
  if (metadataTitle && /报告/.test(metadataTitle)) return { text: cleanTitle(metadataTitle), blocks: [] };
  return undefined;
}

/** Is `prev` the first part of a title that `b` ends? */
function continuesTitle(prev: Paragraph, b: Paragraph): boolean {
  const p = canonical(prev.text);
  const t = canonical(b.text);
  if (!p || p.length > 40 || SENTENCE_PUNCT.test(p) || TITLE_EXCLUDE.test(p)) return false;
  const year = /\d{4}/;
  // `…2022年政府信息公开` / `工作年度报告`: the year is in the first part only.
  if (!year.test(t) && year.test(p)) return true;
  // `柳湾镇人民政府` / `2021年政府信息公开工作年度报告`: a title that starts with its
  // year lacks its subject, and the line before names a body.
  if (/^\d{4}年/.test(t) && AGENCY_END.test(p) && !year.test(p) && !SITE_CHROME.test(p)) return true;
  // Otherwise only when both lines are typeset alike (known style only).
  const a = prev.style;
  const c = b.style;
  if (a.fontSize === undefined || c.fontSize === undefined) return false;
  return Math.abs(a.fontSize - c.fontSize) < 0.5 && !!a.bold === !!c.bold && (a.align ?? '') === (c.align ?? '');
}

function cleanTitle(text: string): string {
  return removeCjkSpaces(text.replace(/\s+/g, ' ').trim());
}

/** The reporting year: from the title, else from the first `YYYY年` of the overview, else the year before publication. */
export function findYear(title: string | undefined, overview: string | undefined, publishedAt: string | undefined): number | null {
  const fromText = (s: string | undefined) => {
    if (!s) return undefined;
    const m = new RegExp(`(${NUM}{4})\\s*年`).exec(s.normalize('NFKC'));
    const y = m ? cnNumber(m[1]!) : undefined;
    return y !== undefined && y >= 2000 && y <= 2100 ? y : undefined;
  };
  return fromText(title) ?? fromText(overview) ?? (publishedAt ? Number(publishedAt.slice(0, 4)) - 1 : null);
}

/** The issuing body named by a title: `潘庄镇2021年政府信息公开工作年度报告` → `潘庄镇`. */
export function agencyFromTitle(title: string): string | undefined {
  const t = canonical(title)
    .replace(/(关于)?\d{4}年度?/g, '')
    .replace(/(政府信息公开|政务公开|信息公开)?(工作)?(年度)?报告$/, '')
    .replace(/[的]$/, '');
  return t || undefined;
}
