// Scanned samples (issue 8): what a copier or a phone makes of one of our own
// sample PDFs. From samples/docs/<SOURCE>.pdf (definition samples/reports/<SOURCE>.json):
//   - <id>.scan.tif        every page, grey 150 dpi, slight noise, rotated 0.5°,
//                          a red stamp ring over the signature and date, printed
//                          translucent as seal ink is (multi-page TIFF)
//   - <id>.table3.jpg      the table 三 page alone, made the same way (the stamp below the table)
//   - <id>.mixed.pdf       the digital PDF with its table 三 page replaced by that
//                          scanned JPEG (pdf-lib), the other pages' text layer kept
//   - <id>.long.jpg        the whole report as one long image, every page one under
//                          the other (as a web page is saved), grey 150 dpi
//   - <id>.table3-stamped.jpg  the table 三 page with the stamp printed over the table's
//                          last rows (its ring across digits and borders, its star over a
//                          blank cell): opaque, so what it covers is lost — those cells must
//                          come out right or null with a warning, never a wrong number
// and samples/scans/manifest.json: [{ file, kind, definition, pages, expect }] —
// `expect.status` and which parts of the definition must come out right.
// Needs pdftoppm (poppler) and ImageMagick `convert`; when one is missing the
// committed files are left as they are. Called from samples/make.mjs (one line).

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'scans');
const SOURCE = 'jiangcheng-natres-2022';
const TABLE3_PAGE = 3; // 1-based page of table 三 in the source PDF
const DPI = 150;
/** Centre (PDF points) of the stamp printed over table 三's last rows (总计 and 结转). */
const STAMP_OVER_TABLE = [475, 640];
const PX = DPI / 72; // pixels per PDF point

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Centre (PDF points) of the last line of a page: the signature and date of the report. */
function lastLineCentre(pdf, page) {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  const words = [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
  if (!words.length) throw new Error(`gen-scans: no words on page ${page}`);
  const last = words[words.length - 1];
  return [last[2] - 60, (last[1] + last[3]) / 2];
}

/**
 * One scanned page: grey, slight noise (fixed seed), rotated 0.5°, a red stamp
 * ring (with a star) centred at [x, y] PDF points. Writes PNG to `out`.
 * `blend` 'over' paints the stamp opaque (what it covers is lost); 'multiply'
 * prints it as seal ink does, translucent: text under it stays legible, dark red.
 */
function scanPage(png, out, [x, y], blend = 'over') {
  const cx = Math.round(x * PX), cy = Math.round(y * PX), r = Math.round(40 * PX);
  const star = Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5, rr = i % 2 ? r * 0.16 : r * 0.4;
    return `${Math.round(cx + rr * Math.cos(a))},${Math.round(cy + rr * Math.sin(a))}`;
  }).join(' ');
  const stamp = ['-fill', 'none', '-stroke', 'rgb(214,40,40)', '-strokewidth', String(Math.round(2.5 * PX)), '-draw', `circle ${cx},${cy} ${cx + r},${cy}`,
    '-fill', 'rgb(214,40,40)', '-stroke', 'none', '-draw', `polygon ${star}`];
  const scanned = [png, '-seed', '8', '-attenuate', '0.25', '+noise', 'Gaussian', '-colorspace', 'Gray',
    '-background', 'white', '-rotate', '0.5', '+repage', '-colorspace', 'sRGB'];
  if (blend === 'multiply') run('convert', [...scanned, '(', '+clone', '-fill', 'white', '-colorize', '100', ...stamp, ')', '-compose', 'Multiply', '-composite', out]);
  else run('convert', [...scanned, ...stamp, out]);
}

