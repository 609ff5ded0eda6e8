/**
 * Issue 8, bulk runs: OCR has its own lane (`--ocr-jobs`, batch/lanes.ts).
 * A batch whose scans come first and whose text PDFs come after, on one
 * general worker and one OCR worker: every text PDF is done before any scan
 * (with one shared lane they would wait behind the scans' OCR), the scans are
 * read by OCR all the same, and one OCR worker (one engine) served them all.
 * Run in a child process on the built pool, whose workers are compiled files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ROOT, SAMPLE_DOCS } from '../helpers/cli.js';

const OCR_TIMEOUT_MS = 15 * 60 * 1000;

it(
  'reads text documents beside the OCR lane, not behind it, with one engine for all scans',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-ocr-lane-'));
    // Two small scans: the heading line and a few table rows of the scanned table-3 sample.
    const page = join(ROOT, 'samples/scans/jiangcheng-natres-2022.table3.jpg');
    const scans = [join(dir, 'heading.png'), join(dir, 'rows.jpg')];
    await sharp(page).extract({ left: 180, top: 140, width: 760, height: 110 }).png().toFile(scans[0]!);
    await sharp(page).extract({ left: 120, top: 480, width: 1000, height: 160 }).jpeg().toFile(scans[1]!);
    const texts = ['liuwan-town-2021.pdf', 'hexi-market-2020.docx', 'tongchuan-county-gov-2024.pdf'].map((f) => join(SAMPLE_DOCS, f));
    const script = `
      import { createExtractPool } from ${JSON.stringify(join(ROOT, 'dist/batch/documents.js'))};
      const pool = createExtractPool({ size: 1, ocrJobs: 1, timeoutSeconds: 900, maxMemoryMb: 512, maxSizeMb: 100, provenance: false, ocr: 'auto' });
      const inputs = ${JSON.stringify([...scans, ...texts])};
      const done = [];
      await Promise.all(inputs.map(async (input) => {
        const { report } = await pool.extract(input, { fileName: input, sourcePath: input });
        done.push({ input, status: report.status, format: report.source.format, warnings: report.warnings ?? [] });
      }));
      console.log(JSON.stringify({ done, ocrWorkers: pool.ocrWorkers() }));
      await pool.close();`;
    // A file, not --eval: the pool's workers inherit the process's flags, and --input-type would stop them.
    writeFileSync(join(dir, 'run.mjs'), script);
    const r = spawnSync(process.execPath, [join(dir, 'run.mjs')], { encoding: 'utf8', timeout: OCR_TIMEOUT_MS });
    expect(r.stderr).toBe('');
    const { done, ocrWorkers } = JSON.parse(r.stdout) as { done: Array<{ input: string; status: string; format: string; warnings: string[] }>; ocrWorkers: number };
    const order = done.map((d) => d.input);
    // Queued after both scans, the text documents are not held up by their OCR:
    // the first is done before any scan, and all of them before the last scan.
    const at = (f: string) => order.indexOf(f);
    expect(Math.min(...texts.map(at))).toBeLessThan(Math.min(...scans.map(at)));
    expect(Math.max(...texts.map(at))).toBeLessThan(Math.max(...scans.map(at)));
    for (const d of done.filter((x) => texts.includes(x.input))) expect(d.status).toBe('complete');
    // The scans went through OCR (an image is read by nothing else): no lane message, one engine.
    for (const d of done.filter((x) => scans.includes(x.input))) {
      expect(d.format).toBe('image');
      expect(d.warnings.join('\n')).not.toMatch(/OCR lane|OCR is done/);
    }
    expect(ocrWorkers).toBe(1);
  },
  OCR_TIMEOUT_MS,
);
