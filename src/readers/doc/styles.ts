/**
 * The style sheet ([MS-DOC] STSH, STD, UPX): for each
 * style index (istd) its base style and the paragraph and character sprms it
 * applies. A paragraph's properties start from its style's chain (base
 * first), then its own PAPX; numbered headings often get their list from the
 * style.
 */
import { Bytes } from './bytes.js';
import type { FcLcb } from './fib.js';

export interface Style {
  /** Paragraph sprms (UpxPapx) of the style and its bases, base first. */
  papx: Uint8Array[];
  /** Character sprms (UpxChpx) of the style and its bases, base first. */
  chpx: Uint8Array[];
}

interface RawStyle {
  kind: number;
  base: number;
  papx?: Uint8Array;
  chpx?: Uint8Array;
}

const ISTD_NIL = 0x0fff;
const MAX_CHAIN = 16;
const STK_PARA = 1;
const STK_CHAR = 2;

/** The UPXs of one STD (after its Stdf and name), by style kind. */
function readUpxs(std: Bytes, at: number, kind: number, cupx: number): Pick<RawStyle, 'papx' | 'chpx'> {
  const out: Pick<RawStyle, 'papx' | 'chpx'> = {};
  for (let i = 0; i < cupx && at + 2 <= std.length; i++) {
    const cb = std.u16(at);
    if (at + 2 + cb > std.length) break;
    const upx = std.data.subarray(at + 2, at + 2 + cb);
    if (kind === STK_PARA && i === 0) out.papx = upx.subarray(Math.min(2, upx.length)); // UpxPapx: istd, then grpprl
    else if ((kind === STK_PARA && i === 1) || (kind === STK_CHAR && i === 0)) out.chpx = upx;
    at += 2 + cb + (cb & 1); // each LPUpx is padded to an even length
  }
  return out;
}

function readStd(std: Bytes, cbBase: number): RawStyle | undefined {
  if (std.length < 10) return undefined;
  const kind = std.u16(2) & 0x0f;
  const base = std.u16(2) >> 4;
  const cupx = std.u16(4) & 0x0f;
  // xstzName: a count, that many UTF-16 characters, and a terminating zero.
  const nameAt = cbBase;
  if (nameAt + 2 > std.length) return { kind, base };
  const cch = std.u16(nameAt);
  return { kind, base, ...readUpxs(std, nameAt + 2 + cch * 2 + 2, kind, cupx) };
}

function readRaw(table: Bytes, stshf: FcLcb): RawStyle[] {
  if (stshf.lcb < 4) return [];
  const data = table.slice(stshf.fc, stshf.lcb, 'the style sheet (STSH)');
  const cbStshi = data.u16(0);
  const cstd = data.u16(2);
  // Stshif.cbSTDBaseInFile: 10 bytes (Word 97) or 18 (StdfPost2000 too).
  const cbBase = data.u16(4);
  const styles: RawStyle[] = [];
  let at = 2 + cbStshi;
  for (let i = 0; i < cstd && at + 2 <= data.length; i++) {
    const cbStd = data.u16(at);
    const raw = cbStd && at + 2 + cbStd <= data.length ? readStd(data.slice(at + 2, cbStd, 'a style'), cbBase) : undefined;
    styles.push(raw ?? { kind: 0, base: ISTD_NIL });
    at += 2 + cbStd;
  }
  return styles;
}

/** Resolves each style's chain of base styles into flat sprm lists. */
export function readStyles(table: Bytes, stshf: FcLcb): Style[] {
  const raw = readRaw(table, stshf);
  return raw.map((_, istd) => {
    const chain: RawStyle[] = [];
    for (let i = istd; i !== ISTD_NIL && raw[i] && chain.length < MAX_CHAIN; i = raw[i]!.base) chain.unshift(raw[i]!);
    return {
      papx: chain.flatMap((s) => (s.papx ? [s.papx] : [])),
      chpx: chain.flatMap((s) => (s.chpx ? [s.chpx] : [])),
    };
  });
}
