/** Stacking tokens into wrapped text blocks (a cell's lines), shared by labels and headers. */

import { joinWrapped, removeCjkSpaces } from '../../../text/cjk.js';
import type { HintMatch } from './hints.js';
import { centre, type Token } from './tokens.js';

export interface Block {
  tokens: Token[];
  x0: number;
  x1: number;
  cy0: number;
  cy1: number;
  text: string;
}

/**
 * Wrapped lines of one cell sit closer than this (em, gap between lines);
 * rows sit further apart. Tables set tighter than that are measured (see
 * `wrapGap`).
 */
export const WRAP_GAP_EM = 0.55;

/**
 * The largest gap between wrapped lines of one cell in this table: below
 * the usual one, and clearly below the gap between rows of numbers (the
 * closest two rows of one line each are the cell padding plus the leading
 * apart; wrapped lines only the leading). AR PL UMing sets lines 0.1 em
 * apart and rows 0.5 em apart, less than the usual line gap.
 */
export function wrapGap(rows: ReadonlyArray<{ cy0: number; cy1: number }>, em: number): number {
  const sorted = [...rows].sort((a, b) => a.cy0 - b.cy0);
  const gaps = sorted.slice(1).map((r, i) => r.cy0 - sorted[i]!.cy1).filter((g) => g > 0);
  const rowGap = gaps.length ? Math.min(...gaps) : Infinity;
  return Math.max(0.1 * em, Math.min(WRAP_GAP_EM * em, rowGap - 0.15 * em));
}

/** Tokens sharing a line (vertical overlap of half the smaller height), top to bottom. */
export function textLines(tokens: readonly Token[]): Token[][] {
  const sorted = [...tokens].sort((a, b) => a.cy0 + a.cy1 - b.cy0 - b.cy1);
  const lines: Token[][] = [];
  for (const t of sorted) {
    const line = lines[lines.length - 1];
    const last = line?.[line.length - 1];
    const h = Math.min(t.cy1 - t.cy0, last ? last.cy1 - last.cy0 : Infinity);
    const lo = line ? Math.min(...line.map((x) => x.cy0)) : 0;
    const hi = line ? Math.max(...line.map((x) => x.cy1)) : 0;
    if (line && Math.min(hi, t.cy1) - Math.max(lo, t.cy0) >= h / 2) line.push(t);
    else lines.push([t]);
  }
  return lines.map((l) => l.sort((a, b) => a.x0 - b.x0));
}

export function lineText(line: readonly Token[]): string {
  let s = '';
  let prev: Token | undefined;
  for (const t of line) {
    if (prev && t.x0 - prev.x1 > 0.25 * t.fontSize) s += ' ';
    s += t.text;
    prev = t;
  }
  return removeCjkSpaces(s.replace(/\s+/g, ' ').trim());
}

export function makeBlock(tokens: Token[]): Block {
  const text = textLines(tokens).map(lineText).reduce((a, b) => joinWrapped(a, b), '');
  return {
    tokens,
    x0: Math.min(...tokens.map((t) => t.x0)),
    x1: Math.max(...tokens.map((t) => t.x1)),
    cy0: Math.min(...tokens.map((t) => t.cy0)),
    cy1: Math.max(...tokens.map((t) => t.cy1)),
    text,
  };
}

/**
 * Stacks row labels into blocks: a line joins the block above when the gap
 * is a line gap, not a row gap — and, since tightly set rows stand as close
 * as wrapped lines, when it does not open a numbered item (2.…, （三）…) and
 * does not spoil a label of the template that the block already spells
 * (行政处罚 over 行政强制).
 */
export function stack(tokens: readonly Token[], em: number, wrap: number, match: (text: string) => HintMatch = () => null): Block[] {
  const groups: Token[][] = [];
  for (const line of textLines(tokens)) {
    for (const seg of segments(line, em)) {
      const target = groups[groups.length - 1];
      const joins = target && gapBelow(target, seg) <= wrap && !ITEM_START.test(seg[0]!.text) && !spoils(target, seg, match);
      if (joins) target.push(...seg);
      else groups.push([...seg]);
    }
  }
  return groups.map(makeBlock);
}

/** A numbered item: `2.`, `3、`, `（三）`, `四、`. */
const ITEM_START = /^\s*(?:[0-9０-９]+[.．、]|[（(][一二三四五六七八九十0-9０-９]+[)）]|[一二三四五六七八九十]+、)/;

/**
 * Text that already spells a whole label is not continued by text that
 * makes it no label at all — except by a note in brackets (采购总金额 /
 * （万元）).
 */
