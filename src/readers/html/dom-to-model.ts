/**
 * An HTML document (a report saved from a government website, or the HTML
 * mammoth makes of a DOCX) → the document model: paragraphs in reading order
 * and tables as cell grids with their spans.
 *
 * Government sites often lay out the whole page in tables; a table whose
 * cells hold long text or other tables is read as flow, not as a grid.
 */
import type { AnyNode, Element } from 'domhandler';
import type { Block, Cell, Paragraph, Table, TextStyle } from '../../model/document.js';
import { joinWrapped } from '../../text/cjk.js';
import { LAYOUT_CELL_TEXT } from '../../model/grid.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'select', 'button', 'input', 'textarea', 'head', 'object', 'svg']);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header',
  'footer', 'nav', 'aside', 'main', 'blockquote', 'pre', 'center', 'form', 'body', 'html', 'hr', 'address', 'figure',
  'figcaption', 'caption', 'tr', 'td', 'th', 'fieldset', 'details', 'summary',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Spans beyond this are treated as errors in the markup. */
const MAX_SPAN = 1000;

interface Run {
  text: string;
  bold: boolean;
}

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function styleOf(el: Element, prop: string): string | undefined {
  const style = el.attribs['style'];
  if (!style) return undefined;
  const m = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`, 'i').exec(style);
  return m?.[1]?.trim().toLowerCase();
}

function isBoldElement(el: Element): boolean {
  if (el.name === 'b' || el.name === 'strong' || HEADINGS.has(el.name)) return true;
  const w = styleOf(el, 'font-weight');
  return w === 'bold' || w === 'bolder' || (w !== undefined && Number(w) >= 600);
}

function fontSizeOf(el: Element): number | undefined {
  const v = styleOf(el, 'font-size');
  const m = v && /^([\d.]+)\s*(pt|px)$/.exec(v);
  if (!m) return undefined;
  return m[2] === 'px' ? Number(m[1]) * 0.75 : Number(m[1]);
}

function alignOf(el: Element): TextStyle['align'] | undefined {
  const a = (el.attribs['align'] ?? styleOf(el, 'text-align'))?.toLowerCase();
  if (el.name === 'center') return 'center';
  return a === 'left' || a === 'center' || a === 'right' || a === 'justify' ? a : undefined;
}

function textContent(n: AnyNode): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  if (!isElement(n) || SKIP.has(n.name)) return '';
  return n.children.map(textContent).join('');
}

/** Rows of this table only (not of tables nested in its cells). */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      for (const tr of child.children) if (isElement(tr) && tr.name === 'tr') rows.push(tr);
    }
  }
  return rows;
}

function rowCells(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
}

function hasNestedTable(n: AnyNode): boolean {
  return isElement(n) && n.children.some((c) => isElement(c) && (c.name === 'table' || hasNestedTable(c)));
}

function isLayoutTable(table: Element): boolean {
  return tableRows(table).some((tr) =>
    rowCells(tr).some((td) => hasNestedTable(td) || textContent(td).replace(/\s+/g, '').length > LAYOUT_CELL_TEXT),
  );
}

function span(el: Element, attr: string): number {
  const n = Number.parseInt(el.attribs[attr] ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** A cell's text: its paragraphs and line breaks joined as wrapped lines. */
function cellText(td: Element): string {
  const lines: string[] = [''];
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      lines[lines.length - 1] += (n as unknown as { data: string }).data.replace(/\s+/g, ' ');
      return;
    }
    if (!isElement(n) || SKIP.has(n.name)) return;
    const block = BLOCK.has(n.name) || n.name === 'br';
    if (block) lines.push('');
    n.children.forEach(walk);
    if (block) lines.push('');
  };
  td.children.forEach(walk);
  return lines.map((l) => l.trim()).filter(Boolean).reduce(joinWrapped, '');
}

/** The HTML table algorithm: place each cell at the first free grid position of its row. */
export function tableFromElement(table: Element): Table {
  const cells: Cell[] = [];
  const taken: boolean[][] = [];
  const rows = tableRows(table);
  let cols = 0;
  rows.forEach((tr, r) => {
    let c = 0;
    for (const td of rowCells(tr)) {
      while (taken[r]?.[c]) c++;
      const rowSpan = Math.min(span(td, 'rowspan'), rows.length - r);
      const colSpan = span(td, 'colspan');
      for (let i = r; i < r + rowSpan; i++) for (let j = c; j < c + colSpan; j++) (taken[i] ??= [])[j] = true;
      cells.push({ row: r, col: c, rowSpan, colSpan, text: cellText(td), page: null });
      c += colSpan;
      cols = Math.max(cols, c);
    }
  });
  return { kind: 'table', rows: rows.length, cols, cells, page: null, strategy: 'markup' };
}

/** Walks the DOM in document order, cutting paragraphs at block boundaries and line breaks. */
export function domToBlocks(root: AnyNode[]): Block[] {
  const blocks: Block[] = [];
  let runs: Run[] = [];
  let blockStyle: TextStyle = {};

  const flush = () => {
    const text = runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim();
    if (text) {
      const visible = runs.filter((r) => r.text.trim());
      const style: TextStyle = { ...blockStyle };
      if (visible.length && visible.every((r) => r.bold)) style.bold = true;
      const p: Paragraph = { kind: 'paragraph', text, page: null, style };
      blocks.push(p);
    }
    runs = [];
  };

  const walk = (n: AnyNode, bold: boolean) => {
    if (n.type === 'text') {
      runs.push({ text: (n as unknown as { data: string }).data, bold });
      return;
    }
    if (!isElement(n) || SKIP.has(n.name)) return;
    if (n.name === 'br') return flush();
    if (n.name === 'table') {
      flush();
      if (isLayoutTable(n)) {
        for (const tr of tableRows(n)) for (const td of rowCells(tr)) walkBlock(td, bold);
      } else {
        const t = tableFromElement(n);
        if (t.cells.length) blocks.push(t);
      }
      return;
    }
    const b = bold || isBoldElement(n);
    if (BLOCK.has(n.name)) walkBlock(n, b);
    else {
      const size = fontSizeOf(n);
      if (size && (!blockStyle.fontSize || size > blockStyle.fontSize)) blockStyle = { ...blockStyle, fontSize: size };
      for (const c of n.children) walk(c, b);
    }
  };

  const walkBlock = (el: Element, bold: boolean) => {
    flush();
    const outer = blockStyle;
    const style: TextStyle = { ...outer };
    const align = alignOf(el);
    if (align) style.align = align;
    const size = fontSizeOf(el);
    if (size) style.fontSize = size;
    blockStyle = style;
    for (const c of el.children) walk(c, bold || isBoldElement(el));
    flush();
    blockStyle = outer;
  };

  for (const n of root) walk(n, false);
  flush();
  return blocks;
}

export function titleOf(root: AnyNode[]): string | undefined {
  const find = (n: AnyNode): string | undefined => {
    if (!isElement(n)) return undefined;
    if (n.name === 'title') return textContent(n).trim() || undefined;
    for (const c of n.children) {
      const t = find(c);
      if (t) return t;
    }
    return undefined;
  };
  for (const n of root) {
    const t = find(n);
    if (t) return t;
  }
  return undefined;
}

