/**
 * The main document text (CPs 0 … FibRgLw97.ccpText) cut into paragraphs at
 * paragraph marks (0x0D), cell and row marks (0x07) and section marks (0x0C)
 * ([MS-DOC] Determining Paragraph Boundaries), each with the
 * properties of its mark (PAPX) and the character properties of its runs
 * (CHPX). Fields ([MS-DOC] PlcFld) show their result: the code
 * between 0x13 and 0x14 is dropped, the result up to 0x15 is kept.
 */
import type { Bytes } from './bytes.js';
import { runAt, type FcRun } from './fkp.js';
import { fcOf, pieceText, type Piece } from './pieces.js';
import { applyCharSprms, applyParaSprms, defaultCharProps, emptyParaProps, type CharProps, type ParaProps } from './props.js';
import type { Style } from './styles.js';

/** A stretch of a paragraph's text with one set of character sprms. */
interface Segment {
  text: string;
  chpx: Uint8Array | undefined;
  pieceGrpprl: Uint8Array | undefined;
}

export interface RawParagraph {
  /** Visible text; '\n' where the paragraph had a line break (0x0B). */
  text: string;
  /** The mark that ended it. */
  mark: 'para' | 'cell' | 'section';
  props: ParaProps;
  bold: boolean;
  /** Largest font size of its visible text, in points. */
  fontSize?: number;
}

export interface TextSources {
  word: Bytes;
  pieces: Piece[];
  ccpText: number;
  papx: FcRun[];
  chpx: FcRun[];
  styles: Style[];
  /** sprmPHugePapx: the grpprl stored at an offset in the Data stream. */
  huge: (offset: number) => Uint8Array | undefined;
}

const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;

/** Printable form of a character, '' for control characters that print nothing. */
function printable(code: number, ch: string): string {
  if (code >= 0x20) return code === 0xa0 ? ' ' : ch;
  if (code === 0x09) return ' ';
  if (code === 0x0b || code === 0x0c) return '\n'; // line break, or a page break inside the paragraph
  if (code === 0x1e) return '-'; // non-breaking hyphen
  return ''; // 0x01 picture, 0x08 drawing, 0x02 note reference, 0x1F optional hyphen …
}

/**
 * Tracks nested fields: a character is shown when every enclosing field is
 * past its separator (showing its result). Counts the fields still in their
 * code so the check stays O(1) however deep a hostile file nests them.
 */
class FieldState {
  /** Per open field: has its separator been seen? */
  private readonly stack: boolean[] = [];
  private inCode = 0;

  /** Consumes a field character; returns false for ordinary characters. */
  consume(code: number): boolean {
    if (code === FIELD_BEGIN) {
      this.stack.push(false);
      this.inCode++;
    } else if (code === FIELD_SEPARATOR) {
      if (this.stack[this.stack.length - 1] === false) {
        this.stack[this.stack.length - 1] = true;
        this.inCode--;
      }
    } else if (code === FIELD_END) {
      if (this.stack.pop() === false) this.inCode--;
    } else {
      return false;
    }
    return true;
  }

  get visible(): boolean {
    return this.inCode === 0;
  }
}

/**
 * 0x0C is a section mark when a paragraph ends with it (its PAPX run ends
 * right after it), else a manual page break inside a paragraph.
 */
function endsParagraph(src: TextSources, piece: Piece, fc: number): boolean {
  const run = runAt(src.papx, fc);
  return !run || run.fcEnd === fc + (piece.compressed ? 1 : 2);
}

export function readParagraphs(src: TextSources): RawParagraph[] {
  const out: RawParagraph[] = [];
  const fields = new FieldState();
  let segments: Segment[] = [];

  const add = (text: string, chpx: Uint8Array | undefined, pieceGrpprl: Uint8Array | undefined) => {
    const last = segments[segments.length - 1];
    if (last && last.chpx === chpx && last.pieceGrpprl === pieceGrpprl) last.text += text;
    else segments.push({ text, chpx, pieceGrpprl });
  };

  for (const piece of src.pieces) {
    if (piece.cpStart >= src.ccpText) break;
    const text = pieceText(src.word, piece, piece.cpStart, Math.min(piece.cpEnd, src.ccpText));
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const fc = fcOf(piece, piece.cpStart + i);
      const mark = code === 0x0d ? 'para' : code === 0x07 ? 'cell' : code === 0x0c && endsParagraph(src, piece, fc) ? 'section' : undefined;
      if (mark) {
        out.push(finishParagraph(src, segments, mark, fc, piece));
        segments = [];
        continue;
      }
      if (fields.consume(code) || !fields.visible) continue;
      const shown = printable(code, text[i]!);
      if (shown) add(shown, runAt(src.chpx, fc)?.grpprl, piece.grpprl);
    }
  }
  if (segments.some((s) => s.text.trim())) out.push(finishParagraph(src, segments, 'para', -1, undefined));
  return out;
}

/**
 * The text of a symbol inserted from a symbol font: its character when that
 * is ordinary Unicode (√ □ ①), nothing for a private-use glyph of a
 * Symbol/Wingdings font, which has no meaning as text.
 */
function symbolText(symbol: number | undefined): string {
  if (symbol === undefined || symbol < 0x20 || (symbol >= 0xe000 && symbol <= 0xf8ff)) return '';
  return String.fromCharCode(symbol);
}

function paraProps(src: TextSources, fc: number, piece: Piece | undefined): ParaProps {
  const run = fc >= 0 ? runAt(src.papx, fc) : undefined;
  const props = emptyParaProps(run?.istd ?? 0);
  for (const g of src.styles[props.istd]?.papx ?? []) applyParaSprms(props, g, src.huge);
  if (run) applyParaSprms(props, run.grpprl, src.huge);
  if (piece?.grpprl) applyParaSprms(props, piece.grpprl, src.huge);
  return props;
}

function finishParagraph(src: TextSources, segments: Segment[], mark: RawParagraph['mark'], fc: number, piece: Piece | undefined): RawParagraph {
  const props = paraProps(src, fc, piece);
  const style = src.styles[props.istd];
  const base = defaultCharProps();
  for (const g of style?.chpx ?? []) applyCharSprms(base, g, base);
  const charStyle = (istd: number) => src.styles[istd]?.chpx ?? [];
  let text = '';
  let bold = true;
  let size = 0;
  for (const s of segments) {
    const c: CharProps = { ...base };
    if (s.chpx) applyCharSprms(c, s.chpx, base, charStyle);
    if (s.pieceGrpprl) applyCharSprms(c, s.pieceGrpprl, base, charStyle);
    if (c.vanish || c.deleted) continue;
    text += c.special ? s.text.replace(/\(/g, symbolText(c.symbol)) : s.text;
    if (!s.text.trim()) continue;
    bold &&= c.bold;
    size = Math.max(size, c.hps / 2);
  }
  const p: RawParagraph = { text, mark, props, bold: bold && size > 0 };
  if (size > 0) p.fontSize = size;
  return p;
}
