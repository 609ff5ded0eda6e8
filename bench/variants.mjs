// Robustness sweep: renders the sample reports in many random typesetting
// variants (fonts, sizes, zero marks, parentheses, split tables, page breaks,
// headers and page numbers, borderless web prints, charsets…) with
// samples/make.mjs, extracts them, and compares each output with the report
// it was made from. Needs LibreOffice and Chromium (see samples/README.md).
//   node bench/variants.mjs [VARIANTS_PER_REPORT] [SEED]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, requireBuild } from './common.mjs';

requireBuild();
const perReport = Number(process.argv[2] ?? 4);
let seed = Number(process.argv[3] ?? 1);
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const { differences } = await import(join(ROOT, 'dist/report/compare.js'));

const FONTS = ['Noto Serif CJK SC', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'AR PL UMing CN'];
const FURNITURE = { site: '示例市人民政府', short: '示例', host: '示例市人民政府办公室', operator: '示例市大数据中心', siteCode: '1100000001', icp: 'ICP备00000001号', views: 1234 };
const reports = readdirSync(join(ROOT, 'samples/reports')).map((f) => f.replace(/\.json$/, ''));

function variant(report, i) {
  const def = JSON.parse(readFileSync(join(ROOT, 'samples/reports', `${report}.json`), 'utf8'));
  const is2019 = def.meta.edition === '2019';
  const kind = pick(['docx', 'html', 'pdf', 'pdf', 'web.pdf', 'web.pdf']);
  const o = {
    zero: pick(['blank', '0', 'dash', 'slash', 'hyphen']),
    parens: pick(['full', 'half']),
    table2: pick(['single', 'split']),
    headingSpace: rand() < 0.3,
    headingBold: rand() < 0.7,
    thousands: rand() < 0.3,
    font: pick(FONTS),
    fontSize: pick([12, 13, 14, 15, 16]),
  };
  if (rand() < 0.3) o.titleLines = 2;
  if (rand() < 0.2) o.preamble = false;
  if (is2019) Object.assign(o, { changeStyle: pick(['plain', 'mixed']), amountUnitIn: pick(['header', 'cell']) });
  if (kind !== 'docx' && kind !== 'html' && rand() < 0.4) o.pageNumbers = pick(['dash', 'of']);
  if (kind.endsWith('pdf') && rand() < 0.3) o.runningHeader = def.meta.title;
  if (kind.endsWith('pdf') && rand() < 0.4) o.breakBefore = [pick(['二', '三', '四', '五'])];
  if (kind === 'pdf') o.via = 'docx';
  if (kind === 'web.pdf') Object.assign(o, { via: 'html', borders: rand() < 0.6 });
  if (kind === 'html') Object.assign(o, { charset: pick(['utf-8', 'gb2312', 'gbk-http-equiv']), borders: rand() < 0.8 });
  if (kind === 'html' && rand() < 0.6) o.furniture = FURNITURE;
  return { file: `${report}.v${i}.${kind}`, report, format: kind.endsWith('pdf') ? 'pdf' : kind, options: o };
}

const work = mkdtempSync(join(tmpdir(), 'gongkai-variants-'));
const manifest = reports.flatMap((r) => Array.from({ length: perReport }, (_, i) => variant(r, i)));
writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest, null, 1));
const make = spawnSync(process.execPath, [join(ROOT, 'samples/make.mjs')], {
  env: { ...process.env, SAMPLES_MANIFEST: join(work, 'manifest.json'), SAMPLES_OUT: join(work, 'docs') },
  encoding: 'utf8',
});
if (make.status !== 0) {
  console.error(make.stdout, make.stderr);
  process.exit(1);
}
spawnSync(process.execPath, [CLI, 'extract', join(work, 'docs'), '--out', join(work, 'out'), '--jobs', '2'], { stdio: 'ignore' });

let perfect = 0;
const byKind = {};
for (const e of manifest) {
  const kind = e.file.split('.').slice(2).join('.');
  const k = (byKind[kind] ??= { n: 0, perfect: 0 });
  k.n++;
  let diffs;
  try {
    const out = JSON.parse(readFileSync(join(work, 'out', `${e.file}.json`), 'utf8'));
    const def = JSON.parse(readFileSync(join(ROOT, 'samples/reports', `${e.report}.json`), 'utf8'));
    diffs = differences(def, out, 0.95);
  } catch (err) {
    diffs = [`no output: ${err.message}`];
  }
  if (!diffs.length) {
    perfect++;
    k.perfect++;
  } else {
    console.log(`✗ ${e.file} ${JSON.stringify(e.options)}\n    ${diffs.slice(0, 6).join('\n    ')}`);
  }
}
console.log(`\n${perfect}/${manifest.length} variants perfect; ${Object.entries(byKind).map(([k, v]) => `${k} ${v.perfect}/${v.n}`).join(', ')}`);
console.log(`documents in ${join(work, 'docs')}`);
