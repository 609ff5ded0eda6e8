/**
 * Formatted disk pages ([MS-DOC] PlcBteChpx, PlcBtePapx, ChpxFkp, PapxFkp):
 * 512-byte pages in the WordDocument stream mapping ranges of file offsets
 * (FCs) to character or paragraph properties. A paragraph's properties are those of the range holding its
 * paragraph mark; a character's those of the range holding the character.
 */
import { Bytes, CorruptDoc } from './bytes.js';
import type { FcLcb } from './fib.js';

export interface FcRun {
  fcStart: number;
  fcEnd: number;
  grpprl: Uint8Array;
  /** Paragraph runs: the style (GrpPrlAndIstd.istd). */
  istd: number;
}

const PAGE = 512;
const EMPTY = new Uint8Array(0);

/** The page numbers (PnFkpChpx / PnFkpPapx, low 22 bits) listed by a PlcBte. */
function pageNumbers(table: Bytes, plc: FcLcb, what: string): number[] {
  if (plc.lcb === 0) return [];
  const data = table.slice(plc.fc, plc.lcb, what);
  const n = Math.floor((plc.lcb - 4) / 8);
  const pns: number[] = [];
  for (let i = 0; i < n; i++) pns.push(data.u32(4 * (n + 1) + 4 * i) & 0x3fffff);
  // Each page once: a table naming the same page many times must not multiply the work.
  return [...new Set(pns)];
}

function pageOf(word: Bytes, pn: number, what: string): Bytes {
  return word.slice(pn * PAGE, PAGE, what);
}

/** A PapxInFkp at byte `at`: cb (or 0 and cb') then GrpPrlAndIstd. */
function papxAt(page: Bytes, at: number): { istd: number; grpprl: Uint8Array } {
  let cb = page.u8(at);
  let start = at + 1;
  let size = 2 * cb - 1;
  if (cb === 0) {
    cb = page.u8(at + 1);
    start = at + 2;
    size = 2 * cb;
  }
  if (size < 2 || start + size > PAGE) return { istd: 0, grpprl: EMPTY };
  return { istd: page.u16(start), grpprl: page.data.subarray(start + 2, start + size) };
}

export function readPapxRuns(word: Bytes, table: Bytes, plc: FcLcb): FcRun[] {
  const runs: FcRun[] = [];
  for (const pn of pageNumbers(table, plc, 'the PlcBtePapx')) {
    const page = pageOf(word, pn, 'a PapxFkp page');
    const crun = page.u8(PAGE - 1);
    // rgfc (crun + 1 FCs), then crun BxPap of 13 bytes (bOffset + PHE).
    if (4 * (crun + 1) + 13 * crun > PAGE - 1) throw new CorruptDoc('a PapxFkp page has too many runs');
    for (let i = 0; i < crun; i++) {
      const bOffset = page.u8(4 * (crun + 1) + 13 * i);
      const { istd, grpprl } = bOffset ? papxAt(page, bOffset * 2) : { istd: 0, grpprl: EMPTY };
      runs.push({ fcStart: page.u32(4 * i), fcEnd: page.u32(4 * i + 4), grpprl, istd });
    }
  }
  return sortRuns(runs);
}

export function readChpxRuns(word: Bytes, table: Bytes, plc: FcLcb): FcRun[] {
  const runs: FcRun[] = [];
  for (const pn of pageNumbers(table, plc, 'the PlcBteChpx')) {
    const page = pageOf(word, pn, 'a ChpxFkp page');
    const crun = page.u8(PAGE - 1);
    // rgfc (crun + 1 FCs), then crun one-byte word offsets of the Chpx.
    if (4 * (crun + 1) + crun > PAGE - 1) throw new CorruptDoc('a ChpxFkp page has too many runs');
    for (let i = 0; i < crun; i++) {
      const b = page.u8(4 * (crun + 1) + i) * 2;
      let grpprl: Uint8Array = EMPTY;
      if (b) {
        const cb = page.u8(b);
        if (b + 1 + cb <= PAGE) grpprl = page.data.subarray(b + 1, b + 1 + cb);
      }
      runs.push({ fcStart: page.u32(4 * i), fcEnd: page.u32(4 * i + 4), grpprl, istd: 0 });
    }
  }
  return sortRuns(runs);
}

function sortRuns(runs: FcRun[]): FcRun[] {
  return runs.filter((r) => r.fcEnd > r.fcStart).sort((a, b) => a.fcStart - b.fcStart);
}

/** The run holding `fc`, by binary search (runs sorted, not overlapping). */
export function runAt(runs: FcRun[], fc: number): FcRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return undefined;
}
