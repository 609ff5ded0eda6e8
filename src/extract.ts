/**
 * The facade: one input document → one report. Reads the bytes, picks the
 * reader by the bytes' format, assembles the report and validates it against
 * the schema. Never throws for a bad input: an unreadable or foreign file
 * gives a `failed` report whose `warnings` say why.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError, type DocumentModel } from './model/document.js';
import { detectFormat, type ReadOptions } from './readers/registry.js';
import { assembleReport } from './report/assemble.js';
import { failedBody, failedReport } from './report/failed.js';
import type { Report, ReportBody } from './report/types.js';
import { buildReportSchema, type OutputFormat } from './schema/report.js';
import { SCHEMA_VERSION } from './schema/version.js';
import { loadTemplates, type Templates } from './template/load.js';
import { fileSha256, sha256 } from './io/hash.js';
import { readerHints } from './legacy/load.js';
import { CANNOT_READ, describeFsError } from './io/errors.js';
import { applyCorrections } from './corrections/apply.js';
import type { CorrectionEntry } from './corrections/entries.js';

/** What `extract()` reads: a file path, or the file's bytes. */
export type ExtractInput = string | Uint8Array | ArrayBuffer;

export interface ExtractOptions {
  /** Record where every cell was read (page, box, raw text). */
  provenance?: boolean;
  /** Password of an encrypted PDF. */
  password?: string;
  /** A folder of template data to use instead of the package's `extractors/`. */
  templatesDir?: string;
  /** The file name to report (and to guess the format from) when extracting from bytes. */
  fileName?: string;
  /**
   * `source.path`: the path the output is named after (report-schema.md,
   * Files; see `outputNames` in batch/names.ts). Default: the base name.
   */
  sourcePath?: string;
  /** Inputs larger than this many bytes are refused (default 100 MB). */
  maxBytes?: number;
  /**
   * Give up after this many milliseconds: the result is a `failed` report
   * saying so. The work runs in this thread, so it is abandoned, not
   * stopped; `extractMany` runs each document in a worker it can stop.
   */
  timeoutMs?: number;
  /** Give up when this signal aborts: a `failed` report saying so (checked between stages). */
  signal?: AbortSignal;
  /** Which pages to read by OCR: `off`, `auto` (default: those without a usable text layer), `force`. */
  ocr?: 'off' | 'auto' | 'force';
  /** Milliseconds one OCR'd page may take before the remaining pages are left unread. */
  ocrPageBudgetMs?: number;
  /** A person's corrections (spec § Corrections); only the entries for this document's sha256 apply. */
  corrections?: CorrectionEntry[];
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

const schemas = new WeakMap<Templates, ReturnType<typeof buildReportSchema>>();

function schemaFor(templates: Templates) {
  let s = schemas.get(templates);
  if (!s) schemas.set(templates, (s = buildReportSchema(templates)));
  return s;
}

class Aborted extends Error {}

/**
 * Reads and maps one document. `input` is a file path, a `Uint8Array` (a
 * `Buffer` is one) or an `ArrayBuffer`. Never throws and never rejects: an
 * unreadable, foreign or unsupported input (anything else, such as a number
 * or a Blob), a timeout or an abort gives a `failed` report whose `warnings`
 * say why.
 */
export async function extract(input: ExtractInput, options: ExtractOptions = {}): Promise<Report> {
  const opts: ExtractOptions = options !== null && typeof options === 'object' ? options : {};
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  const fileName = opts.fileName ?? (typeof bytes === 'string' ? basename(bytes) : 'input');
  const sourcePath = opts.sourcePath ?? fileName;
  if (typeof bytes !== 'string' && !(bytes instanceof Uint8Array)) {
    const kind = bytes === null ? 'null' : typeof bytes === 'object' ? ((bytes as object).constructor?.name ?? 'object') : typeof bytes;
    return failedReport(fileName, `unsupported input: ${kind} (give a file path, a Uint8Array, a Buffer or an ArrayBuffer)`, null, sourcePath);
  }
  const { timeoutMs, signal } = opts;
  const work = extractInput(bytes, fileName, sourcePath, opts).catch((e: unknown) =>
    e instanceof Aborted
      ? stopped(bytes, fileName, sourcePath, 'aborted')
      : failedReport(fileName, `internal error: ${(e as Error)?.message ?? String(e)}`, null, sourcePath),
  );
  if (!timeoutMs && !signal) return work;
  if (signal?.aborted) return stopped(bytes, fileName, sourcePath, 'aborted');
  return new Promise<Report>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => finish(stopped(bytes, fileName, sourcePath, 'aborted'));
    const finish = (r: Report | Promise<Report>) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    if (timeoutMs && timeoutMs > 0) timer = setTimeout(() => finish(stopped(bytes, fileName, sourcePath, `timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    void work.then(finish);
  });
}

/** The failed report of a document given up on, with the input's sha256 when it can be read. */
async function stopped(input: string | Uint8Array, fileName: string, sourcePath: string, reason: string): Promise<Report> {
  const hash = typeof input === 'string' ? ((await fileSha256(input)) ?? null) : sha256(input);
  return failedReport(fileName, reason, hash, sourcePath);
}

async function extractInput(input: string | Uint8Array, fileName: string, sourcePath: string, options: ExtractOptions): Promise<Report> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    if (typeof input === 'string') {
      // Size and kind first: never start reading a FIFO or a device, or a file past the limit.
      const s = await stat(input);
      if (!s.isFile()) return failedReport(fileName, 'not a regular file', null, sourcePath);
      if (s.size > maxBytes) return failedReport(fileName, tooLarge(s.size, maxBytes), (await fileSha256(input)) ?? null, sourcePath);
      bytes = await readFile(input);
    } else {
      bytes = input;
    }
  } catch (e) {
    return failedReport(fileName, `${CANNOT_READ}${describeFsError(e)}`, null, sourcePath);
  }
  if (bytes.byteLength > maxBytes) return failedReport(fileName, tooLarge(bytes.byteLength, maxBytes), sha256(bytes), sourcePath);
  return extractBytes(bytes, fileName, sourcePath, options);
}

function tooLarge(size: number, max: number): string {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return `file too large: ${mb(size)} (limit ${mb(max)})`;
}

async function extractBytes(bytes: Uint8Array, fileName: string, sourcePath: string, options: ExtractOptions): Promise<Report> {
  const source: Report['source'] = {
    file: basename(fileName),
    path: sourcePath,
    format: 'unknown',
    sha256: sha256(bytes),
    pages: null,
  };
  if (bytes.byteLength === 0) return finish(source, failedBody('empty file'), options);
  const entry = detectFormat(bytes, fileName);
  if (!entry) return finish(source, failedBody('unrecognised file format: not a PDF, DOCX, DOC, HTML or text file'), options);
  source.format = entry.format as OutputFormat;

  let templates: Templates;
  try {
    templates = loadTemplates(options.templatesDir);
  } catch (e) {
    return finish(source, failedBody(`template data: ${(e as Error).message}`), options);
  }

  if (options.signal?.aborted) throw new Aborted();
  let model: DocumentModel;
  try {
    const read = await entry.load();
    const readOptions: ReadOptions = { hints: readerHints(templates) };
    if (options.password !== undefined) readOptions.password = options.password;
    if (options.ocr !== undefined) readOptions.ocr = options.ocr;
    if (options.ocrPageBudgetMs !== undefined) readOptions.ocrPageBudgetMs = options.ocrPageBudgetMs;
    model = await read(bytes, readOptions);
  } catch (e) {
    const reason = e instanceof InputError ? e.message : `cannot read the ${entry.format.toUpperCase()}: ${(e as Error)?.message ?? String(e)}`;
    return finish(source, failedBody(reason), options);
  }
  source.pages = model.pageCount;
  if (options.signal?.aborted) throw new Aborted();

  const { body, provenance } = assembleReport(model, templates);
  return finish(source, body, options, templates, options.provenance ? provenance : undefined);
}

function finish(
  source: Report['source'],
  body: ReportBody,
  options: ExtractOptions,
  templates?: Templates,
  provenance?: Report['provenance'],
): Report {
  let report: Report = { schemaVersion: SCHEMA_VERSION, source, ...body };
  if (options.corrections?.length) report = applyCorrections(report, options.corrections, (templates ?? loadTemplates(options.templatesDir)).checks);
  if (provenance) report.provenance = provenance;
  else if (options.provenance) report.provenance = {};
  const checked = schemaFor(templates ?? loadTemplates(options.templatesDir)).safeParse(report);
  if (!checked.success) {
    // A bug in gongkai, not in the input: say so rather than write an output that breaks the contract.
    const issue = checked.error.issues[0]!;
    return { schemaVersion: SCHEMA_VERSION, source, ...failedBody(`internal error: the output does not fit the schema at ${issue.path.join('.')}: ${issue.message}`) };
  }
  return report;
}
