import { Bytes, CorruptDoc } from '../../../src/readers/doc/bytes.js';
import { pieceText, readPieces } from '../../../src/readers/doc/pieces.js';
import { sprms } from '../../../src/readers/doc/sprm.js';

/** A Clx holding a Pcdt over these pieces ([cp range, fc, compressed]). */
function clx(cps: number[], pcds: [number, boolean][]): Uint8Array {
  const plc = new DataView(new ArrayBuffer(4 * cps.length + 8 * pcds.length));
  cps.forEach((cp, i) => plc.setUint32(4 * i, cp, true));
  pcds.forEach(([fc, compressed], i) => plc.setUint32(4 * cps.length + 8 * i + 2, compressed ? (fc * 2) | 0x40000000 : fc, true));
  const out = new Uint8Array(5 + plc.byteLength);
  out[0] = 0x02;
  new DataView(out.buffer).setUint32(1, plc.byteLength, true);
  out.set(new Uint8Array(plc.buffer), 5);
  return out;
}

describe('the piece table', () => {
  it('reads compressed cp1252 pieces and UTF-16 pieces in CP order', () => {
    const word = new Uint8Array(64);
    word.set([0x41, 0x80, 0x42], 0); // "A€B" as cp1252
    word.set([0x00, 0x4e, 0x8c, 0x4e], 16); // "一二" as UTF-16LE
    const table = clx([0, 3, 5], [[0, true], [16, false]]);
    const w = new Bytes(word, 'WordDocument');
    const pieces = readPieces(new Bytes(table, '1Table'), { fc: 0, lcb: table.length }, w);
    expect(pieces.map((p) => pieceText(w, p)).join('')).toBe('A€B一二');
  });

  it('refuses a piece whose text lies outside the WordDocument stream', () => {
    const table = clx([0, 100], [[0, false]]);
    expect(() => readPieces(new Bytes(table, '1Table'), { fc: 0, lcb: table.length }, new Bytes(new Uint8Array(64), 'WordDocument'))).toThrow(CorruptDoc);
  });
});

describe('sprm operands', () => {
  it('sizes fixed operands from the spra bits and variable ones from their prefix', () => {
    // sprmCFBold (1 byte), sprmCHps (2 bytes), sprmTVertMerge (variable: cb 2).
    const grpprl = Uint8Array.from([0x35, 0x08, 0x01, 0x43, 0x4a, 0x20, 0x00, 0x2b, 0xd6, 0x02, 0x03, 0x01]);
    expect([...sprms(grpprl)].map((s) => [s.sprm.toString(16), [...s.operand]])).toEqual([
      ['835', [1]],
      ['4a43', [0x20, 0]],
      ['d62b', [3, 1]],
    ]);
  });

  it('stops at a sprm whose operand runs past the end', () => {
    expect([...sprms(Uint8Array.from([0x43, 0x4a, 0x20]))]).toEqual([]);
  });
});
