/**
 * Where a run's reports go, one sink per output format and target: JSON
 * files in a folder (atomically, with the --resume ledger), one JSON file,
 * JSON on stdout, an NDJSON stream in input order, and the tables for people
 * (CSV, XLSX), which need every report before their columns are known: their
 * reports wait in a temporary file (not in memory) until the run ends.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Input } from './inputs.js';
import { writeJsonOutput } from './documents.js';
import { writeAtomic } from '../io/write.js';
import type { Report } from '../report/types.js';
import type { Templates } from '../template/load.js';
import { toJson, toNdjsonLine } from '../writers/json.js';
import { csvColumns, csvHeaderLine, csvRow, type LabelLanguage } from '../writers/csv.js';
import { legacyCsvColumns } from '../legacy/csv.js';
import { VERSION } from '../version.js';

export type BatchFormat = 'json' | 'ndjson' | 'csv' | 'xlsx';

/** Where outputs go: standard output, one file, or a folder (JSON: a file per document; CSV: a file per edition). */
export type OutputTarget = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'folder'; path: string };

export interface Sink {
  /** `index` is the input's position: streams and tables keep input order. */
  write(index: number, input: Input, report: Report): Promise<void>;
  /** Writes what is still pending (also after an interruption: every finished document); resolves with notes for the person running it (files written instead of the one named). */
  close(): Promise<string[] | void>;
}

export interface SinkOptions {
  format: BatchFormat;
  target: OutputTarget;
  pretty: boolean;
  labels: LabelLanguage;
  templates: Templates;
}

async function toStdout(text: string | Uint8Array): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

class JsonFiles implements Sink {
  constructor(private readonly dir: string, private readonly pretty: boolean) {}
  async write(_: number, input: Input, report: Report): Promise<void> {
    await writeJsonOutput(this.dir, input.outName, report, this.pretty);
  }
  async close(): Promise<void> {}
}

class JsonOne implements Sink {
  constructor(private readonly file: string | undefined, private readonly pretty: boolean) {}
  async write(_: number, __: Input, report: Report): Promise<void> {
    if (this.file) await writeAtomic(this.file, toJson(report, this.pretty));
    else await toStdout(toJson(report, this.pretty));
  }
  async close(): Promise<void> {}
}

/** Writes texts in input order, whatever order they finish in. */
class InOrder {
  private readonly pending = new Map<number, string>();
  private next = 0;
  constructor(private readonly out: (text: string) => Promise<void>) {}
  async put(index: number, text: string): Promise<void> {
    this.pending.set(index, text);
    for (let t = this.pending.get(this.next); t !== undefined; t = this.pending.get(this.next)) {
      this.pending.delete(this.next++);
      await this.out(t);
    }
  }
  /** The rest, in order, skipping the gaps of documents never finished. */
  async flush(): Promise<void> {
    for (const i of [...this.pending.keys()].sort((a, b) => a - b)) await this.out(this.pending.get(i)!);
    this.pending.clear();
  }
}

/** A file written beside its target and renamed into place when done, so no one sees half a file. */
class TempFile {
  readonly tmp: string;
  private readonly stream;
  constructor(readonly target: string) {
    this.tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
    this.stream = createWriteStream(this.tmp);
  }
  static async open(target: string): Promise<TempFile> {
    await mkdir(dirname(target), { recursive: true });
    return new TempFile(target);
  }
  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
  async commit(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'close');
    await rename(this.tmp, this.target).catch(async (e: unknown) => {
      await rm(this.tmp, { force: true });
      throw e;
    });
  }
}

class NdjsonStream implements Sink {
  private file?: Promise<TempFile>;
  private readonly order: InOrder;
  constructor(target: string | undefined) {
    if (target) this.file = TempFile.open(target);
    this.order = new InOrder(async (t) => (this.file ? (await this.file).write(t) : toStdout(t)));
  }
  write(index: number, _: Input, report: Report): Promise<void> {
    return this.order.put(index, toNdjsonLine(report));
  }
  async close(): Promise<void> {
    await this.order.flush();
    if (this.file) await (await this.file).commit();
  }
}

/** What the tables for people use of a report (no texts, no provenance). */
function forTables(report: Report): Report {
  const { provenance: _, ...rest } = report;
  const r = rest as Record<string, unknown>;
  for (const k of ['overview', 'problems', 'otherMatters']) {
    const s = r[k] as { heading: string } | null;
    if (s) r[k] = { heading: s.heading, text: '' };
  }
  return rest as Report;
}

/** Reports kept in input order in a temporary NDJSON file until the run ends, then handed to `finish`. */
class Buffered implements Sink {
  private readonly dir = mkdtemp(join(tmpdir(), 'gongkai-'));
  private readonly file = this.dir.then((d) => createWriteStream(join(d, 'reports.ndjson')));
  private readonly order = new InOrder(async (t) => {
    const f = await this.file;
    if (!f.write(t)) await once(f, 'drain');
  });
  constructor(private readonly finish: (reports: () => AsyncIterable<Report>) => Promise<string[] | void>) {}
  write(index: number, _: Input, report: Report): Promise<void> {
    return this.order.put(index, `${JSON.stringify(forTables(report))}\n`);
  }
  async close(): Promise<string[] | void> {
    await this.order.flush();
    const f = await this.file;
    f.end();
    await once(f, 'close');
    const path = join(await this.dir, 'reports.ndjson');
    try {
      return await this.finish(async function* () {
        for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) if (line) yield JSON.parse(line) as Report;
      });
    } finally {
      await rm(await this.dir, { recursive: true, force: true });
    }
  }
}