function spoils(tokens: readonly Token[], seg: readonly Token[], match: (text: string) => HintMatch): boolean {
  if (/^[（(［[]/.test(seg[0]!.text)) return false;
  return match(makeBlock([...tokens]).text) === 'exact' && match(makeBlock([...tokens, ...seg]).text) === null;
}

/**
 * Stacks header text into cells. The gap alone cannot tell a wrapped line
 * from the next header row: cell padding is often smaller than the leading
 * of the font (AR PL UMing prints lines 0.1 em apart, rows 0.5 em apart), so
 * a line continues the cell above only when it also reads like a wrapped
 * line (see `continues`).
 */
export function stackHeader(tokens: readonly Token[], em: number, wrap: number, match: (text: string) => HintMatch): Block[] {
  const lines = textLines(tokens).map((l) => segments(l, em));
  const all = lines.flat();
  const groups: Token[][][] = [];
  for (const line of lines) {
    for (const seg of line) {
      const target = closestAbove(groups.filter((g) => wrapAligned(g[g.length - 1]!, seg, em)), seg);
      if (target && continues(target, seg, all, em, wrap, match)) target.push(seg);
      else groups.push([seg]);
    }
  }
  return groups.map((g) => makeBlock(g.flat()));
}

/**
 * A wrapped line sits close under the line above, no wider than it (that
 * line was full), does not spoil a label (行政复议 over 其他结果), and is not
 * one of several headers fanning out under a spanning header (申请人情况
 * over 法人或其他组织, 法人或其他组织 over 科研机构 and 社会公益组织 …) —
 * unless the template's labels say the two lines spell one label.
 */
function continues(group: Token[][], seg: Token[], all: readonly Token[][], em: number, wrap: number, match: (text: string) => HintMatch): boolean {
  const last = group[group.length - 1]!;
  if (gapBelow(last, seg) > wrap) return false;
  if (extent(seg).x1 - extent(seg).x0 > extent(last).x1 - extent(last).x0 + 0.5 * em) return false;
  if (spoils(group.flat(), seg, match)) return false;
  if (!fansOut(last, all, em)) return true;
  return match(makeBlock(group.flat()).text) === 'prefix' && match(makeBlock([...group.flat(), ...seg]).text) !== null;
}

/** Lines of one cell are centred on each other, or share their left or right edge. */
function wrapAligned(above: Token[], seg: Token[], em: number): boolean {
  const a = extent(above), b = extent(seg);
  return Math.abs(centre(a) - centre(b)) <= 0.5 * em || Math.abs(a.x0 - b.x0) <= 0.25 * em || Math.abs(a.x1 - b.x1) <= 0.25 * em;
}

/** Header text below the line, under it, stands in two or more places: the line heads several columns. */
function fansOut(line: Token[], all: readonly Token[][], em: number): boolean {
  const e = extent(line);
  const bottom = Math.max(...line.map((t) => t.cy1));
  const mids = all
    .filter((s) => Math.min(...s.map((t) => t.cy0)) >= bottom - 0.2 * em)
    .map((s) => centre(extent(s)))
    .filter((m) => m >= e.x0 - 0.25 * em && m <= e.x1 + 0.25 * em)
    .sort((x, y) => x - y);
  return mids.some((m) => m - mids[0]! > 0.6 * em);
}

function extent(seg: readonly Token[]): { x0: number; x1: number } {
  return { x0: Math.min(...seg.map((t) => t.x0)), x1: Math.max(...seg.map((t) => t.x1)) };
}

/**
 * Pieces of one run of text touch; neighbouring cells of narrow columns
 * can be as close as half an em, so anything wider is a new cell.
 */
const SAME_RUN_GAP_EM = 0.25;

/** Splits a line where tokens do not touch (separate cells). */
function segments(line: Token[], em: number): Token[][] {
  const out: Token[][] = [];
  for (const t of line) {
    const cur = out[out.length - 1];
    if (cur && t.x0 - cur[cur.length - 1]!.x1 < SAME_RUN_GAP_EM * em) cur.push(t);
    else out.push([t]);
  }
  return out;
}

/** The group right above a segment (not one beside it on the same line). */
function closestAbove(groups: Token[][][], seg: Token[]): Token[][] | undefined {
  let best: Token[][] | undefined;
  let bestGap = Infinity;
  for (const g of groups) {
    const gap = gapBelow(g[g.length - 1]!, seg);
    if (gap > -0.5 * seg[0]!.fontSize && gap < bestGap) {
      best = g;
      bestGap = gap;
    }
  }
  return best;
}

function gapBelow(group: Token[], seg: Token[]): number {
  const bottom = Math.max(...group.map((t) => t.cy1));
  const top = Math.min(...seg.map((t) => t.cy0));
  return top - bottom;
}

function sitsUnder(group: Token[], seg: Token[], em: number): boolean {
  const g = { x0: Math.min(...group.map((t) => t.x0)), x1: Math.max(...group.map((t) => t.x1)) };
  const s = { x0: Math.min(...seg.map((t) => t.x0)), x1: Math.max(...seg.map((t) => t.x1)) };
  if (Math.abs(centre(g) - centre(s)) <= 0.6 * em) return true;
  const ov = Math.min(g.x1, s.x1) - Math.max(g.x0, s.x0);
  return ov >= 0.6 * Math.min(g.x1 - g.x0, s.x1 - s.x0);
}

/**
 * Joins a block to the one right below it when together they spell a label
 * of the template that neither spells alone: a wrapped label whose line
 * gap looked like a row gap (（三）不 / 予公开, 社会公 / 益组织).
 */
export function mergeByHints(blocks: Block[], em: number, match: (text: string) => HintMatch): Block[] {
  const out = [...blocks].sort((a, b) => a.cy0 - b.cy0);
  for (let i = 0; i < out.length; i++) {
    for (;;) {
      const a = out[i]!;
      if (match(a.text) === 'exact') break;
      const k = out.findIndex((b, j) => j > i && b.cy0 >= a.cy1 - 0.2 * em && b.cy0 - a.cy1 <= 1.5 * em && sitsUnder(a.tokens, b.tokens, em));
      if (k < 0) break;
      const joined = makeBlock([...a.tokens, ...out[k]!.tokens]);
      if (!match(joined.text)) break;
      out[i] = joined;
      out.splice(k, 1);
    }
  }
  return out;
}
