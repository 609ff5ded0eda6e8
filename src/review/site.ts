/**
 * `gongkai review`: writes a static site that works offline from file:// —
 * index.html (every document, problems first), one page per document
 * (<id>.html, with PNG crops under crops/<id>/), one page per body with
 * several years (body-<n>.html), and assets/ (CSS and the client script).
 * Data is embedded in each page as a script.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { loadReports, type LoadedReport } from '../collection/load.js';
import type { CorrectionEntry } from '../corrections/entries.js';
import { buildSeries } from '../series/build.js';
import { loadTemplates } from '../template/load.js';
import { clientScript } from './client.js';
import { renderCrops, type CropRequest } from './crops.js';
import { locateMeta } from './meta-evidence.js';
import { documentData, summarize, type DocumentSummary } from './document-data.js';
import { bodyPage, type BodyColumn } from './page-body.js';
import { documentPage } from './page-document.js';
import { indexPage } from './page-index.js';
import { REVIEW_CSS } from './style.js';

export interface ReviewOptions {
  corrections?: CorrectionEntry[] | undefined;
  /** OCR values below this confidence (0–1) need a look. */
  minConfidence?: number;
  /** Progress lines (one per document). */
  log?: (line: string) => void;
}

export interface ReviewResult {
  documents: DocumentSummary[];
  bodies: number;
  /** Bodies with a failed cross-year check (spec § Series). */
  bodiesWithFailedChecks: number;
}

/** A file-name-safe id from the document's name, unique in the site. */
function idFor(file: string, taken: Set<string>): string {
  const base = `doc-${file.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '')}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const hrefTo = (from: string, to: string) => relative(from, to).split(sep).map(encodeURIComponent).join('/');

/** Builds the site for the reports under `inputs` into `outDir` (created; earlier crops replaced). */
export async function buildReviewSite(inputs: string[], outDir: string, options: ReviewOptions = {}): Promise<ReviewResult> {
  const log = options.log ?? (() => undefined);
  const loaded = await loadReports(inputs, { corrections: options.corrections, onExtract: (p) => log(`extracting ${p}`) });
  const templates = loadTemplates();
  await mkdir(join(outDir, 'assets'), { recursive: true });
  await rm(join(outDir, 'crops'), { recursive: true, force: true });
  await writeFile(join(outDir, 'assets/review.css'), REVIEW_CSS);
  await writeFile(join(outDir, 'assets/review.js'), clientScript());

  const taken = new Set<string>();
  const ids = new Map<LoadedReport, string>();
  const summaries: DocumentSummary[] = [];
  for (const item of loaded) {
    const { report } = item;
    const id = idFor((report.source as { path?: string }).path ?? report.source.file, taken);
    ids.set(item, id);
    const requests: CropRequest[] = [];
    for (const [path, p] of Object.entries(report.provenance ?? {})) {
      if (p.page && p.bbox) requests.push({ path, page: p.page, bbox: p.bbox as [number, number, number, number] });
    }
    const files = item.document
      ? await renderCrops(item.document, report.source.format, requests, join(outDir, 'crops', id), { locate: (doc) => locateMeta(doc, report.meta) })
      : new Map<string, string>();
    const located = new Map(requests.filter((r) => r.path.startsWith('meta.')).map((r) => [r.path, r]));
    const crops = new Map([...files].map(([path, name]) => [path, `crops/${id}/${encodeURIComponent(name)}`]));
    const data = documentData(id, report, templates, { href: item.document ? hrefTo(outDir, item.document) : null, crops, located, minConfidence: options.minConfidence ?? 0.8 });
    await writeFile(join(outDir, `${id}.html`), documentPage(data));
    summaries.push(summarize(data));
    log(`${report.status.padEnd(8)} ${id}${data.failedChecks.length ? ` (${data.failedChecks.length} failed checks)` : ''}${files.size ? `, ${files.size} crops` : ''}`);
  }

  const series = buildSeries(loaded);
  const bodies: { id: string; body: (typeof series.bodies)[number] }[] = [];
  for (const [n, body] of series.bodies.entries()) {
    const byYear = series.members.get(body)!;
    const columns: BodyColumn[] = [];
    const first = body.years[0]!.year;
    const last = body.years[body.years.length - 1]!.year;
    for (let year = first; year <= last; year++) {
      const items = byYear.get(year) ?? [];
      if (!items.length) columns.push({ year, report: null, docId: null, file: null });
      for (const i of items) columns.push({ year, report: i.report, docId: ids.get(i) ?? null, file: (i.report.source as { path?: string }).path ?? i.report.source.file });
    }
    bodies.push({ id: `body-${n + 1}`, body });
    await writeFile(join(outDir, `body-${n + 1}.html`), bodyPage(`body-${n + 1}`, body, columns));
  }
  await writeFile(join(outDir, 'index.html'), indexPage(summaries, bodies));
  return { documents: summaries, bodies: bodies.length, bodiesWithFailedChecks: series.bodies.filter((b) => b.checks.some((c) => !c.passed)).length };
}
