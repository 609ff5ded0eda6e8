/**
 * Automatic numbering ([MS-DOC] PlfLst, LSTF, LVL, LVLF, PlfLfo, LFO,
 * LFOLVL): paragraphs carry sprmPIlfo/sprmPIlvl; the LFO names a list (by
 * lsid) and may override its levels' start values. Like the DOCX reader, the rendered
 * number (一、 （一） 1.) is written into the paragraph text, since the
 * locator needs the numeral of a numbered heading.
 */
import { formatCounter } from '../docx/numbering.js';
import { Bytes } from './bytes.js';
import type { FcLcb } from './fib.js';

interface Level {
  start: number;
  /** MSONFC number format. */
  nfc: number;
  /** fLegal: every level's number in arabic. */
  legal: boolean;
  /** The level text; characters 0…8 are placeholders for that level's number. */
  text: string;
}

interface List {
  lsid: number;
  levels: Level[];
}

interface Override {
  lsid: number;
  /** LFOLVL with fStartAt (or a whole LVL with fFormatting), by level. */
  levels: Map<number, { start?: number; level?: Level }>;
}

export interface Numbering {
  lists: Map<number, List>;
  overrides: Override[];
}

const LSTF_SIZE = 28;
const LVLF_SIZE = 28;
const LFO_SIZE = 16;
const MAX_LISTS = 10000;
/** Word's level text holds a few characters (一、 or （%1）); more is not a number. */
const MAX_LEVEL_TEXT = 64;

/** MSONFC → the `w:numFmt` names formatCounter understands ([MS-DOC] LVLF.nfc, [MS-OSHARED] MSONFC). */
const NFC: Record<number, string> = {
  0: 'decimal', 1: 'upperRoman', 2: 'lowerRoman', 3: 'upperLetter', 4: 'lowerLetter',
  10: 'ideographDigital', 11: 'japaneseCounting', 14: 'decimalFullWidth', 18: 'decimalEnclosedCircle',
  19: 'decimalFullWidth2', 22: 'decimalZero', 23: 'bullet', 28: 'decimalEnclosedCircleChinese',
  30: 'ideographTraditional', 33: 'taiwaneseCounting', 34: 'ideographLegalTraditional',
  35: 'taiwaneseCountingThousand', 37: 'chineseCounting', 38: 'chineseLegalSimplified',
  39: 'chineseCountingThousand', 40: 'ideographDigital', 255: 'none',
};

/** An LVL at `at`: LVLF, grpprlPapx, grpprlChpx, then the xst level text. Returns its end too. */
function readLevel(d: Bytes, at: number): [Level, number] {
  const start = d.i32(at);
  const nfc = d.u8(at + 4);
  const legal = (d.u8(at + 5) & 0x04) !== 0;
  const cbChpx = d.u8(at + 24);
  const cbPapx = d.u8(at + 25);
  const xst = at + LVLF_SIZE + cbPapx + cbChpx;
  const cch = d.u16(xst);
  d.check(xst + 2, cch * 2, 'a list level text');
  let text = '';
  for (let i = 0; i < Math.min(cch, MAX_LEVEL_TEXT); i++) text += String.fromCharCode(d.u16(xst + 2 + 2 * i));
  return [{ start, nfc, legal, text }, xst + 2 + cch * 2];
}

function readLists(table: Bytes, plfLst: FcLcb): Map<number, List> {
  const lists = new Map<number, List>();
  if (plfLst.lcb < 2) return lists;
  // lcbPlfLst covers cLst and the LSTFs only: the LVLs of all lists follow it in the table stream, in list order.
  table.check(plfLst.fc, plfLst.lcb, 'the list table (PlfLst)');
  const base = plfLst.fc;
  const cLst = Math.min(table.i16(base), MAX_LISTS);
  let at = base + 2 + cLst * LSTF_SIZE;
  for (let i = 0; i < cLst; i++) {
    const lstf = base + 2 + i * LSTF_SIZE;
    const lsid = table.i32(lstf);
    const simple = (table.u8(lstf + 26) & 1) !== 0;
    const levels: Level[] = [];
    for (let k = 0; k < (simple ? 1 : 9); k++) {
      const [level, end] = readLevel(table, at);
      levels.push(level);
      at = end;
    }
    lists.set(lsid, { lsid, levels });
  }
  return lists;
}

