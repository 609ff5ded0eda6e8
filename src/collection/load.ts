/**
 * The reports a review or a series works on: gongkai JSON outputs and the
 * documents they were extracted from, found under the paths given. A JSON
 * output is paired with its document by the document's sha256 (so outputs
 * may live in another folder than the documents); a document without an
 * output is extracted here (with provenance). An output whose document is
 * not among the inputs is still used, without the document.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { collectInputs } from '../batch/inputs.js';
import { extract } from '../extract.js';
import { fileSha256 } from '../io/hash.js';
import { applyCorrections } from '../corrections/apply.js';
import type { CorrectionEntry } from '../corrections/entries.js';
import { loadTemplates } from '../template/load.js';
import type { Report } from '../report/types.js';

export interface LoadedReport {
  report: Report;
  /** Path of the document the report was read from, when it is among the inputs. */
  document: string | null;
  /** Where the report came from: the JSON output's path, or the document's (extracted here). */
  origin: string;
}

export interface LoadOptions {
  /** Corrections to apply (spec § Corrections), to extracted and loaded reports alike. */
  corrections?: CorrectionEntry[] | undefined;
  /** Called before each document is extracted (progress). */
  onExtract?: (path: string) => void;
  /** Called for a .json file that is not a gongkai output. */
  onSkip?: (path: string, reason: string) => void;
}

async function jsonFiles(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await jsonFiles(p, out);
    else if (e.name.toLowerCase().endsWith('.json')) out.push(p);
  }
}

function isReport(v: unknown): v is Report & { source: { sha256: string } } {
  const r = v as Partial<Report> | null;
  return typeof r === 'object' && r !== null && r.schemaVersion === '1' && typeof r.source?.sha256 === 'string' && typeof r.meta === 'object';
}

/**
 * Loads every report under `paths` (files or folders, searched recursively),
 * in input order: JSON outputs first as found, then the documents that had
 * none, extracted in-process. Two outputs of the same bytes count once.
 */
export async function loadReports(paths: string[], options: LoadOptions = {}): Promise<LoadedReport[]> {
  const jsons: string[] = [];
  const docPaths: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (s?.isDirectory()) {
      await jsonFiles(p, jsons);
      docPaths.push(...(await collectInputs([p])).inputs.map((i) => i.path).filter((d) => !d.toLowerCase().endsWith('.json')));
    } else if (p.toLowerCase().endsWith('.json')) jsons.push(p);
    else docPaths.push(p);
  }
  const bySha = new Map<string, LoadedReport>();
  for (const j of jsons) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(j, 'utf8'));
    } catch (e) {
      options.onSkip?.(j, `not JSON: ${(e as Error).message}`);
      continue;
    }
    if (!isReport(data)) {
      options.onSkip?.(j, 'not a gongkai output');
      continue;
    }
    if (!bySha.has(data.source.sha256)) bySha.set(data.source.sha256, { report: data, document: null, origin: j });
  }
  const rules = options.corrections?.length ? loadTemplates().checks : [];
  for (const loaded of bySha.values()) {
    if (options.corrections?.length && !loaded.report.corrections) loaded.report = applyCorrections(loaded.report, options.corrections, rules);
  }
  for (const d of docPaths) {
    const sha = await fileSha256(d);
    const known = sha ? bySha.get(sha) : undefined;
    if (known) {
      known.document ??= d;
      continue;
    }
    options.onExtract?.(d);
    const report = await extract(d, { provenance: true, ...(options.corrections?.length ? { corrections: options.corrections } : {}) });
    bySha.set(sha ?? `${d}\0unreadable`, { report, document: sha ? d : null, origin: d });
  }
  return [...bySha.values()];
}
