// Throughput of a bulk run on every PDF the project has: the sample PDFs in
// all their renderings (LibreOffice, Chromium) and the test fixtures' PDFs,
// plus, when present, the PDFs of ../shared/corpus and ../shared/corpus-legacy
// (or folders given with --add). The set is repeated --rounds times (distinct
// documents, in rounds, never copies of a few). In one run:
//   - warm CPU ms per document, split into pdf.js and gongkai's own stages
//     (bench/split.mjs, one process under --single-threaded);
//   - gongkai's CLI at --jobs 1 and 2, and `pdftotext -layout` on the same
//     files with the same parallelism: documents/s, and their ratio;
//   - peak RSS (GNU time);
//   - scans are read with --ocr off: OCR is bench/ocr.mjs's subject, and
//     pdftotext reads no image either;
//   - each CLI and pdftotext run is repeated --repeat times (default 3),
//     alternating gongkai and pdftotext, and the run with the median
//     documents/s is reported with the range: on a shared machine one run of
//     either moves by ±15 % with the neighbours;
//   - outputs: the CLI runs must agree with each other, with a run on the
//     original pdf.js, and (with --hashes FILE) with the hashes stored there
//     by an earlier run (written when FILE does not exist yet).
//   node bench/batch.mjs [--rounds N] [--repeat N] [--add DIR]… [--hashes FILE]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI, ROOT, have, requireBuild, timed } from './common.mjs';

requireBuild();
const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '8' }, repeat: { type: 'string', default: '3' }, add: { type: 'string', multiple: true, default: [] }, hashes: { type: 'string' } },
});
const rounds = Number(args.rounds);
const repeat = Math.max(1, Number(args.repeat));

function pdfsUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => f.toLowerCase().endsWith('.pdf') && statSync(f).isFile())
    .sort();
}
const shared = ['corpus', 'corpus-legacy'].map((c) => resolve(ROOT, '..', 'shared', c, 'docs'));
const sources = [join(ROOT, 'samples/docs'), join(ROOT, 'test/fixtures'), ...shared, ...args.add.map((d) => resolve(d))];
const distinct = [...new Set(sources.flatMap(pdfsUnder))];
/** A document's name in the hash list: its path from its source folder's parent (`samples/docs/x.pdf`). */
const keyOf = new Map(sources.flatMap((d) => pdfsUnder(d).map((f) => [f, join(basename(resolve(d, '..')), basename(d), relative(d, f))])).reverse());
const used = sources.filter((d) => pdfsUnder(d).length);

// Links, not copies: rounds × distinct documents, each under its own name.
const work = mkdtempSync(join(tmpdir(), 'gongkai-batch-'));
const inputs = join(work, 'in');
const list = [];
for (let r = 0; r < rounds; r++) {
  const dir = join(inputs, `round-${String(r).padStart(2, '0')}`);
  mkdirSync(dir, { recursive: true });
  distinct.forEach((src, i) => {
    const dst = join(dir, `${String(i).padStart(3, '0')}-${basename(src)}`);
    symlinkSync(src, dst);
    list.push(dst);
  });
}
writeFileSync(join(work, 'list.txt'), list.join('\n'));
writeFileSync(join(work, 'distinct.txt'), distinct.join('\n'));

const sha = (text) => createHash('sha256').update(text).digest('hex');
/** Output hashes by distinct input (relative to the repo), from a CLI output folder. */
function outputHashes(out) {
  const byDoc = new Map();
  for (const r of readdirSync(out).filter((d) => d.startsWith('round-'))) {
    for (const f of readdirSync(join(out, r)).filter((f) => f.endsWith('.json'))) {
      const src = distinct[Number(f.slice(0, 3))];
      const report = JSON.parse(readFileSync(join(out, r, f), 'utf8'));
      const key = keyOf.get(src);
      // The link's name and path are the run's, not the document's.
      report.source.file = basename(src);
      if ('path' in report.source) report.source.path = key;
      const h = sha(JSON.stringify(report));
      if (byDoc.has(key) && byDoc.get(key) !== h) byDoc.set(key, 'DIFFERS BETWEEN ROUNDS');
      else byDoc.set(key, h);
    }
  }
  return Object.fromEntries([...byDoc].sort());
}

function gongkai(jobs) {
  const out = join(work, `out-${jobs}`);
  rmSync(out, { recursive: true, force: true });
  const summary = join(work, 'summary.json');
  const t = timed(process.execPath, [CLI, 'extract', inputs, '--out', out, '--jobs', String(jobs), '--ocr', 'off', '--summary', summary]);
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  return { docs: s.documents, seconds: t.seconds, cpuSeconds: t.cpuSeconds, rssMb: t.rssMb ?? s.peakRssMb, complete: s.byStatus.complete, hashes: outputHashes(out) };
}

/** Of repeated runs, the one with the median time, with the range of documents/s over all of them and the highest peak RSS. */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const rates = runs.map((r) => r.docs / r.seconds);
  const rss = runs.map((r) => r.rssMb).filter((x) => x !== null && x !== undefined);
  return { ...sorted[Math.floor(sorted.length / 2)], range: [Math.min(...rates), Math.max(...rates)], rssMb: rss.length ? Math.max(...rss) : null, runs };
}

function pdftotext(jobs) {
  const t = timed('sh', ['-c', `xargs -P ${jobs} -I{} pdftotext -layout {} /dev/null < ${join(work, 'list.txt')} 2>/dev/null`]);
  return { docs: list.length, seconds: t.seconds, cpuSeconds: t.cpuSeconds, rssMb: t.rssMb };
}