function readOverrides(table: Bytes, plfLfo: FcLcb): Override[] {
  if (plfLfo.lcb < 4) return [];
  const d = table.slice(plfLfo.fc, plfLfo.lcb, 'the list overrides (PlfLfo)');
  const lfoMac = Math.min(d.u32(0), MAX_LISTS);
  const out: Override[] = [];
  // rgLfo (LFO each), then for each LFO an LFOData: cp, then clfolvl LFOLVLs.
  let at = 4 + lfoMac * LFO_SIZE;
  for (let i = 0; i < lfoMac; i++) {
    const lfo = 4 + i * LFO_SIZE;
    const clfolvl = d.u8(lfo + 12);
    const levels = new Map<number, { start?: number; level?: Level }>();
    at += 4; // LFOData.cp, present even when the LFO overrides no level
    for (let k = 0; k < clfolvl && at + 8 <= d.length; k++) {
      const startAt = d.i32(at);
      const flags = d.u32(at + 4);
      at += 8;
      const o: { start?: number; level?: Level } = {};
      if (flags & 0x10) o.start = startAt; // fStartAt
      if (flags & 0x20) [o.level, at] = readLevel(d, at); // fFormatting: a whole LVL follows
      levels.set(flags & 0x0f, o);
    }
    out.push({ lsid: d.i32(lfo), levels });
  }
  return out;
}

/** Reads the list tables; numbering that cannot be read is dropped with a warning, not fatal. */
export function readNumbering(table: Bytes, plfLst: FcLcb, plfLfo: FcLcb, warnings: string[]): Numbering {
  try {
    return { lists: readLists(table, plfLst), overrides: readOverrides(table, plfLfo) };
  } catch (e) {
    warnings.push(`list numbering not read: ${(e as Error).message}`);
    return { lists: new Map(), overrides: [] };
  }
}

/** Counts numbered paragraphs in document order and renders their numbers. */
export class NumberingRenderer {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly numbering: Numbering) {}

  /** The rendered number of a paragraph with this ilfo/ilvl ('' when none). */
  next(ilfo: number, ilvl: number): string {
    const lfo = this.numbering.overrides[ilfo - 1];
    const list = lfo && this.numbering.lists.get(lfo.lsid);
    if (!lfo || !list || ilvl < 0 || ilvl >= list.levels.length) return '';
    const levelOf = (k: number): Level | undefined => {
      const o = lfo.levels.get(k);
      const base = o?.level ?? list.levels[k];
      return base && o?.start !== undefined ? { ...base, start: o.start } : base;
    };
    // An LFO that restarts a level (fStartAt, or a whole new LVL) counts on its own; otherwise all LFOs of a list share counters.
    const restarts = [...lfo.levels.values()].some((o) => o.start !== undefined || o.level);
    const key = restarts ? `lfo:${ilfo}` : `lst:${lfo.lsid}`;
    const counter = this.counters.get(key) ?? [];
    this.counters.set(key, counter);
    counter[ilvl] = counter[ilvl] === undefined ? (levelOf(ilvl)?.start ?? 1) : counter[ilvl]! + 1;
    counter.length = ilvl + 1; // deeper levels restart
    const level = levelOf(ilvl)!;
    if (NFC[level.nfc] === 'bullet' || level.nfc === 255) return '';
    return [...level.text]
      .map((ch) => {
        const k = ch.charCodeAt(0);
        if (k > 8) return ch;
        const lvl = levelOf(k);
        if (!lvl) return '';
        return formatCounter(counter[k] ?? lvl.start, level.legal ? 'decimal' : (NFC[lvl.nfc] ?? 'decimal'));
      })
      .join('');
  }
}