/**
 * The CSV file a report goes in: the edition of its tables (`2019`, `2021`),
 * `legacy` (its statistics columns), or `other` (failed and unknown reports:
 * no cells of any edition, so they fit beside any one edition).
 */
function csvGroup(templates: Templates, report: Report): string {
  if (templates.editions.some((e) => e.id === report.meta.edition)) return report.meta.edition;
  return report.meta.edition === 'legacy' ? 'legacy' : 'other';
}

/** `all.csv` + `2019` → `all.2019.csv`, beside the named file. */
export function editionFile(path: string, group: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.${group}${ext}`);
}

/**
 * Writes the CSV. Every row has the columns of its own edition only (issue
 * 10): to a folder, one `reports-<group>.csv` per group; to a named file,
 * that file when the documents are of one edition (failed ones beside
 * them), else one sibling file per group (`all.2019.csv`, `all.2021.csv`,
 * `all.legacy.csv`, `all.other.csv`) and a note saying so; to standard
 * output (one stream), every group's columns, with a note when the
 * documents are of several editions. Returns the notes for stderr.
 */
async function writeCsv(o: SinkOptions, reports: () => AsyncIterable<Report>): Promise<string[]> {
  const found = new Map<string, Set<string>>();
  for await (const r of reports()) {
    const g = csvGroup(o.templates, r);
    if (!found.has(g)) found.set(g, new Set());
    found.get(g)!.add(r.meta.edition);
  }
  // In template order, then legacy, then other.
  const rank = (g: string) => (g === 'other' ? 1e6 : g === 'legacy' ? 1e5 : o.templates.editions.findIndex((e) => e.id === g));
  const groups = new Map([...found].sort(([a], [b]) => rank(a) - rank(b)));
  const editions = [...groups.keys()].filter((g) => g !== 'other');
  const t = o.target;
  const split = t.kind === 'folder' || (t.kind === 'file' && editions.length > 1);
  const dir = t.kind === 'stdout' ? '' : t.path;
  // Files to write: group → (target, editions present); one file holds every group unless split.
  const files = new Map<string, { path: string | undefined; present: Set<string> }>();
  if (!split) files.set('all', { path: t.kind === 'file' ? t.path : undefined, present: new Set([...groups.values()].flatMap((s) => [...s])) });
  else if (!groups.size) files.set('other', { path: join(dir, 'reports-other.csv'), present: new Set() });
  else for (const [g, present] of groups) files.set(g, { path: t.kind === 'folder' ? join(dir, `reports-${g}.csv`) : editionFile(dir, g), present });
  for (const [group, { path, present }] of files) {
    const columns = csvColumns(o.templates, present, o.labels, present.has('legacy') ? legacyCsvColumns(o.templates, o.labels) : []);
    const file = path === undefined ? undefined : await TempFile.open(path);
    const out = (text: string) => (file ? file.write(text) : toStdout(text));
    await out(csvHeaderLine(columns));
    for await (const r of reports()) if (!split || csvGroup(o.templates, r) === group) await out(csvRow(r, columns));
    await file?.commit();
  }
  if (editions.length < 2) return [];
  const kinds = `the documents are of ${editions.length} editions (${editions.join(', ')})`;
  if (t.kind === 'file') {
    const written = [...files.values()].map((f) => basename(f.path!)).join(', ');
    return [`${kinds}: wrote ${written} beside ${basename(t.path)} instead of it, one CSV per edition so that no row has another edition's empty columns`];
  }
  if (t.kind === 'stdout') return [`${kinds}: standard output is one CSV holding the columns of all of them; a .csv file instead gets one file per edition`];
  return [];
}

async function writeXlsx(o: SinkOptions, reports: () => AsyncIterable<Report>): Promise<void> {
  // exceljs loads only when a workbook is written.
  const [{ xlsxWorkbook }, { legacyStatisticsSheet }] = await Promise.all([import('../writers/xlsx.js'), import('../legacy/xlsx.js')]);
  const bytes = await xlsxWorkbook(reports(), o.templates, [legacyStatisticsSheet(o.templates)]);
  if (o.target.kind === 'stdout') await toStdout(bytes);
  else await writeAtomic(o.target.kind === 'folder' ? join(o.target.path, 'reports.xlsx') : o.target.path, bytes);
}

/** Where reports go for the chosen format and target (JSON files in a folder, one JSON to stdout or a file, NDJSON, CSV, XLSX), written atomically and in input order. */
export function makeSink(o: SinkOptions): Sink {
  const t = o.target;
  switch (o.format) {
    case 'json':
      return t.kind === 'folder' ? new JsonFiles(t.path, o.pretty) : new JsonOne(t.kind === 'file' ? t.path : undefined, o.pretty);
    case 'ndjson':
      return new NdjsonStream(t.kind === 'stdout' ? undefined : t.kind === 'folder' ? join(t.path, 'reports.ndjson') : t.path);
    case 'csv':
      return new Buffered((reports) => writeCsv(o, reports));
    case 'xlsx':
      return new Buffered((reports) => writeXlsx(o, reports));
  }
}
