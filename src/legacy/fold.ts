/**
 * Traditional → simplified folding, for matching only (spec/legacy-reports.md,
 * "Traditional-script copies … are matched after folding to simplified
 * characters; every output string stays as printed").
 *
 * The conversion is OpenCC's (opencc-js, Taiwan standard → mainland), kept
 * position for position: the folded text has the same length as the printed
 * one, so an offset found in the folded text is an offset in the printed
 * text. A phrase conversion that would change the length falls back to
 * character-by-character conversion.
 */
import { Converter } from 'opencc-js/t2cn';
import type { Block, DocumentModel } from '../model/document.js';

type Convert = (text: string) => string;
let converter: Convert | undefined;

function convert(): Convert {
  if (!converter) converter = Converter({ from: 'tw', to: 'cn' }) as Convert;
  return converter;
}

/** `text` in simplified characters, of the same length as `text`. */
export function foldText(text: string): string {
  if (!/[\u3400-\u9FFF\uF900-\uFAFF]/.test(text)) return text;
  const c = convert();
  const whole = c(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const f = c(ch);
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

/** Traditional forms that a traditional-script report cannot avoid (開 報 資 訊 關 會 …): a quick test before converting. */
const COMMON_TRADITIONAL = /[開報資訊關會與個門網務電條號說發經機區處書請議訴複諮詢態齊產務員責項]/;

/** Characters that folding changes must be at least this share of the CJK text to call a document traditional. */
const TRADITIONAL_SHARE = 0.02;
/** … and at least this many. */
const TRADITIONAL_MIN = 8;

function blockTexts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.cells.map((c) => c.text)));
}

/**
 * Is the document printed in traditional characters? True when folding
 * changes a noticeable share of its CJK characters (a simplified report has
 * none or a stray name).
 */
export function isTraditional(model: DocumentModel): boolean {
  // Without any of the commonest traditional-only characters of these reports there is nothing to fold.
  if (!model.blocks.some((b) => COMMON_TRADITIONAL.test(b.kind === 'paragraph' ? b.text : b.cells.map((c) => c.text).join('')))) return false;
  let cjk = 0;
  let changed = 0;
  for (const t of blockTexts(model.blocks)) {
    const f = foldText(t);
    for (let i = 0; i < t.length; i++) {
      if (/[\u3400-\u9FFF]/.test(t[i]!)) cjk++;
      if (f[i] !== t[i]) changed++;
    }
  }
  return changed >= TRADITIONAL_MIN && changed >= cjk * TRADITIONAL_SHARE;
}

/** A copy of the model with every paragraph and cell text folded; the same blocks, in the same order. */
export function foldModel(model: DocumentModel): DocumentModel {
  const blocks: Block[] = model.blocks.map((b) =>
    b.kind === 'paragraph' ? { ...b, text: foldText(b.text) } : { ...b, cells: b.cells.map((c) => ({ ...c, text: foldText(c.text) })) },
  );
  const metadata = model.metadata.title === undefined ? model.metadata : { ...model.metadata, title: foldText(model.metadata.title) };
  return { ...model, blocks, metadata };
}
