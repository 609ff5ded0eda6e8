/**
 * gongkai's text-only copy of pdf.js: the legacy build of the pinned
 * pdfjs-dist with the work done only for drawing removed (glyph outlines,
 * Type 3 glyph programs, the copy of every message between pdf.js's two
 * in-thread halves, DecompressionStream attempts). `npm run build` derives
 * it into `vendor/pdfjs-text-only/` with exact, checked string edits
 * (scripts/pdfjs-text-only.mjs, which lists and explains each edit); the
 * build fails when an edit no longer applies.
 *
 * Loads that only read text (the PDF reader) use the copy; loads that render
 * (page images for OCR, review crops) use the original pdfjs-dist — see
 * `openPdf`'s `use` in load.ts. The copy's `page.render()` throws.
 */

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The copy's folder: `<package root>/vendor/pdfjs-text-only` (same from src/ and dist/). */
const DIR = fileURLToPath(new URL('../../../vendor/pdfjs-text-only/', import.meta.url));

export interface TextOnlyPdfjsStatus {
  /** True when text-only loads run on the derived copy (it exists and is complete). */
  active: boolean;
  /** Folder of the copy. */
  dir: string;
  /** pdfjs-dist version the copy was derived from (null when absent). */
  pdfjsDist: string | null;
  /** Ids of the edits applied, in order (see scripts/pdfjs-text-only.mjs). */
  edits: string[];
  /** Global name under which the copy's main-thread half finds its worker half. */
  workerGlobal: string | null;
  /** Why the copy is not active, when it is not. */
  reason?: string;
}

interface Manifest {
  pdfjsDist: string;
  workerGlobal: string;
  edits: Array<{ id: string }>;
}

let status: TextOnlyPdfjsStatus | undefined;

/** Escape hatch: `GONGKAI_FULL_PDFJS=1` makes text-only loads use the original pdf.js too. */
export const FULL_PDFJS_ENV = 'GONGKAI_FULL_PDFJS';

/** True when the environment turns the text-only copy off (read at every load). */
export function textOnlyPdfjsTurnedOff(): boolean {
  return process.env[FULL_PDFJS_ENV] === '1';
}

/**
 * Whether text-only loads run on the derived copy: reads the copy's manifest
 * written at build time. Never throws; `reason` says what is missing or that
 * the environment turned it off.
 */
export function textOnlyPdfjsStatus(): TextOnlyPdfjsStatus {
  const off = (reason: string): TextOnlyPdfjsStatus => ({ active: false, dir: DIR, pdfjsDist: null, edits: [], workerGlobal: null, reason });
  if (textOnlyPdfjsTurnedOff()) return off(`turned off by ${FULL_PDFJS_ENV}=1`);
  if (status) return status;
  const manifestPath = `${DIR}manifest.json`;
  if (!existsSync(manifestPath)) return off(`${manifestPath} not found: run \`npm run build\``);
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch (e) {
    return off(`${manifestPath} unreadable: ${(e as Error).message}`);
  }
  for (const f of ['pdf.mjs', 'pdf.worker.mjs']) if (!existsSync(DIR + f)) return off(`${DIR + f} not found: run \`npm run build\``);
  status = { active: true, dir: DIR, pdfjsDist: m.pdfjsDist, edits: m.edits.map((e) => e.id), workerGlobal: m.workerGlobal };
  return status;
}

/**
 * Imports the copy's two halves and hands the worker half over under the
 * copy's own global. Throws (an ordinary Error: a broken installation, not a
 * bad input) when the copy is absent.
 */
export async function importTextOnlyPdfjs<T>(): Promise<T> {
  const s = textOnlyPdfjsStatus();
  if (!s.active) throw new Error(`gongkai's text-only pdf.js is missing: ${s.reason}`);
  const [lib, worker] = await Promise.all([import(pathToFileURL(`${DIR}pdf.mjs`).href), import(pathToFileURL(`${DIR}pdf.worker.mjs`).href)]);
  (globalThis as Record<string, unknown>)[s.workerGlobal!] = worker;
  return lib as T;
}
