/**
 * The text-only copy's `sanitizeGlyphLocations` (scripts/pdfjs-text-only-fonts.mjs)
 * against pdf.js's own, both taken from the build's copy of pdf.js: on made-up
 * TrueType glyph tables and indexes, they find the same missing glyphs, the same
 * largest instructions, fail alike, and repair the glyph bytes alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR } from '../../../scripts/pdfjs-text-only.mjs';

type Table = { data: Uint8Array };
type Sanitize = (
  loca: Table,
  glyf: Table,
  numGlyphs: number,
  isLong: number,
  hintsValid: boolean,
  dupFirstEntry: boolean,
  maxSizeOfInstructions: number,
) => { missingGlyphs: Record<number, unknown>; maxSizeOfInstructions: number };

const worker = readFileSync(join(OUT_DIR, 'pdf.worker.mjs'), 'utf8');

/** The source text from `start` up to (not including) `end`, each found once. */
function between(start: string, end: string): string {
  const at = worker.indexOf(start);
  expect(at).toBeGreaterThan(0);
  expect(worker.indexOf(start, at + 1)).toBe(-1);
  const to = worker.indexOf(end, at);
  expect(to).toBeGreaterThan(at);
  return worker.slice(at, to);
}

function loadBoth(): { textOnly: Sanitize; full: Sanitize } {
  const source = [
    between('function writeSignedInt16(', 'function writeUint32('),
    between('    function sanitizeGlyph(source', '    function sanitizeHead('),
    between('    // gongkai text-only (edit truetype-missing-glyphs-only)', '    function readPostScriptTable('),
    'return { textOnly: sanitizeGlyphLocations, full: sanitizeGlyphLocationsForDrawing };',
  ].join('\n');
  return new Function(source)() as { textOnly: Sanitize; full: Sanitize };
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** One glyph: mostly well-formed simple glyphs (flags with repeats, instructions), some composite, broken or random. */
function glyph(r: (n: number) => number): number[] {
  const kind = r(10);
  if (kind === 0) return Array.from({ length: r(20) }, () => r(256));
  const box = [r(256), r(256), r(256), r(256), r(256), r(256), r(256), r(256)];
  if (kind === 1) return [0xff, 0xff - r(2), ...box, ...Array.from({ length: r(12) }, () => r(256))];
  const contours = r(4);
  const bytes = [0, contours, ...box];
  let points = 0;
  for (let c = 0; c < contours; c++) {
    points += 1 + r(4);
    bytes.push(0, points - 1);
  }
  const instructions = r(3) ? 0 : r(6);
  bytes.push(0, instructions, ...Array.from({ length: instructions }, () => r(256)));
  for (let p = 0; p < points; p++) {
    const flag = r(256);
    bytes.push(flag);
    if (flag & 8) {
      const repeat = r(3);
      bytes.push(repeat);
      p += repeat;
    }
  }
  bytes.push(...Array.from({ length: points * r(5) }, () => r(256)));
  if (kind === 2) bytes.length = Math.max(0, bytes.length - 1 - r(6)); // truncated
  while (r(2)) bytes.push(r(256)); // padding
  return bytes;
}

function makeFont(seed: number) {
  const r = random(seed);
  const numGlyphs = r(8) ? 1 + r(30) : r(2);
  const isLong = r(2);
  const glyphs = Array.from({ length: numGlyphs }, () => (r(5) ? glyph(r) : []));
  const glyf: number[] = [];
  let offsets: number[] = [];
  for (const g of glyphs) {
    offsets.push(glyf.length);
    glyf.push(...g);
    if (!isLong && glyf.length % 2) glyf.push(0); // the short index counts words
  }
  offsets.push(glyf.length);
  const damage = r(4);
  if (damage === 1) offsets = offsets.map((o) => (r(6) ? o : r(glyf.length + 40))); // out of order, past the end
  if (damage === 2) for (let i = 0; i < 1 + r(3); i++) offsets[r(offsets.length)] = 0; // empty first glyphs, zeros
  if (damage === 3) offsets[r(offsets.length)] = offsets[r(offsets.length)]!; // two glyphs at one offset
  if (!isLong) offsets = offsets.map((o) => Math.min(o, 0x1fffe) & ~1);
  const size = isLong ? 4 : 2;
  const count = offsets.length + (r(3) ? 1 : 0); // the index one entry longer (room for the duplicated first glyph) or not
  const loca = new Uint8Array(Math.max(0, count * size - (r(6) ? 0 : 1 + r(2 * size)))); // sometimes cut short
  offsets.forEach((o, i) => {
    if (isLong && r(15) === 0) o = 0x80000000 + r(100); // a negative 32-bit offset
    const bytes = isLong ? [o >>> 24, (o >>> 16) & 255, (o >>> 8) & 255, o & 255] : [(o >>> 9) & 255, (o >>> 1) & 255];
    bytes.forEach((b, k) => {
      if (i * size + k < loca.length) loca[i * size + k] = b;
    });
  });
  return { numGlyphs, isLong, loca, glyf: Uint8Array.from(glyf), hintsValid: r(2) === 1, dupFirstEntry: r(4) > 0, maxIns: r(3) ? 0 : r(8) };
}

type Outcome = { missing: boolean[]; maxSizeOfInstructions: number; repairedGlyf: number[] } | { error: string };

function run(fn: Sanitize, font: ReturnType<typeof makeFont>): Outcome {
  const glyf = { data: font.glyf.slice() };
  const repaired = glyf.data; // pdf.js repairs flags and boxes in the table it was given
  try {
    const out = fn({ data: font.loca.slice() }, glyf, font.numGlyphs, font.isLong, font.hintsValid, font.dupFirstEntry, font.maxIns);
    // What the one reader, hasGlyph, asks: `!missingGlyphs[id]`, for ids in and out of range.
    const ids = [-1, ...Array.from({ length: font.numGlyphs + 2 }, (_, i) => i), 1.5];
    return { missing: ids.map((id) => !!out.missingGlyphs[id]), maxSizeOfInstructions: out.maxSizeOfInstructions, repairedGlyf: [...repaired] };
  } catch (e) {
    return { error: String(e) };
  }
}

describe("the text-only copy's TrueType glyph check", () => {
  const { textOnly, full } = loadBoth();

  it('finds the same missing glyphs as pdf.js on made-up fonts, fails alike, repairs alike', () => {
    let missingSeen = 0;
    let unordered = 0;
    let failed = 0;
    for (let seed = 1; seed <= 4000; seed++) {
      const font = makeFont(seed);
      const a = run(full, font);
      const b = run(textOnly, font);
      expect({ seed, ...b }).toEqual({ seed, ...a });
      if ('missing' in a && a.missing.some(Boolean)) missingSeen++;
      if ('error' in a) failed++;
      const view = new DataView(font.loca.buffer);
      const size = font.isLong ? 4 : 2;
      for (let i = 1; (i + 1) * size <= font.loca.length && i <= font.numGlyphs; i++) {
        const at = (k: number) => (font.isLong ? view.getInt32(k * size) : view.getUint16(k * size));
        if (at(i) < at(i - 1)) {
          unordered++;
          break;
        }
      }
    }
    // The made-up fonts reach the cases that matter.
    expect(missingSeen).toBeGreaterThan(1000);
    expect(unordered).toBeGreaterThan(1000);
    expect(failed).toBeGreaterThan(100);
  });

  it('is the one the copy calls, and pdf.js keeps its own under another name', () => {
    expect(worker.match(/function sanitizeGlyphLocations\(/g)).toHaveLength(1);
    expect(worker).toContain('function sanitizeGlyphLocationsForDrawing(');
    expect(worker).toContain('const glyphsInfo = sanitizeGlyphLocations(tables.loca, tables.glyf,');
  });
});
