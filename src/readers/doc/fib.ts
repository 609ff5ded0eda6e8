/**
 * The File Information Block at the start of the WordDocument stream
 * ([MS-DOC] Fib): which table stream to use, whether the file is
 * encrypted, the length of the main document text, and where the structures
 * this reader needs live in the table stream (FibRgFcLcb97 fc/lcb pairs).
 */
import { InputError } from '../../model/document.js';
import type { Bytes } from './bytes.js';

/** A structure in the table stream: its offset and byte count. */
export interface FcLcb {
  fc: number;
  lcb: number;
}

export interface Fib {
  nFib: number;
  /** fWhichTblStm: the table stream is 1Table (else 0Table). */
  tableStream: '0Table' | '1Table';
  /** FibRgLw97.ccpText: characters of the main document (CP 0 … ccpText). */
  ccpText: number;
  stshf: FcLcb;
  plcfBteChpx: FcLcb;
  plcfBtePapx: FcLcb;
  clx: FcLcb;
  plfLst: FcLcb;
  plfLfo: FcLcb;
}

/** wIdent of a Word binary document. */
const W_IDENT = 0xa5ec;
/** Word 97 writes nFib 0x00C1; Word 6/95 files (< 0x0065…0x0068) have another layout. */
const MIN_NFIB = 0x00c0;

/** Indices of the pairs in FibRgFcLcb97. */
const RG = { stshf: 1, plcfBteChpx: 12, plcfBtePapx: 13, clx: 33, plfLst: 73, plfLfo: 74 } as const;

export function readFib(word: Bytes): Fib {
  if (word.length < 154 || word.u16(0) !== W_IDENT) throw new InputError('not a Word document: the WordDocument stream has no Word 97–2003 header');
  const nFib = word.u16(2);
  const flags = word.u16(0x0a);
  // FibBase.fEncrypted (bit 8): RC4 or XOR obfuscation (fObfuscated), unreadable without the password.
  if (flags & 0x0100) throw new InputError('encrypted .doc: the file is password-protected; remove the password in Word and save it again');
  if (nFib < MIN_NFIB) throw new InputError(`not a Word 97–2003 document: Word 6/95 .doc files (nFib ${nFib}) are not supported; save the file as .docx`);

  // FibBase (32 bytes), csw + fibRgW, cslw + fibRgLw, cbRgFcLcb + fibRgFcLcbBlob.
  const csw = word.u16(32);
  const rgLw = 32 + 2 + csw * 2 + 2;
  const cslw = word.u16(rgLw - 2);
  const cbRgFcLcb = word.u16(rgLw + cslw * 4);
  const rgFcLcb = rgLw + cslw * 4 + 2;
  const pair = (i: number): FcLcb =>
    i < cbRgFcLcb ? { fc: word.u32(rgFcLcb + i * 8), lcb: word.u32(rgFcLcb + i * 8 + 4) } : { fc: 0, lcb: 0 };

  return {
    nFib,
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    ccpText: cslw > 3 ? word.i32(rgLw + 12) : 0,
    stshf: pair(RG.stshf),
    plcfBteChpx: pair(RG.plcfBteChpx),
    plcfBtePapx: pair(RG.plcfBtePapx),
    clx: pair(RG.clx),
    plfLst: pair(RG.plfLst),
    plfLfo: pair(RG.plfLfo),
  };
}
