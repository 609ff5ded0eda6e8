/**
 * What `--out` and `--format` mean together, decided before any work:
 * - `-` is standard output;
 * - a path ending in `.json` (with one input), `.ndjson`, `.csv` or `.xlsx`
 *   is a file, and `--format` defaults to its extension (a `.csv` file for
 *   documents of several editions becomes one file per edition beside it,
 *   decided when the run ends: batch/sinks.ts);
 * - anything else is a folder (JSON: one file per document; CSV: one file
 *   per edition; NDJSON/XLSX: `reports.ndjson` / `reports.xlsx` in it).
 * Without `--out`: standard output for one JSON document and for NDJSON and
 * CSV streams; `./output` for several JSON documents.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { BatchFormat, OutputTarget } from '../batch/sinks.js';
import { UsageError } from './command.js';

export const DEFAULT_OUT = 'output';
const FILE_FORMATS: readonly BatchFormat[] = ['json', 'ndjson', 'csv', 'xlsx'];

/**
 * Where the outputs of `inputCount` inputs go and in what format, by the
 * rules above. Throws `UsageError` when `--out` and `--format` disagree or
 * the target cannot hold the output (several JSON documents to one file or
 * to standard output, a workbook to a terminal, a folder named like a file).
 */
export async function resolveOutput(
  out: string | undefined,
  format: BatchFormat | undefined,
  inputCount: number,
  stdoutIsTty: boolean,
): Promise<{ format: BatchFormat; target: OutputTarget }> {
  const ext = out && out !== '-' ? extname(out).slice(1).toLowerCase() : '';
  const extFormat = (FILE_FORMATS as string[]).includes(ext) ? (ext as BatchFormat) : undefined;
  if (format && extFormat && format !== extFormat) throw new UsageError(`--out ${out} is a .${ext} file but --format is ${format}`);
  const f: BatchFormat = format ?? extFormat ?? 'json';
  const several = inputCount > 1;

  if (out === '-' || (out === undefined && f !== 'xlsx' && !(f === 'json' && several))) {
    if (f === 'json' && several) throw new UsageError('several JSON documents cannot go to standard output: use --format ndjson, or --out DIR');
    if (f === 'xlsx' && stdoutIsTty) throw new UsageError('a workbook is not for the terminal: use --out FILE.xlsx or a pipe');
    return { format: f, target: { kind: 'stdout' } };
  }
  if (out === undefined) {
    if (f === 'xlsx') throw new UsageError('--format xlsx needs --out FILE.xlsx (or - for standard output)');
    return { format: f, target: { kind: 'folder', path: DEFAULT_OUT } };
  }
  const isDir = (await stat(out).catch(() => undefined))?.isDirectory() ?? false;
  if (extFormat) {
    if (isDir) throw new UsageError(`--out ${out} is a folder, but its name says a .${ext} file`);
    if (f === 'json' && several) throw new UsageError(`--out ${out} names one JSON file but there are ${inputCount} inputs: give a folder, or use --format ndjson`);
    return { format: f, target: { kind: 'file', path: out } };
  }
  return { format: f, target: { kind: 'folder', path: out } };
}
