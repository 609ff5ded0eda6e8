// Proves that gongkai installed as a dependency runs text-only loads on its
// pdf.js copy: `npm pack` (prepack builds), install the tarball into an empty
// folder, then in that folder check `textOnlyPdfjsStatus()` and that a sample
// PDF gives the same report as this checkout's build. Run by .ci/run.
//   node scripts/check-packed.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = join(ROOT, 'samples/docs/beizhou-gov-office-2023.web.pdf');
const work = mkdtempSync(join(tmpdir(), 'gongkai-packed-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

try {
  // `npm pack` runs prepack (the build) first, whose messages precede the JSON.
  const out = run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
  const packed = JSON.parse(out.slice(out.search(/^\[/m)));
  const tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  for (const f of ['vendor/pdfjs-text-only/pdf.mjs', 'vendor/pdfjs-text-only/pdf.worker.mjs', 'vendor/pdfjs-text-only/manifest.json']) {
    if (!files.includes(f)) throw new Error(`the package lacks ${f}`);
  }
  const app = join(work, 'app');
  run('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
  const probe = `
    import { extract, textOnlyPdfjsStatus } from 'gongkai';
    const report = await extract(${JSON.stringify(SAMPLE)});
    console.log(JSON.stringify({ status: textOnlyPdfjsStatus(), report }));`;
  const installed = JSON.parse(run(process.execPath, ['--input-type=module', '-e', probe], app));
  const { extract } = await import(join(ROOT, 'dist/index.js'));
  const here = await extract(SAMPLE);
  if (!installed.status.active) throw new Error(`installed gongkai: text-only pdf.js not active: ${installed.status.reason}`);
  if (!installed.status.dir.startsWith(join(app, 'node_modules', 'gongkai'))) throw new Error(`installed gongkai uses a copy outside itself: ${installed.status.dir}`);
  if (JSON.stringify(installed.report) !== JSON.stringify(here)) throw new Error('installed gongkai gives another report than this checkout');
  console.log(`packed install: text-only pdf.js active (pdfjs-dist ${installed.status.pdfjsDist}, ${installed.status.edits.length} edits); same report as the checkout`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