const split = join(work, 'split.json');
const st = timed(process.execPath, ['--single-threaded', join(ROOT, 'bench/split.mjs'), join(work, 'distinct.txt'), split]);
if (!existsSync(split)) throw new Error(`bench/split.mjs failed: ${st.stderr}`);
const warm = JSON.parse(readFileSync(split, 'utf8'));

const rows = [];
const poppler = have('pdftotext');
for (const jobs of [1, 2]) {
  const g = [], p = [];
  for (let k = 0; k < repeat; k++) {
    g.push(gongkai(jobs));
    if (poppler) p.push(pdftotext(jobs));
  }
  rows.push({ what: 'gongkai', jobs, ...medianRun(g) });
  if (poppler) rows.push({ what: 'pdftotext -layout', jobs, ...medianRun(p) });
}

console.log(`${distinct.length} distinct PDFs × ${rounds} rounds = ${list.length} documents, from:`);
for (const d of used) console.log(`- ${relative(ROOT, d) || '.'} (${pdfsUnder(d).length})`);
console.log(`\nEach run ${repeat}× (gongkai and pdftotext alternating); the run with the median time is shown, with the range of documents/s over all ${repeat}.`);
console.log('\n| run | jobs | documents | seconds | documents/s | range | CPU seconds | documents per CPU-second | peak RSS (MB) |');
console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: |');
const fmt = (x, d = 1) => (x === null || x === undefined ? 'n/a' : x.toFixed(d));
for (const r of rows) {
  const what = r.complete !== undefined ? `${r.what} (${r.complete} complete)` : r.what;
  console.log(`| ${what} | ${r.jobs} | ${r.docs} | ${fmt(r.seconds)} | ${fmt(r.docs / r.seconds)} | ${fmt(r.range[0])}–${fmt(r.range[1])} | ${fmt(r.cpuSeconds)} | ${r.cpuSeconds ? fmt(r.docs / r.cpuSeconds) : 'n/a'} | ${r.rssMb ?? 'n/a'} |`);
}
console.log('');
// On a shared machine wall time depends on the neighbours; CPU time much less.
for (const jobs of [1, 2]) {
  const g = rows.find((r) => r.jobs === jobs && r.what === 'gongkai');
  const p = rows.find((r) => r.jobs === jobs && r.what.startsWith('pdftotext'));
  if (!g || !p) continue;
  const cpu = g.cpuSeconds && p.cpuSeconds ? `; per CPU-second ${(p.cpuSeconds / g.cpuSeconds).toFixed(2)}×` : '';
  const pairs = g.runs.map((run, k) => (p.runs[k].seconds / run.seconds).toFixed(2)).join(', ');
  console.log(`--jobs ${jobs}: gongkai reads PDFs at ${(g.docs / g.seconds / (p.docs / p.seconds)).toFixed(2)}× pdftotext's rate (medians; run by run ${pairs})${cpu}`);
}
const gk = warm.totalMs - warm.pdfjsMs;
console.log(
  `\nWarm CPU per document (one process, --single-threaded, ${warm.documents} distinct PDFs): ${warm.totalMs.toFixed(1)} ms = ` +
    `pdf.js (reader step 1: load, text, operators → page primitives) ${warm.pdfjsMs.toFixed(1)} ms (${((100 * warm.pdfjsMs) / warm.totalMs).toFixed(0)} %) + ` +
    `gongkai's stages (blocks, sections, mapping, checks, schema) ${gk.toFixed(1)} ms (${((100 * gk) / warm.totalMs).toFixed(0)} %)`,
);
console.log(`pdf.js text-only copy: ${warm.textOnly.active ? `active (pdfjs-dist ${warm.textOnly.pdfjsDist}; ${warm.textOnly.edits.join(', ')})` : `NOT active: ${warm.textOnly.reason}`}`);

// Outputs: the same in every run, the same as with the original pdf.js, the same as stored.
let ok = true;
const [a, ...others] = rows.filter((r) => r.what === 'gongkai').flatMap((r) => r.runs);
const mismatch = Object.keys(a.hashes).filter((k) => others.some((b) => a.hashes[k] !== b.hashes[k]) || a.hashes[k].startsWith('DIFFERS'));
if (mismatch.length) (ok = false), console.log(`OUTPUTS DIFFER between runs: ${mismatch.join(', ')}`);
if (warm.differFromFullPdfjs.length) (ok = false), console.log(`OUTPUTS DIFFER from the original pdf.js: ${warm.differFromFullPdfjs.join(', ')}`);
else console.log(`Outputs: identical with the original pdf.js on all ${warm.documents} distinct PDFs`);
if (args.hashes) {
  if (existsSync(args.hashes)) {
    const stored = JSON.parse(readFileSync(args.hashes, 'utf8'));
    const changed = Object.keys({ ...stored, ...a.hashes }).filter((k) => stored[k] !== a.hashes[k]);
    if (changed.length) (ok = false), console.log(`OUTPUTS DIFFER from ${args.hashes}: ${changed.join(', ')}`);
    else console.log(`Outputs: byte-identical to ${args.hashes} (${Object.keys(stored).length} documents)`);
  } else {
    writeFileSync(args.hashes, JSON.stringify(a.hashes, null, 2) + '\n');
    console.log(`Output hashes written to ${args.hashes}`);
  }
}
console.log(`\nnode ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
rmSync(work, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
