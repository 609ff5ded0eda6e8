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

/** Wrapped lines of one cell sit closer than this (em, gap between lines); rows sit further apart. */
export const WRAP_GAP_EM = 0.55;

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
 * Stacks the lines of one column into blocks: a line joins the block above
 * when the gap is a line gap, not a row gap, and (when `aligned`) it sits
 * under it — same middle or mostly overlapping.
 */
export function stack(tokens: readonly Token[], em: number, aligned: boolean): Block[] {
  const groups: Token[][] = [];
  for (const line of textLines(tokens)) {
    for (const seg of segments(line, em)) {
      const target = aligned ? closestAbove(groups.filter((g) => sitsUnder(g, seg, em)), seg) : groups[groups.length - 1];
      if (target && gapBelow(target, seg) <= WRAP_GAP_EM * em) target.push(...seg);
      else groups.push([...seg]);
    }
  }
  return groups.map(makeBlock);
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
function closestAbove(groups: Token[][], seg: Token[]): Token[] | undefined {
  let best: Token[] | undefined;
  let bestGap = Infinity;
  for (const g of groups) {
    const gap = gapBelow(g, seg);
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
