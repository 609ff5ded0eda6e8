// Seconds per page and peak RSS of OCR, on scans made at bench time from the
// project's own sample PDFs: each chosen page rendered grey at 150 dpi as JPEG
// (pdftoppm), wrapped as an image-only PDF (pdf-lib), then
// `gongkai extract DIR --jobs N --ocr-jobs M` in a fresh CLI process, for
// (N, M) = (1, 1), (2, 1), (2, 2).
//   node bench/ocr.mjs [PAGES_PER_DOC]
// Peak RSS is the CLI process's (GNU time %M); batch workers are threads of that
// process, and it holds one OCR engine per --ocr-jobs worker (the OCR lane). Targets (issue 8): <= 4 s per
// 150 dpi A4 page, <= 1.5 GB RSS per OCR worker.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { CLI, ROOT, have, requireBuild, timed } from './common.mjs';

requireBuild();
if (!have('pdftoppm')) {
  console.error('bench/ocr.mjs needs pdftoppm (poppler-utils)');
  process.exit(2);
}
const pagesPerDoc = Number(process.argv[2] ?? 1);
// Table 三 (the densest page) is page 3 of these samples; further pages follow it.
const SOURCES = [['liuwan-town-2021.pdf', 3], ['jiangcheng-natres-2022.pdf', 3]];
const DPI = 150;

/** Grey 150 dpi JPEG scan of pages [first, first+n) of a PDF, as an image-only PDF. */
async function scanOf(pdfPath, first, n, work) {
  const prefix = join(work, 'page');
  const r = spawnSync('pdftoppm', ['-gray', '-r', String(DPI), '-jpeg', '-jpegopt', 'quality=80', '-f', String(first), '-l', String(first + n - 1), pdfPath, prefix]);
  if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr}`);
  const doc = await PDFDocument.create();
  for (const f of readdirSync(work).filter((x) => x.startsWith('page') && x.endsWith('.jpg')).sort()) {
    const jpg = await doc.embedJpg(readFileSync(join(work, f)));
    // Page size in PDF points from the pixel size at DPI.
    const w = (jpg.width * 72) / DPI, h = (jpg.height * 72) / DPI;
    doc.addPage([w, h]).drawImage(jpg, { x: 0, y: 0, width: w, height: h });
    rmSync(join(work, f));
  }
  return doc.save();
}

const base = mkdtempSync(join(tmpdir(), 'gongkai-bench-ocr-'));
const docs = join(base, 'docs');
mkdirSync(docs);
let pages = 0;
for (const [file, first] of SOURCES) {
  const bytes = await scanOf(join(ROOT, 'samples/docs', file), first, pagesPerDoc, base);
  writeFileSync(join(docs, file.replace(/\.pdf$/, '.scan.pdf')), bytes);
  pages += pagesPerDoc;
}

const rows = [];
for (const [jobs, ocrJobs] of [[1, 1], [2, 1], [2, 2]]) {
  const out = join(base, `out${jobs}-${ocrJobs}`);
  const load = loadavg()[0];
  const t = timed(process.execPath, [CLI, 'extract', docs, '--out', out, '--jobs', String(jobs), '--ocr-jobs', String(ocrJobs), '--ocr', 'auto']);
  const statuses = readdirSync(out).filter((f) => f.endsWith('.json')).map((f) => {
    try { return JSON.parse(readFileSync(join(out, f), 'utf8')).status; } catch { return null; }
  }).filter(Boolean);
  rows.push({ jobs, ocrJobs, seconds: t.seconds, cpu: t.cpuSeconds, rss: t.rssMb, load, exit: t.status, statuses });
}
rmSync(base, { recursive: true, force: true });

const f1 = (x) => (x == null ? 'n/a' : x.toFixed(1));
console.log(`| --jobs | --ocr-jobs | documents × pages | wall (s) | s / page | CPU s / page | peak RSS (MB, process) | RSS per OCR worker (MB) | load avg at start | statuses |`);
console.log(`| --: | --: | --- | --: | --: | --: | --: | --: | --: | --- |`);
for (const r of rows) {
  console.log(`| ${r.jobs} | ${r.ocrJobs} | ${SOURCES.length} × ${pagesPerDoc} | ${f1(r.seconds)} | ${f1(r.seconds / pages)} | ${f1(r.cpu == null ? null : r.cpu / pages)} | ${r.rss ?? 'n/a'} | ${r.rss == null ? 'n/a' : Math.round(r.rss / r.ocrJobs)} (upper bound) | ${r.load.toFixed(1)} | ${r.statuses.join(', ')} (exit ${r.exit}) |`);
}
console.log(`\n${DPI} dpi grey JPEG scans of samples/docs pages (A4); ${cpus().length} cores; node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
