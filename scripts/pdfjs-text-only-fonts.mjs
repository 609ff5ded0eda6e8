// The edits of the text-only pdf.js copy that concern fonts (part of
// scripts/pdfjs-text-only.mjs's EDITS; same rules: each `find` occurs exactly
// once in pdfjs-dist 5.6.205). Fonts are parsed for what text extraction
// reads — widths, encodings, ToUnicode, FontMatrix, and the repairs whose
// errors make pdf.js fall back to a standard font — but nothing is built or
// written out that only drawing uses: glyph outlines, Type 3 glyph programs,
// CFF, Type 1 and OpenType font files, Type 2 glyph programs, a repaired
// TrueType file and its new glyph table.
//
// The last edit, truetype-missing-glyphs-only, reads a TrueType font's glyph
// table without writing a new one:
//
// pdf.js repairs every embedded TrueType font before using it
// (`checkAndRepair`). One step, `sanitizeGlyphLocations`, walks the glyph
// table ('glyf') through its index ('loca'): it sorts an object per glyph by
// offset and back, checks each glyph (`sanitizeGlyph`) and copies it into a
// new glyph table the size of the old one, with a new index. Text extraction
// needs one result of it: which glyphs are missing (a glyph `sanitizeGlyph`
// finds empty or broken), which decides the character-to-glyph map. The new
// tables are only written into the font file made for drawing, which the
// copy never writes (edit no-truetype-output). A full CJK font's glyph table
// is megabytes, copied once per document that embeds it.
//
// The text-only `sanitizeGlyphLocations` decides exactly as pdf.js does:
//   - each glyph's range is the same: offsets decoded from the same index
//     (padded with zeros or cut to the same size), capped at the table's
//     length; a glyph ends where the next one in offset order starts, ties
//     kept in glyph order (pdf.js's stable sort of its entries; an index
//     already in order, as in almost every font, is not sorted at all); the
//     same two fix-ups of empty first glyphs and of the last glyph;
//   - each glyph is checked by pdf.js's own `sanitizeGlyph`, unchanged (it
//     still repairs flags and boxes in place, as before), writing into a sink
//     that keeps nothing: what it returns (the glyph's length, its
//     instructions' size) does not depend on what it writes; the sink fails
//     as the new table would, with the same RangeError, where a write would
//     not fit (it can: a damaged index gives glyphs overlapping ranges, and
//     pdf.js then gives up on the font);
//   - the missing glyphs are a byte per glyph instead of an object's keys:
//     the one reader, `hasGlyph`, gets the same answer for any glyph id;
//   - a font with no glyphs goes to pdf.js's function (it throws there).
// The 'glyf' and 'loca' tables are left as they were read: nothing after this
// step reads them in the copy. A test runs both functions on thousands of
// made-up indexes and glyph tables (unsorted, overlapping, out of range,
// truncated, composite) and compares what they return and what they repair.

