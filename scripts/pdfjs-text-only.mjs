// Derives gongkai's text-only copy of pdf.js from the installed pdfjs-dist
// (part of `npm run build`). Text extraction never draws, but pdf.js has no
// option to skip the work it does for drawing; the copy removes it with a
// few exact string edits of the legacy build (measured in
// ../shared/notes/pdfjs-speed.md: warm CPU per document 0.64 of the original):
//
//   - glyph outlines (`buildFontPaths`, built because gongkai opens documents
//     with `disableFontFace`) are not built;
//   - Type 3 glyph programs (`loadType3Data`) are not compiled;
//   - fonts are parsed (widths, encodings, ToUnicode, FontMatrix, the repairs
//     whose errors make pdf.js fall back to a standard font) but not written
//     out again as CFF or OpenType files, which only drawing reads, and Type 1
//     glyph programs run without being re-encoded as Type 2 ones; a TrueType
//     font's glyphs are checked for the missing ones but not copied into a
//     new glyph table (these edits: scripts/pdfjs-text-only-fonts.mjs);
//   - a glyph's text position is computed without intermediate matrices;
//   - the AES-256 password hash (many rounds of AES and SHA-2) is computed by
//     Node's crypto, not in JavaScript;
//   - the in-thread message port (`LoopbackPort`) hands messages over instead
//     of `structuredClone`-ing each one; the two senders that reuse what they
//     sent (operator-list chunks, text-content chunks) hand over fresh arrays
//     instead, or the receiver would see them emptied; and no list of
//     buffers to transfer is collected for them;
//   - Flate and Brotli streams are inflated synchronously (no
//     `DecompressionStream` attempted, thrown and caught per stream); a Flate
//     stream by Node's zlib when it is valid deflate, else by pdf.js's decoder;
//   - the copy finds its worker half under its own global name, so the
//     original pdf.js (kept for loads that render) and the copy never mix;
//   - `render()` throws: a text-only load cannot draw glyphs;
//   - the canvas polyfills (DOMMatrix, ImageData, Path2D) load
//     `@napi-rs/canvas` on first use, not at import (and the drawing module
//     makes no DOMMatrix at import);
//   - a text-state clone gets TextState's prototype, not the state it was
//     cloned from (a new hidden class per clone made text operators slow);
//   - a page's operator list replays the operators its text pass read
//     instead of inflating and parsing the content stream again
//     (scripts/pdfjs-text-only-replay.mjs explains why that is exact).
//
// Every edit must match exactly once, and pdfjs-dist must be the version the
// edits were written for (pinned exactly in package.json); otherwise the
// build fails with the edit that no longer applies. Output:
// vendor/pdfjs-text-only/{pdf.mjs,pdf.worker.mjs,manifest.json,LICENSE}.
//   node scripts/pdfjs-text-only.mjs [--check]   (--check: verify, write nothing)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT_EDITS } from './pdfjs-text-only-fonts.mjs';
import { REPLAY_EDITS } from './pdfjs-text-only-replay.mjs';

/** The pdfjs-dist version the edits below were written against. */
export const PDFJS_VERSION = '5.6.205';

/** Global under which the copy's main-thread half finds its worker half. */
export const WORKER_GLOBAL = 'gongkaiTextOnlyPdfjsWorker';

/** Files of pdfjs-dist/legacy/build that are copied, by output name. */
export const FILES = ['pdf.mjs', 'pdf.worker.mjs'];

/**
 * The edits: `file`, the exact text `find` (must occur once) and its
 * replacement, and why. Keep each one small and checkable by eye.
 */
