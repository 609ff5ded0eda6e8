// Warm, in one process (run by bench/batch.mjs under node --single-threaded):
// CPU ms per document split into pdf.js (open + page reading, i.e. the PDF
// reader's step 1) and gongkai's own stages (everything else of `extract`),
// and every report once more with the original pdf.js (GONGKAI_FULL_PDFJS=1)
// to check that the text-only copy changes no output. No OCR (scans are
// bench/ocr.mjs's subject).
//   node --single-threaded bench/split.mjs LIST_FILE OUT_JSON
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './common.mjs';

const [listFile, outFile] = process.argv.slice(2);
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const { extract, textOnlyPdfjsStatus } = await import(join(ROOT, 'dist/index.js'));
const { readPrimitives } = await import(join(ROOT, 'dist/readers/pdf/index.js'));
const { mayHoldTable } = await import(join(ROOT, 'dist/readers/pdf/table-pages.js'));
const { loadTemplates } = await import(join(ROOT, 'dist/template/load.js'));
const NO_OCR = { ocr: 'off' };
const filter = mayHoldTable(loadTemplates().hints);

const cpuMs = async (fn) => {
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

for (const f of files) await extract(f, NO_OCR); // warm-up: modules, pdf.js, JIT
let pdfjs = 0, total = 0;
const REPEAT = 2;
const outputs = {};
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(f));
  let p = Infinity, t = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    p = Math.min(p, await cpuMs(() => readPrimitives(bytes, undefined, 1000, filter).catch(() => undefined)));
    t = Math.min(t, await cpuMs(async () => (outputs[f] = JSON.stringify(await extract(f, NO_OCR)))));
  }
  pdfjs += Math.min(p, t);
  total += t;
}
const status = textOnlyPdfjsStatus?.() ?? { active: false, reason: 'this build has no text-only pdf.js', edits: [] };
process.env.GONGKAI_FULL_PDFJS = '1';
const differ = [];
for (const f of files) if (JSON.stringify(await extract(f, NO_OCR)) !== outputs[f]) differ.push(f);
writeFileSync(
  outFile,
  JSON.stringify({ documents: files.length, pdfjsMs: pdfjs / files.length, totalMs: total / files.length, textOnly: status, differFromFullPdfjs: differ }),
);
