// Throughput of a bulk run: a batch of >= 1,000 documents (copies of the
// sample PDFs and DOCX), gongkai at --jobs 1 and --jobs 2, side by side with
// `pdftotext -layout` over the same PDFs with the same parallelism, in one run.
//   node bench/batch.mjs [COPIES_TARGET]
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, have, requireBuild, timed } from './common.mjs';

requireBuild();
const target = Number(process.argv[2] ?? 1000);
const samples = join(ROOT, 'samples/docs');
const pdfs = readdirSync(samples).filter((f) => f.endsWith('.pdf')).sort();
const docxs = readdirSync(samples).filter((f) => f.endsWith('.docx') && !f.startsWith('meeting')).sort();
const work = mkdtempSync(join(tmpdir(), 'gongkai-batch-'));

/** `n` copies cycling through `names`, in sub-folders of 100. */
function build(name, names, n) {
  const dir = join(work, name);
  const list = [];
  for (let i = 0; i < n; i++) {
    const sub = join(dir, String(Math.floor(i / 100)).padStart(2, '0'));
    mkdirSync(sub, { recursive: true });
    const src = names[i % names.length];
    const dst = join(sub, `${String(i).padStart(4, '0')}-${src}`);
    copyFileSync(join(samples, src), dst);
    list.push(dst);
  }
  return { dir, list };
}

const pdfSet = build('pdf', pdfs, target);
const mixedSet = build('mixed', [...pdfs, ...docxs], target);
writeFileSync(join(work, 'pdf-list.txt'), pdfSet.list.join('\n'));

function gongkai(set, jobs, env = {}) {
  const out = join(work, `out-${jobs}`);
  const summary = join(work, 'summary.json');
  rmSync(out, { recursive: true, force: true });
  const t = timed(process.execPath, [CLI, 'extract', set.dir, '--out', out, '--jobs', String(jobs), '--summary', summary], { env: { ...process.env, ...env } });
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  return { docs: s.documents, seconds: t.seconds, rssMb: t.rssMb ?? s.peakRssMb, complete: s.byStatus.complete };
}

function pdftotext(jobs) {
  const t = timed('sh', ['-c', `xargs -P ${jobs} -I{} pdftotext -layout {} /dev/null < ${join(work, 'pdf-list.txt')}`]);
  return { docs: pdfSet.list.length, seconds: t.seconds, rssMb: t.rssMb };
}

const rows = [];
for (const jobs of [1, 2]) {
  rows.push({ what: `gongkai, ${target} PDFs`, jobs, ...gongkai(pdfSet, jobs) });
  if (have('pdftotext')) rows.push({ what: `pdftotext -layout, same ${target} PDFs`, jobs, ...pdftotext(jobs) });
  rows.push({ what: `gongkai, ${target} PDF+DOCX`, jobs, ...gongkai(mixedSet, jobs) });
}
// With jobs = cores the CLI restarts itself under node --single-threaded (src/cli/reexec.ts); this row shows what that is worth.
rows.push({ what: `gongkai without the --single-threaded restart, ${target} PDFs`, jobs: 2, ...gongkai(pdfSet, 2, { GONGKAI_REEXEC: '1' }) });
console.log('| run | jobs | documents | seconds | documents/s | peak RSS (MB) |');
console.log('| --- | --: | --: | --: | --: | --: |');
for (const r of rows) {
  console.log(`| ${r.what}${r.complete !== undefined ? ` (${r.complete} complete)` : ''} | ${r.jobs} | ${r.docs} | ${r.seconds.toFixed(1)} | ${(r.docs / r.seconds).toFixed(1)} | ${r.rssMb ?? 'n/a'} |`);
}
for (const jobs of [1, 2]) {
  const g = rows.find((r) => r.jobs === jobs && r.what === `gongkai, ${target} PDFs`);
  const p = rows.find((r) => r.jobs === jobs && r.what.startsWith('pdftotext'));
  if (g && p) console.log(`\n--jobs ${jobs}: gongkai reads PDFs at ${((g.docs / g.seconds) / (p.docs / p.seconds)).toFixed(2)}× pdftotext's rate`);
}
console.log(`\nnode ${process.version}; ${new Date().toISOString().slice(0, 10)}; work folder ${work}`);
rmSync(work, { recursive: true, force: true });