export const EDITS = [
  ...FONT_EDITS,
  {
    id: 'fresh-operator-arrays',
    file: 'pdf.worker.mjs',
    why: 'the sent chunk keeps its arrays now that messages are not cloned',
    find: '    this.dependencies.clear();\n    this.fnArray.length = 0;\n    this.argsArray.length = 0;\n',
    replace:
      '    this.dependencies.clear();\n    this.fnArray = [];\n    this.argsArray = [];\n' +
      '    if (this.optimizer.context) { this.optimizer.context.fnArray = this.fnArray; this.optimizer.context.argsArray = this.argsArray; } // gongkai text-only\n',
  },
  {
    id: 'fresh-text-content',
    file: 'pdf.worker.mjs',
    why: 'the sent text chunk keeps its items now that messages are not cloned',
    find: '      sink?.enqueue(textContent, length);\n',
    replace: '      sink?.enqueue({ ...textContent }, length); // gongkai text-only\n',
  },
  {
    id: 'sync-brotli',
    file: 'pdf.worker.mjs',
    why: 'no DecompressionStream attempt per stream',
    find: 'class BrotliStream extends DecodeStream {\n  #isAsync = true;\n',
    replace: 'class BrotliStream extends DecodeStream {\n  #isAsync = false; // gongkai text-only\n',
  },
  {
    id: 'sync-flate',
    file: 'pdf.worker.mjs',
    why: 'no DecompressionStream attempt per stream',
    find: 'class FlateStream extends DecodeStream {\n  #isAsync = true;\n',
    replace: 'class FlateStream extends DecodeStream {\n  #isAsync = false; // gongkai text-only\n',
  },
  {
    id: 'native-inflate',
    file: 'pdf.worker.mjs',
    why: "a Flate stream is inflated whole by Node's zlib (C) when it decodes cleanly; zlib refuses what is not valid deflate (truncated, bad codes, over 256 MB), and then pdf.js's own decoder reads it from the same byte, as before",
    find: '  #endsStreamOnError(err) {\n    info(err);\n    this.eof = true;\n  }\n  readBlock() {\n',
    replace: [
      '  #endsStreamOnError(err) {',
      '    info(err);',
      '    this.eof = true;',
      '  }',
      '  readBlock() {',
      '    if (this.gongkaiInflated === undefined) { // gongkai text-only',
      '      this.gongkaiInflated = false;',
      '      const zlib = this.codeSize === 0 ? globalThis.process?.getBuiltinModule?.("zlib") : null;',
      '      if (zlib) {',
      '        const rest = this.stream.getBytes();',
      '        try {',
      '          const out = zlib.inflateRawSync(rest, { maxOutputLength: 256 << 20 });',
      '          this.buffer = new Uint8Array(out.buffer, out.byteOffset, out.length);',
      '          this.bufferLength = out.length;',
      '          this.eof = true;',
      '          this.gongkaiInflated = true;',
      '          return;',
      '        } catch {',
      '          this.stream = new Stream(rest, 0, rest.length, this.dict);',
      '        }',
      '      }',
      '    }',
      '',
    ].join('\n'),
  },
  {
    id: 'no-transfer-list',
    file: 'pdf.worker.mjs',
    why: 'each operator-list chunk was scanned for buffers to transfer; with messages handed over (no-message-clone) nothing is transferred',
    find: '  get _transfers() {\n    const transfers = [];\n',
    replace: '  get _transfers() {\n    return null; // gongkai text-only: messages are handed over, nothing is transferred\n    const transfers = [];\n',
  },
  {
    id: 'no-message-clone',
    file: 'pdf.mjs',
    why: 'both halves run on one thread; copying every message is waste',
    find: '      data: structuredClone(obj, transfer ? {\n        transfer\n      } : null)\n',
    replace: '      data: obj // gongkai text-only: handed over, not cloned\n',
  },
  {
    id: 'lazy-canvas-polyfill',
    file: 'pdf.mjs',
    why: 'loading @napi-rs/canvas (a native addon) costs every worker ~0.5 s CPU, and text extraction never draws: DOMMatrix, ImageData and Path2D are polyfilled from it on first use instead of at import',
    find: [
      '    try {',
      '      canvas = require("@napi-rs/canvas");',
      '    } catch (ex) {',
      '      warn(`Cannot load "@napi-rs/canvas" package: "${ex}".`);',
      '    }',
      '  } catch (ex) {',
      '    warn(`Cannot access the \\`require\\` function: "${ex}".`);',
      '  }',
      ...['DOMMatrix', 'ImageData', 'Path2D'].flatMap((name) => [
        `  if (!globalThis.${name}) {`,
        `    if (canvas?.${name}) {`,
        `      globalThis.${name} = canvas.${name};`,
        '    } else {',
        `      warn("Cannot polyfill \`${name}\`, rendering may be broken.");`,
        '    }',
        '  }',
      ]),
      '',
    ].join('\n'),
    replace: [
      '    for (const name of ["DOMMatrix", "ImageData", "Path2D"]) {',
      '      if (globalThis[name]) continue;',
      '      Object.defineProperty(globalThis, name, { configurable: true, get() {',
      '        try {',
      '          canvas ??= require("@napi-rs/canvas");',
      '        } catch (ex) {',
      '          warn(`Cannot load "@napi-rs/canvas" package: "${ex}".`);',
      '        }',
      '        const value = canvas?.[name];',
      '        if (!value) warn(`Cannot polyfill \\`${name}\\`, rendering may be broken.`);',
      '        Object.defineProperty(globalThis, name, { configurable: true, writable: true, value });',
      '        return value;',
      '      } });',
      '    }',
      '  } catch (ex) {',
      '    warn(`Cannot access the \\`require\\` function: "${ex}".`);',
      '  }',
      '',
    ].join('\n'),
  },
  {
    id: 'no-canvas-matrix-at-import',
    file: 'pdf.mjs',
    why: 'the canvas drawing module made a DOMMatrix at import, which loads @napi-rs/canvas; in this copy render() throws, so the drawing code that uses it never runs',
    find: 'const SCALE_MATRIX = new DOMMatrix();\n',
    replace: 'const SCALE_MATRIX = null; // gongkai text-only: render() throws, the drawing code never runs\n',
  },
  {
    id: 'stable-text-state-clone',
    file: 'pdf.worker.mjs',
    why: 'each clone of the text state took the state it was cloned from as its prototype: a new hidden class per clone, so every text operator ran megamorphic; the copy has the same own fields on TextState.prototype',
    find: '    const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix = this.textMatrix.slice();\n',
    replace: '    const clone = Object.assign(Object.create(TextState.prototype), this);\n    clone.textMatrix = this.textMatrix.slice();\n',
  },
  {
    id: 'native-pdf20-hash',
    file: 'pdf.worker.mjs',
    why: "the password hash of AES-256 (revision 6) encryption, ISO 32000-2 algorithm 2.B, runs 64 or more rounds of AES-128-CBC over ~5 KB and SHA-256/384/512, in JavaScript (~50 ms a document warm, ~250 ms cold); Node's crypto (C) computes the same bytes",
    find: [
      '  _hash(password, input, userBytes) {',
      '    let k = calculateSHA256(input, 0, input.length).subarray(0, 32);',
    ].join('\n'),
    replace: [
      '  _hash(password, input, userBytes) {',
      '    const nodeCrypto = globalThis.process?.getBuiltinModule?.("crypto"); // gongkai text-only: SHA-2 and AES by Node\'s crypto',
      '    if (nodeCrypto) {',
      '      const sha = (name, data) => new Uint8Array(nodeCrypto.createHash(name).update(data).digest());',
      '      let k = sha("sha256", input).subarray(0, 32);',
      '      let e = [0];',
      '      let i = 0;',
      '      while (i < 64 || e.at(-1) > i - 32) {',
      '        const combinedArray = new Uint8Array(password.length + k.length + userBytes.length);',
      '        combinedArray.set(password, 0);',
      '        combinedArray.set(k, password.length);',
      '        combinedArray.set(userBytes, password.length + k.length);',
      '        const k1 = new Uint8Array(combinedArray.length * 64);',
      '        for (let j = 0; j < 64; j++) {',
      '          k1.set(combinedArray, j * combinedArray.length);',
      '        }',
      '        const cipher = nodeCrypto.createCipheriv("aes-128-cbc", k.subarray(0, 16), k.subarray(16, 32)).setAutoPadding(false);',
      '        e = new Uint8Array(k1.length);',
      '        e.set(cipher.update(k1));',
      '        cipher.final();',
      '        const remainder = Math.sumPrecise(e.slice(0, 16)) % 3;',
      '        k = sha(remainder === 0 ? "sha256" : remainder === 1 ? "sha384" : "sha512", e);',
      '        i++;',
      '      }',
      '      return k.subarray(0, 32);',
      '    }',
      '    let k = calculateSHA256(input, 0, input.length).subarray(0, 32);',
    ].join('\n'),
  },
  {
    id: 'text-transform-inline',
    file: 'pdf.worker.mjs',
    why: 'the text position of every glyph was two Util.transform calls and three new arrays; the same products and sums, in the same order, written out (one array)',
    find: [
      '    function getCurrentTextTransform() {',
      '      const font = textState.font;',
      '      const tsm = [textState.fontSize * textState.textHScale, 0, 0, textState.fontSize, 0, textState.textRise];',
      '      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {',
      '        const glyphHeight = font.bbox[3] - font.bbox[1];',
      '        if (glyphHeight > 0) {',
      '          tsm[3] *= glyphHeight * textState.fontMatrix[3];',
      '        }',
      '      }',
      '      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));',
      '    }',
      '',
    ].join('\n'),
    replace: [
      '    function getCurrentTextTransform() { // gongkai text-only: Util.transform(ctm, Util.transform(textMatrix, tsm)) written out',
      '      const font = textState.font;',
      '      const t0 = textState.fontSize * textState.textHScale, t5 = textState.textRise;',
      '      let t3 = textState.fontSize;',
      '      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {',
      '        const glyphHeight = font.bbox[3] - font.bbox[1];',
      '        if (glyphHeight > 0) {',
      '          t3 *= glyphHeight * textState.fontMatrix[3];',
      '        }',
      '      }',
      '      const m = textState.textMatrix, c = textState.ctm;',
      '      const i0 = m[0] * t0 + m[2] * 0, i1 = m[1] * t0 + m[3] * 0, i2 = m[0] * 0 + m[2] * t3, i3 = m[1] * 0 + m[3] * t3;',
      '      const i4 = m[0] * 0 + m[2] * t5 + m[4], i5 = m[1] * 0 + m[3] * t5 + m[5];',
      '      return [c[0] * i0 + c[2] * i1, c[1] * i0 + c[3] * i1, c[0] * i2 + c[2] * i3, c[1] * i2 + c[3] * i3, c[0] * i4 + c[2] * i5 + c[4], c[1] * i4 + c[3] * i5 + c[5]];',
      '    }',
      '',
    ].join('\n'),
  },
  ...REPLAY_EDITS,
  {
    id: 'own-worker-global',
    file: 'pdf.mjs',
    why: 'the copy must never pick up the original worker half (or the reverse)',
    find: '      return globalThis.pdfjsWorker?.WorkerMessageHandler || null;\n',
    replace: `      return globalThis.${WORKER_GLOBAL}?.WorkerMessageHandler || null;\n`,
  },
  {
    id: 'no-render',
    file: 'pdf.mjs',
    why: 'a text-only load has no glyph outlines to draw with',
    find: '  }) {\n    this._stats?.time("Overall");\n',
    replace: '  }) {\n    throw new Error("gongkai: this is a text-only pdf.js load; open the document for rendering to draw it");\n    this._stats?.time("Overall");\n',
  },
];