/** The text-only function, added before pdf.js's own (renamed sanitizeGlyphLocationsForDrawing). */
const TEXT_ONLY_GLYPH_LOCATIONS = `    // gongkai text-only (edit truetype-missing-glyphs-only): see scripts/pdfjs-text-only-fonts.mjs
    function sanitizeGlyphLocations(loca, glyf, numGlyphs, isGlyphLocationsLong, hintsValid, dupFirstEntry, maxSizeOfInstructions) {
      if (!(numGlyphs >= 1)) {
        return sanitizeGlyphLocationsForDrawing(loca, glyf, numGlyphs, isGlyphLocationsLong, hintsValid, dupFirstEntry, maxSizeOfInstructions);
      }
      const itemSize = isGlyphLocationsLong ? 4 : 2;
      const numGlyphsOut = dupFirstEntry ? numGlyphs + 1 : numGlyphs;
      const locaDataSize = itemSize * (1 + numGlyphsOut);
      const locaData = new Uint8Array(locaDataSize);
      locaData.set(loca.data.subarray(0, locaDataSize));
      const glyfData = glyf.data;
      const glyfLength = glyfData.length;
      const count = numGlyphs + 1;
      const offsets = new Int32Array(count);
      let inOrder = true;
      for (let i = 0, j = 0; i < count; i++, j += itemSize) {
        let offset = isGlyphLocationsLong
          ? locaData[j] << 24 | locaData[j + 1] << 16 | locaData[j + 2] << 8 | locaData[j + 3]
          : locaData[j] << 9 | locaData[j + 1] << 1;
        if (offset > glyfLength) {
          offset = glyfLength;
        }
        offsets[i] = offset;
        if (i > 0 && offset < offsets[i - 1]) {
          inOrder = false;
        }
      }
      const ends = new Int32Array(count);
      if (inOrder) {
        for (let i = 0; i < numGlyphs; i++) {
          ends[i] = offsets[i + 1];
        }
      } else {
        const order = Array.from({ length: count }, (_, i) => i);
        order.sort((a, b) => offsets[a] - offsets[b]);
        for (let k = 0; k < numGlyphs; k++) {
          ends[order[k]] = offsets[order[k + 1]];
        }
      }
      for (let i = 0; i < numGlyphs; i++) {
        if (offsets[i] !== 0 || ends[i] !== 0) {
          break;
        }
        const nextOffset = offsets[i + 1];
        if (nextOffset === 0) {
          continue;
        }
        ends[i] = nextOffset;
        break;
      }
      const last = numGlyphs - 1;
      if (offsets[last] !== 0 && ends[last] === 0) {
        ends[last] = glyfLength;
      }
      const sink = {
        set(array, offset) {
          if ((Number.isNaN(offset) ? 0 : offset) + array.length > glyfLength) {
            throw new RangeError("offset is out of bounds");
          }
        }
      };
      const missingGlyphs = new Uint8Array(numGlyphs);
      let writeOffset = 0;
      let afterFirst = 0;
      for (let i = 0; i < numGlyphs; i++) {
        const glyphProfile = sanitizeGlyph(glyfData, offsets[i], ends[i], sink, writeOffset, hintsValid);
        const newLength = glyphProfile.length;
        if (newLength === 0) {
          missingGlyphs[i] = 1;
        }
        if (glyphProfile.sizeOfInstructions > maxSizeOfInstructions) {
          maxSizeOfInstructions = glyphProfile.sizeOfInstructions;
        }
        writeOffset += newLength;
        if (i === 0) {
          afterFirst = writeOffset;
        }
      }
      if (writeOffset !== 0 && dupFirstEntry && Number.isNaN(writeOffset)) {
        const firstEntryLength = isGlyphLocationsLong
          ? (afterFirst >>> 24 & 0xff) << 24 | (afterFirst >> 16 & 0xff) << 16 | (afterFirst >> 8 & 0xff) << 8 | afterFirst & 0xff
          : (afterFirst >> 9 & 0xff) << 9 | (afterFirst >> 1 & 0xff) << 1;
        if (Math.min(firstEntryLength, glyfLength) > 0) {
          throw new RangeError("offset is out of bounds");
        }
      }
      return {
        missingGlyphs,
        maxSizeOfInstructions
      };
    }
`;

const SIGNATURE = '(loca, glyf, numGlyphs, isGlyphLocationsLong, hintsValid, dupFirstEntry, maxSizeOfInstructions) {\n';

