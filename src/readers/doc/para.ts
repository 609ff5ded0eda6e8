/**
 * A paragraph as printed: its automatic number (rendered by the list
 * tables) written before its text, cut into lines at line breaks (0x0B),
 * whitespace collapsed as the HTML reader does.
 */
import type { Paragraph, TextStyle } from '../../model/document.js';
import type { NumberingRenderer } from './lists.js';
import type { RawParagraph } from './text.js';

/** A paragraph after numbering: its printed lines (split at line breaks). */
export interface Para {
  lines: string[];
  style: TextStyle;
}

export function toPara(p: RawParagraph, numbering: NumberingRenderer): Para {
  const number = p.props.ilfo > 0 ? numbering.next(p.props.ilfo, p.props.ilvl) : '';
  const lines = (number + p.text)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const style: TextStyle = {};
  if (p.fontSize !== undefined) style.fontSize = p.fontSize;
  if (p.bold) style.bold = true;
  if (p.props.align) style.align = p.props.align;
  return { lines, style };
}

export function paragraphBlocks(p: Para): Paragraph[] {
  return p.lines.map((text) => ({ kind: 'paragraph', text, page: null, style: { ...p.style } }));
}