const HEADER = (version) =>
  `// gongkai text-only copy of pdfjs-dist ${version} legacy/build, MODIFIED: derived at build time by\n` +
  `// scripts/pdfjs-text-only.mjs with the edits listed in manifest.json. Original license below and in LICENSE.\n`;

/**
 * Applies the edits to the original sources ({ 'pdf.mjs': text, … }) and
 * returns the derived sources. Throws, naming the edit, when pdfjs-dist is
 * not `PDFJS_VERSION` or an edit does not match exactly once.
 */
export function deriveTextOnly(sources, version) {
  if (version !== PDFJS_VERSION) {
    throw new Error(
      `pdfjs-dist ${version} is installed but the text-only edits were written for ${PDFJS_VERSION}: ` +
        'review every edit in scripts/pdfjs-text-only.mjs against the new build, then update PDFJS_VERSION',
    );
  }
  const out = {};
  for (const file of FILES) {
    if (typeof sources[file] !== 'string') throw new Error(`pdfjs-dist legacy/build/${file} missing`);
    out[file] = sources[file];
  }
  for (const e of EDITS) {
    const text = out[e.file];
    const at = text.indexOf(e.find);
    if (at < 0 || text.indexOf(e.find, at + 1) >= 0) {
      throw new Error(
        `pdf.js text-only edit "${e.id}" does not apply to pdfjs-dist ${version} legacy/build/${e.file}: ` +
          `its text occurs ${at < 0 ? 'nowhere' : 'more than once'} (scripts/pdfjs-text-only.mjs)`,
      );
    }
    out[e.file] = text.slice(0, at) + e.replace + text.slice(at + e.find.length);
  }
  for (const file of FILES) {
    // The maps describe the original files; drop the pointer rather than mislead.
    out[file] = HEADER(version) + out[file].replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  }
  return out;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'vendor', 'pdfjs-text-only');

