/**
 * The piece table ([MS-DOC] Clx, PlcPcd, Pcd): the document text as a list
 * of pieces, each a run of character positions (CPs)
 * stored at a file offset (FC) in the WordDocument stream, either as
 * UTF-16LE or "compressed" as one cp1252 byte per character
 * (FcCompressed.fCompressed). Chinese text is always in UTF-16 pieces.
 */
import { Bytes, CorruptDoc } from './bytes.js';
import type { FcLcb } from './fib.js';

export interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  fc: number;
  compressed: boolean;
  /** Pcd.prm when it points at a Prc grpprl (Prm1): sprms applied to the whole piece. */
  grpprl?: Uint8Array;
}

/**
 * Bytes 0x80–0x9F of compressed text ([MS-DOC] lists them; cp1252).
 * Decoded by hand: Node 20's TextDecoder('windows-1252') treats them as
 * Latin-1 control characters.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeCompressed(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}
// ignoreBOM: a U+FEFF in the text is a character like any other (one CP).
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Reads the Prc entries (clxt 1) and the Pcdt (clxt 2) of the Clx. */
export function readPieces(table: Bytes, clx: FcLcb, word: Bytes): Piece[] {
  if (clx.lcb === 0) throw new CorruptDoc('the file has no piece table (FibRgFcLcb97.fcClx)');
  const data = table.slice(clx.fc, clx.lcb, 'the piece table (Clx)');
  const prcs: Uint8Array[] = [];
  let at = 0;
  while (data.u8(at) === 0x01) {
    const cb = data.i16(at + 1);
    if (cb < 0) throw new CorruptDoc('a negative Prc size in the Clx');
    prcs.push(data.slice(at + 3, cb, 'a Prc in the Clx').data);
    at += 3 + cb;
  }
  if (data.u8(at) !== 0x02) throw new CorruptDoc('the Clx has no Pcdt');
  const lcb = data.u32(at + 1);
  const plc = data.slice(at + 5, lcb, 'the PlcPcd');
  // A PLC of n data elements has n + 1 CPs (4 bytes) and n Pcds (8 bytes).
  const n = Math.floor((lcb - 4) / 12);
  if (n <= 0 || 4 * (n + 1) + 8 * n !== lcb) throw new CorruptDoc(`the PlcPcd has a bad size (${lcb} bytes)`);
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = plc.u32(i * 4);
    const cpEnd = plc.u32(i * 4 + 4);
    if (cpEnd < cpStart) throw new CorruptDoc('the piece table is not in CP order');
    const pcd = 4 * (n + 1) + 8 * i;
    const fcRaw = plc.u32(pcd + 2);
    const compressed = (fcRaw & 0x40000000) !== 0;
    const fc = compressed ? (fcRaw & 0x3fffffff) / 2 : fcRaw & 0x3fffffff;
    word.check(fc, (cpEnd - cpStart) * (compressed ? 1 : 2), 'a piece of text');
    const piece: Piece = { cpStart, cpEnd, fc, compressed };
    const prm = plc.u16(pcd + 6);
    // Prm1 (fComplex): igrpprl indexes the Prc list; Prm0 (a single sprm) carries nothing this reader uses.
    if (prm & 1) {
      const grpprl = prcs[prm >> 1];
      if (grpprl) piece.grpprl = grpprl;
    }
    pieces.push(piece);
  }
  // Every character is stored somewhere in the stream; pieces that reuse the same bytes over and over are an attack, not a document.
  if (pieces[pieces.length - 1]!.cpEnd - pieces[0]!.cpStart > word.length) throw new CorruptDoc('the piece table claims more text than the file holds');
  return pieces;
}

/** The characters of one piece, CPs `[from, to)` (clamped to the piece). */
export function pieceText(word: Bytes, p: Piece, from = p.cpStart, to = p.cpEnd): string {
  const a = Math.max(from, p.cpStart) - p.cpStart;
  const b = Math.min(to, p.cpEnd) - p.cpStart;
  if (b <= a) return '';
  const size = p.compressed ? 1 : 2;
  const bytes = word.slice(p.fc + a * size, (b - a) * size, 'a piece of text').data;
  return p.compressed ? decodeCompressed(bytes) : UTF16.decode(bytes);
}

/** The FC (stream offset) of the character at `cp` inside piece `p`. */
export function fcOf(p: Piece, cp: number): number {
  return p.fc + (cp - p.cpStart) * (p.compressed ? 1 : 2);
}
