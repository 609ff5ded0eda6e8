// The edit of the text-only pdf.js copy that reads a TrueType font's glyph
// table without writing a new one (part of scripts/pdfjs-text-only.mjs's
// EDITS; same rules: its `find` occurs exactly once in pdfjs-dist 5.6.205).
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
const TEXT_ONLY_GLYPH_LOCATIONS = `    // gongkai text-only (edit truetype-missing-glyphs-only): see scripts/pdfjs-text-only-glyf.mjs
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

export const GLYF_EDITS = [
  {
    id: 'truetype-missing-glyphs-only',
    file: 'pdf.worker.mjs',
    why: "a TrueType font's glyph table is checked glyph by glyph for the missing glyphs (which decide the character-to-glyph map), as before, but not copied into a new glyph table and index, which only the font file written for drawing reads",
    find: `    function sanitizeGlyphLocations${SIGNATURE}`,
    replace: `${TEXT_ONLY_GLYPH_LOCATIONS}    function sanitizeGlyphLocationsForDrawing${SIGNATURE}`,
  },
];