/** Makes samples/scans/ from the source sample PDF. `skipped` collects what could not be made. */
export async function makeScans({ skipped = [], tmp }) {
  const src = path.join(HERE, 'docs', `${SOURCE}.pdf`);
  if (!have('pdftoppm') || !have('convert')) { skipped.push('scans/ (pdftoppm or ImageMagick convert not found)'); return; }
  fs.mkdirSync(OUT, { recursive: true });
  const work = fs.mkdtempSync(path.join(tmp, 'scans-'));
  run('pdftoppm', ['-gray', '-r', String(DPI), '-png', src, path.join(work, 'p')]);
  const pngs = fs.readdirSync(work).filter((f) => /^p-\d+\.png$/.test(f)).sort();
  const pages = pngs.length;
  const scanned = pngs.map((f, i) => {
    const out = path.join(work, `s-${i + 1}.png`);
    // The stamp sits over the signature on the last page, below the table on table 三's.
    const at = i + 1 === pages ? lastLineCentre(src, pages) : [440, 730];
    scanPage(path.join(work, f), out, at);
    return out;
  });
  // The TIFF is the paper report scanned: its seal is ink, translucent over the signature and date.
  const inked = pngs.map((f, i) => {
    const out = path.join(work, `m-${i + 1}.png`);
    scanPage(path.join(work, f), out, i + 1 === pages ? lastLineCentre(src, pages) : [440, 730], 'multiply');
    return out;
  });

  const tif = `${SOURCE}.scan.tif`, jpg = `${SOURCE}.table3.jpg`, mixed = `${SOURCE}.mixed.pdf`, stamped = `${SOURCE}.table3-stamped.jpg`, long = `${SOURCE}.long.jpg`;
  run('convert', [...inked, '-compress', 'JPEG', '-quality', '60', path.join(OUT, tif)]);
  run('convert', [scanned[TABLE3_PAGE - 1], '-quality', '80', path.join(OUT, jpg)]);
  const overTable = path.join(work, 'stamped.png');
  scanPage(path.join(work, pngs[TABLE3_PAGE - 1]), overTable, STAMP_OVER_TABLE);
  run('convert', [overTable, '-quality', '80', path.join(OUT, stamped)]);
  run('convert', [...pngs.map((f) => path.join(work, f)), '-append', '-quality', '80', path.join(OUT, long)]);

  const doc = await PDFDocument.load(fs.readFileSync(src));
  const { width, height } = doc.getPage(TABLE3_PAGE - 1).getSize();
  const image = await doc.embedJpg(fs.readFileSync(path.join(OUT, jpg)));
  doc.removePage(TABLE3_PAGE - 1);
  doc.insertPage(TABLE3_PAGE - 1, [width, height]).drawImage(image, { x: 0, y: 0, width, height });
  const fixed = new Date('2022-03-30T00:00:00Z');
  doc.setCreationDate(fixed); doc.setModificationDate(fixed); doc.setProducer('gongkai samples'); doc.setCreator('gongkai samples');
  fs.writeFileSync(path.join(OUT, mixed), await doc.save({ useObjectStreams: false }));

  const definition = `samples/reports/${SOURCE}.json`;
  const manifest = [
    { file: mixed, kind: 'digital PDF, table 三 page a scanned image', definition, pages, expect: { status: 'complete', parts: ['activeDisclosure', 'applications', 'reviewLitigation'] } },
    { file: tif, kind: 'multi-page TIFF of every page (image input)', definition, pages, expect: { status: 'complete', parts: ['activeDisclosure', 'applications', 'reviewLitigation'] } },
    // A lone table page is not a report (extract() says failed: no section headings), so its
    // expectation is at the table level: the page's table mapped as table 三.
    { file: jpg, kind: 'JPEG of the table 三 page alone (image input)', definition, pages: 1, expect: { status: 'failed', parts: ['applications'] } },
    // An opaque stamp over table digits: each cell right or null with a warning, never wrong.
    { file: stamped, kind: 'JPEG of the table 三 page, a stamp over the table (image input)', definition, pages: 1, expect: { status: 'failed', parts: ['applications'] } },
    // A whole report in one tall image: detection reads it in A4-shaped tiles (src/ocr/detect.ts).
    { file: long, kind: 'the whole report as one long JPEG (image input)', definition, pages: 1, expect: { status: 'complete', parts: ['activeDisclosure', 'applications', 'reviewLitigation'] } },
  ];
  fs.writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  fs.rmSync(work, { recursive: true, force: true });
  for (const f of [mixed, tif, jpg, stamped, long]) console.log(`wrote scans/${f} (${fs.statSync(path.join(OUT, f)).size} bytes)`);
}
