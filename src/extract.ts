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
import { assembleReport, failedBody, type ReportBody } from './report/assemble.js';
import type { Report } from './report/types.js';
import { buildReportSchema, SCHEMA_VERSION, type OutputFormat } from './schema/report.js';
import { loadTemplates, type Templates } from './template/load.js';
import { fileSha256, sha256 } from './io/hash.js';
import { applyCorrections } from './corrections/apply.js';
import type { CorrectionEntry } from './corrections/entries.js';

export interface ExtractOptions {
  /** Record where every cell was read (page, box, raw text). */
  provenance?: boolean;
  /** Password of an encrypted PDF. */
  password?: string;
  /** A folder of template data to use instead of the package's `extractors/`. */
  templatesDir?: string;
  /** The file name to report (and to guess the format from) when extracting from bytes. */
  fileName?: string;
  /** Inputs larger than this many bytes are refused (default 100 MB). */
  maxBytes?: number;
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

/** Reads and maps one document. `input` is a file path or the file's bytes. */
export async function extract(input: string | Uint8Array, options: ExtractOptions = {}): Promise<Report> {
  const fileName = options.fileName ?? (typeof input === 'string' ? basename(input) : 'input');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    if (typeof input === 'string') {
      // Size and kind first: never start reading a FIFO or a device, or a file past the limit.
      const s = await stat(input);
      if (!s.isFile()) return failedReport(fileName, 'not a regular file');
      if (s.size > maxBytes) return failedReport(fileName, tooLarge(s.size, maxBytes), await fileSha256(input));
      bytes = await readFile(input);
    } else {
      bytes = input;
    }
  } catch (e) {
    return failedReport(fileName, `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (bytes.byteLength > maxBytes) return failedReport(fileName, tooLarge(bytes.byteLength, maxBytes), sha256(bytes));
  return extractBytes(bytes, fileName, options);
}

function tooLarge(size: number, max: number): string {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return `file too large: ${mb(size)} (limit ${mb(max)}, see --max-size)`;
}

/**
 * The `failed` report of an input that could not be read (also what the batch
 * runner records for a document whose worker crashed, hung or ran out of
 * memory). Without the file's hash (a file that cannot be read at all), the
 * hash of no bytes stands in.
 */
export function failedReport(file: string, reason: string, hash?: string): Report {
  const source: Report['source'] = { file: basename(file), format: 'unknown', sha256: hash ?? sha256(new Uint8Array()), pages: null };
  return { schemaVersion: SCHEMA_VERSION, source, ...failedBody(reason) };
}

async function extractBytes(bytes: Uint8Array, fileName: string, options: ExtractOptions): Promise<Report> {
  const source: Report['source'] = {
    file: fileName,
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

  let model: DocumentModel;
  try {
    const read = await entry.load();
    const readOptions: ReadOptions = { hints: templates.hints };
    if (options.password !== undefined) readOptions.password = options.password;
    model = await read(bytes, readOptions);
  } catch (e) {
    const reason = e instanceof InputError ? e.message : `cannot read the ${entry.format.toUpperCase()}: ${(e as Error)?.message ?? String(e)}`;
    return finish(source, failedBody(reason), options);
  }
  source.pages = model.pageCount;

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
