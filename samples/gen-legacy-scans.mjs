// A scanned legacy report (issue 8 on spec/legacy-reports.md): what a copier makes of one of our
// own legacy sample PDFs, every page an image — the way old reports with their attached
// statistics table (统计表) are archived. From samples/docs/<SOURCE>.pdf (definition
// samples/legacy/<SOURCE>.json):
//   - scans/<SOURCE>.scan.pdf   every page grey 150 dpi, slight noise, rotated 0.4° (the
//                               second page −0.3°), JPEG, no text layer (pdf-lib)
// The statistics table's narrow 单位 | 统计数 header and its dash cells are what OCR must
// read as columns and zeros. Needs pdftoppm (poppler) and ImageMagick `convert`; when one is
// missing the committed file is left as it is. Called from samples/make.mjs (one line).

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'scans');
const SOURCE = 'lanxi-stats-2016';
const DPI = 150;
const LEAN = [0.4, -0.3, 0.4];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Makes scans/<SOURCE>.scan.pdf from the legacy sample PDF. `skipped` collects what could not be made. */
export async function makeLegacyScans({ skipped = [], tmp }) {
  const src = path.join(HERE, 'docs', `${SOURCE}.pdf`);
  if (!have('pdftoppm') || !have('convert')) { skipped.push(`scans/${SOURCE}.scan.pdf (pdftoppm or ImageMagick convert not found)`); return; }
  fs.mkdirSync(OUT, { recursive: true });
  const work = fs.mkdtempSync(path.join(tmp, 'legacy-scans-'));
  run('pdftoppm', ['-gray', '-r', String(DPI), '-png', src, path.join(work, 'p')]);
  const pngs = fs.readdirSync(work).filter((f) => /^p-\d+\.png$/.test(f)).sort();
  const source = await PDFDocument.load(fs.readFileSync(src));
  const doc = await PDFDocument.create();
  for (const [i, f] of pngs.entries()) {
    const jpg = path.join(work, `s-${i + 1}.jpg`);
    run('convert', [path.join(work, f), '-seed', String(11 + i), '-attenuate', '0.2', '+noise', 'Gaussian', '-colorspace', 'Gray',
      '-background', 'white', '-rotate', String(LEAN[i % LEAN.length]), '+repage', '-quality', '70', jpg]);
    const { width, height } = source.getPage(i).getSize();
    const image = await doc.embedJpg(fs.readFileSync(jpg));
    doc.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  const fixed = new Date('2017-01-25T00:00:00Z');
  doc.setCreationDate(fixed); doc.setModificationDate(fixed); doc.setProducer('gongkai samples'); doc.setCreator('gongkai samples');
  const file = path.join(OUT, `${SOURCE}.scan.pdf`);
  fs.writeFileSync(file, await doc.save({ useObjectStreams: false }));
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`wrote scans/${SOURCE}.scan.pdf (${fs.statSync(file).size} bytes)`);
}
