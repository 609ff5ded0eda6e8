// Milliseconds per PDF: gongkai (warm, in one process; and a one-shot CLI
// process) against `pdftotext -layout`, on the sample PDFs, in one run.
//   node bench/pdf.mjs [RUNS]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, have, median, requireBuild, timed } from './common.mjs';

requireBuild();
const runs = Number(process.argv[2] ?? 5);
const dir = join(ROOT, 'samples/docs');
const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
const { extract } = await import(join(ROOT, 'dist/index.js'));
const poppler = have('pdftotext');

const rows = [];
for (const f of files) {
  const path = join(dir, f);
  const first = await extract(path); // warms the readers up
  const warm = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await extract(path);
    warm.push(performance.now() - t0);
  }
  const cli = timed(process.execPath, [CLI, 'extract', path]);
  const pt = poppler ? median(Array.from({ length: runs }, () => timed('pdftotext', ['-layout', path, '-']).seconds * 1000)) : null;
  rows.push({ f, pages: first.source.pages, status: first.status, warm: median(warm), cli: cli.seconds * 1000, cliRss: cli.rssMb, pt });
}

const fmt = (x) => (x === null ? 'n/a' : Math.round(x).toString());
console.log(`| document | pages | status | gongkai warm (ms) | gongkai CLI one-shot (ms, MB) | pdftotext -layout (ms) |`);
console.log(`| --- | --: | --- | --: | --: | --: |`);
for (const r of rows) console.log(`| ${r.f} | ${r.pages} | ${r.status} | ${fmt(r.warm)} | ${fmt(r.cli)}, ${r.cliRss ?? 'n/a'} | ${fmt(r.pt)} |`);
const mean = (k) => rows.reduce((a, r) => a + r[k], 0) / rows.length;
console.log(`| **mean** | | | **${fmt(mean('warm'))}** | **${fmt(mean('cli'))}** | **${poppler ? fmt(mean('pt')) : 'n/a'}** |`);
console.log(`\n${runs} runs per document (median); node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
