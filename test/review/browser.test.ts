/**
 * The review site in a real browser: Debian's Chromium (CHROMIUM, else
 * `chromium` on PATH; .ci/run installs it) driven by puppeteer-core — no
 * browser download. Builds the site with `gongkai review`, opens it from
 * file://, checks the index lists the documents with their failed checks,
 * clicks a value and sees its crop, enters a correction, exports
 * corrections.json through the page's download, and feeds it to
 * `gongkai extract --corrections`.
 * With GONGKAI_UPDATE_SCREENSHOTS=1 it also writes docs/review-*.png.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CLI, gongkai, ROOT, SAMPLE_DOCS } from '../helpers/cli.js';

function chromium(): string {
  const named = process.env['CHROMIUM'];
  if (named) return named;
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  const found = which.stdout.trim().split('\n')[0];
  if (!found) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM');
  return found;
}

const SCREENSHOTS = process.env['GONGKAI_UPDATE_SCREENSHOTS'] === '1';
const dir = mkdtempSync(join(tmpdir(), 'gongkai-review-'));
const site = join(dir, 'site');
const downloads = join(dir, 'downloads');
interface Entry {
  file: string;
  report: string | null;
}
/** Every sample document in samples/docs (modern and legacy manifests): the reports are complete, the one that is not a report failed. */
const MANIFEST = ['samples/manifest.json', 'samples/legacy-manifest.json'].flatMap((m) => JSON.parse(readFileSync(join(ROOT, m), 'utf8')) as Entry[]);
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // Every sample, PDF crops included: longer than the helper's two minutes on a busy machine.
  const r = spawnSync(process.execPath, [CLI, 'review', SAMPLE_DOCS, '--out', site], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  expect(r.stderr).toMatch(new RegExp(`review site: ${MANIFEST.length} documents \\(2 with failed checks\\), \\d+ bodies`));
  expect(r.status).toBe(0);
  browser = await puppeteer.launch({
    executablePath: chromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage', `--user-data-dir=${join(dir, 'profile')}`],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
}, 660_000);

afterAll(async () => {
  await browser?.close();
});

const url = (f: string) => pathToFileURL(join(site, f)).href;

it('lists every sample in the index with its status, problems first, with the failed checks', async () => {
  await page.goto(url('index.html'));
  const rows = await page.$$eval('#documents tbody tr', (trs) => trs.map((tr) => ({ file: tr.querySelector('.file')!.textContent, status: (tr as HTMLElement).dataset['status'], failed: Array.from(tr.querySelectorAll('td.failed-checks code')).map((c) => c.textContent) })));
  expect(rows.map((r) => [r.file, r.status]).sort()).toEqual(MANIFEST.map((e) => [e.file, e.report ? 'complete' : 'failed']).sort());
  expect(rows[0]).toEqual({ file: 'meeting-notice-2023.docx', status: 'failed', failed: [] });
  const hexi = rows.filter((r) => r.file!.startsWith('hexi-market-2020'));
  expect(rows.slice(1, 3)).toEqual(hexi);
  for (const r of hexi) expect([...r.failed].sort()).toEqual(['applications.rowTotal.granted', 'applications.totalProcessed.total', 'reviewLitigation.review.total']);
  for (const r of rows.slice(3)) expect(r.failed).toEqual([]);
  // The problems-only filter hides the documents without problems.
  await page.click('#problems-only');
  const shown = await page.$$eval('#documents tbody tr:not([hidden])', (trs) => trs.map((tr) => ({ file: tr.querySelector('.file')!.textContent, problem: (tr as HTMLElement).dataset['problem'] })));
  // Exactly the documents with a problem (failed, failed checks, warnings): the failed notice and hexi's two among them.
  expect(shown.every((r) => r.problem === '1')).toBe(true);
  expect(shown.length).toBe(await page.$$eval('#documents tbody tr[data-problem="1"]', (trs) => trs.length));
  expect(shown.map((r) => r.file)).toEqual(expect.arrayContaining(['meeting-notice-2023.docx', ...hexi.map((r) => r.file)]));
  expect(shown.length).toBeLessThan(rows.length);
  expect(await page.$eval('#bodies', (t) => t.textContent)).toContain('云州市临溪县人民政府办公室');
  if (SCREENSHOTS) {
    await page.click('#problems-only');
    await page.screenshot({ path: join(ROOT, 'docs/review-index.png') });
  }
});

it('shows a value with its crop, takes a correction, exports corrections.json, and extract applies it', async () => {
  await page.goto(url('index.html'));
  await Promise.all([page.waitForNavigation(), page.click('a[href="doc-hexi-market-2020.pdf.html"]')]);
  const cell = 'td.v[data-path="applications.granted.total"]';
  expect(await page.$eval(cell, (td) => td.className)).toContain('flag-failed');
  await page.click(cell);
  await page.waitForSelector('#ev-crop');
  // The crop is a PNG file of the site that the browser loads from file://.
  await page.waitForFunction(() => (document.getElementById('ev-crop') as HTMLImageElement).naturalWidth > 100);
  const src = await page.$eval('#ev-crop', (img) => img.getAttribute('src'));
  expect(src).toBe('crops/doc-hexi-market-2020.pdf/applications.granted.total.png');
  expect(readFileSync(join(site, src!)).subarray(1, 4).toString()).toBe('PNG');
  expect(await page.$eval('#evidence', (e) => e.textContent)).toMatch(/第 2 页[\s\S]*原文 raw text: 13/);

  // j / k move through the cells that need a look (here: the cells of the failed checks), in reading order.
  const selected = () => page.$eval('td.v.selected', (td) => (td as HTMLElement).dataset['path']);
  await page.keyboard.press('j');
  expect(await selected()).toBe('applications.partiallyGranted.total');
  await page.keyboard.press('k');
  expect(await selected()).toBe('applications.granted.total');
  await page.type('#corr-value', '12');
  await page.type('#corr-note', '各列相加为12');
  await page.type('#corr-by', 'tester');
  await page.click('#save');
  await page.waitForFunction((sel) => document.querySelector(sel)!.classList.contains('local-corrected'), {}, cell);
  expect(await page.$eval(`${cell} .shown`, (s) => s.textContent)).toBe('13 12');
  if (SCREENSHOTS) await page.screenshot({ path: join(ROOT, 'docs/review-document.png') });

  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  await page.click('#export');
  const file = join(downloads, 'corrections.json');
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
  expect(readdirSync(downloads)).toEqual(['corrections.json']);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported).toEqual([{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), path: 'applications.granted.total', value: 12, note: '各列相加为12', by: 'tester', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);

  const r = gongkai(['extract', join(SAMPLE_DOCS, 'hexi-market-2020.pdf'), '--corrections', file]);
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout);
  expect(report.applications.granted.total).toBe(12);
  expect(report.corrections).toEqual([{ path: 'applications.granted.total', printed: 13, value: 12, note: '各列相加为12', by: 'tester', at: exported[0].at }]);
  expect(report.checks.filter((c: { passed: boolean }) => !c.passed).map((c: { rule: string }) => c.rule)).toEqual(['reviewLitigation.review.total']);
});

it("shows a body's years side by side with the failed carry-over highlighted", async () => {
  await page.goto(url('index.html'));
  await Promise.all([page.waitForNavigation(), page.click('#bodies a')]);
  expect(await page.$eval('h1', (h) => h.textContent)).toContain('云州市临溪县人民政府办公室');
  const failed = await page.$$eval('table.checks tr.failed td:first-child', (tds) => tds.map((t) => t.textContent));
  expect(failed).toEqual(['series.carryOver.naturalPerson', 'series.carryOver.total']);
  expect(await page.$$eval('table.side-by-side td.flag-failed', (tds) => tds.length)).toBe(4);
  expect(await page.$$eval('svg.chart rect.received', (r) => r.length)).toBe(3 + 1);
});