function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads the installed pdfjs-dist, derives the copy and writes it (unless `check`). */
export function build({ check = false } = {}) {
  const require = createRequire(join(ROOT, 'package.json'));
  const pkgDir = dirname(require.resolve('pdfjs-dist/package.json'));
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const sources = Object.fromEntries(FILES.map((f) => [f, readFileSync(join(pkgDir, 'legacy', 'build', f), 'utf8')]));
  const derived = deriveTextOnly(sources, version);
  const manifest = {
    pdfjsDist: version,
    workerGlobal: WORKER_GLOBAL,
    edits: EDITS.map((e) => ({ id: e.id, file: e.file, why: e.why })),
    sources: Object.fromEntries(FILES.map((f) => [f, sha256(sources[f])])),
  };
  if (check) return manifest;
  // Written into a fresh folder, then swapped in: never a half-written copy.
  const tmp = `${OUT_DIR}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const f of FILES) writeFileSync(join(tmp, f), derived[f]);
  writeFileSync(join(tmp, 'LICENSE'), readFileSync(join(pkgDir, 'LICENSE')));
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(dirname(OUT_DIR), { recursive: true });
  renameSync(tmp, OUT_DIR);
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const m = build({ check: process.argv.includes('--check') });
    console.log(`pdf.js text-only copy: pdfjs-dist ${m.pdfjsDist}, ${m.edits.length} edits applied → vendor/pdfjs-text-only`);
  } catch (err) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
}