export const FONT_EDITS = [
  {
    id: 'no-glyph-outlines',
    file: 'pdf.worker.mjs',
    why: 'glyph outlines are built for drawing only',
    find: '  static buildFontPaths(font, glyphs, handler, evaluatorOptions) {\n',
    replace: '  static buildFontPaths(font, glyphs, handler, evaluatorOptions) {\n    return; // gongkai text-only: no glyph outlines\n',
  },
  {
    id: 'no-type3-glyph-programs',
    file: 'pdf.worker.mjs',
    why: 'Type 3 glyph programs are compiled for drawing only',
    find: '          await translated.loadType3Data(this, resources, task);\n',
    replace: '          // gongkai text-only: Type 3 glyph programs are not compiled\n',
  },
  {
    id: 'no-cff-output',
    file: 'pdf.worker.mjs',
    why: 'a CFF font is compiled again (into a plain array, byte by byte) only to be drawn; its parse, which gives widths, charset, encoding and FontMatrix, stays',
    find: '    try {\n      this.data = compiler.compile();\n    } catch {\n      warn("Failed to compile font " + properties.loadedName);\n      this.data = file;\n    }\n',
    replace: '    this.data = undefined; // gongkai text-only: the compiled font is for drawing only\n',
  },
  {
    id: 'no-type1-output',
    file: 'pdf.worker.mjs',
    why: 'a Type 1 font is rewrapped and compiled as CFF (from Type 2 charstring and subroutine lists gathered for it) only to be drawn; its parse (widths, encoding, seac accents) stays',
    find: [
      '    const type2Charstrings = this.getType2Charstrings(charstrings);',
      '    const subrs = this.getType2Subrs(data.subrs);',
      '    this.charstrings = charstrings;',
      '    this.data = this.wrap(name, type2Charstrings, this.charstrings, subrs, properties);',
      '',
    ].join('\n'),
    replace: [
      '    this.charstrings = charstrings;',
      '    this.data = undefined; // gongkai text-only: the rewrapped font is for drawing only',
      '',
    ].join('\n'),
  },
  {
    id: 'no-opentype-output',
    file: 'pdf.worker.mjs',
    why: 'Type 1 and CFF fonts are wrapped in a new OpenType file only to be drawn; what convert() sets before that (ToUnicode from the built-in encoding, the char-to-glyph map, seac accents) stays',
    find: '    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(',
    replace: '    return undefined; // gongkai text-only: the OpenType file is for drawing only\n    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(',
  },
  {
    id: 'no-truetype-output',
    file: 'pdf.worker.mjs',
    why: 'a repaired TrueType font is written out again only to be drawn; the repairs before it, whose errors make pdf.js fall back to a standard font, all still run',
    find: '    const builder = new OpenTypeFileBuilder(header.version);\n    for (const tableTag in tables) {\n      builder.addTable(tableTag, tables[tableTag].data);\n    }\n    return builder.toArray();\n',
    replace: '    return undefined; // gongkai text-only: the repaired font file is for drawing only\n',
  },
  {
    id: 'no-type1-charstring-output',
    file: 'pdf.worker.mjs',
    why: "a Type 1 glyph program was re-encoded as a Type 2 one, byte by byte, for drawing only; the program still runs (widths, side bearings, accents, errors as before), and the output stays non-empty exactly when it was (a font's hasGlyphId reads that)",
    find: [
      '    const start = stackLength - howManyArgs;',
      '    for (let i = start; i < stackLength; i++) {',
      '      let value = this.stack[i];',
      '      if (Number.isInteger(value)) {',
      '        this.output.push(28, value >> 8 & 0xff, value & 0xff);',
      '      } else {',
      '        value = 65536 * value | 0;',
      '        this.output.push(255, value >> 24 & 0xff, value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff);',
      '      }',
      '    }',
      '    this.output.push(...command);',
      '',
    ].join('\n'),
    replace: [
      '    const start = stackLength - howManyArgs;',
      '    if (this.output.length === 0) this.output.push(...command); // gongkai text-only: no Type 2 program',
      '',
    ].join('\n'),
  },
  {
    id: 'truetype-missing-glyphs-only',
    file: 'pdf.worker.mjs',
    why: "a TrueType font's glyph table is checked glyph by glyph for the missing glyphs (which decide the character-to-glyph map), as before, but not copied into a new glyph table and index, which only the font file written for drawing reads",
    find: `    function sanitizeGlyphLocations${SIGNATURE}`,
    replace: `${TEXT_ONLY_GLYPH_LOCATIONS}    function sanitizeGlyphLocationsForDrawing${SIGNATURE}`,
  },
];
