/**
 * The inputs of a run: files named on the command line, `-` (standard
 * input), and the documents found (recursively) under folders named on it.
 * In a folder, every file whose bytes are a supported format is a document
 * whatever its name (`.jsp`, `.do`, no extension, `REPORT.PDF`), and so is
 * every file named like a document (an empty `x.pdf` gets a `failed` output
 * rather than silence); every other file is skipped with a reason the run
 * reports. Output names follow batch/names.ts.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FORMATS } from '../readers/registry.js';
import { sniffFile } from '../readers/sniff-file.js';
import { nameCollisions, outputNames, STDIN } from './names.js';

export interface Input {
  /** The path as given or found; `-` for standard input. */
  path: string;
  /** `source.path`: the path relative to the deepest folder holding all inputs (batch/names.ts). */
  name: string;
  /** Output file path relative to the output folder (`a/report.pdf.json`). */
  outName: string;
}

/** A file under a folder that is not read, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface CollectedInputs {
  inputs: Input[];
  skipped: SkippedFile[];
  /** Output names given to more than one input: name → their paths. A usage error. */
  collisions: Map<string, string[]>;
}

/** Extensions of documents. Markdown is read when named, but in a folder it is a README far more often than a report. */
const DOCUMENT_EXTENSIONS = new Set(FORMATS.flatMap((f) => f.extensions).filter((e) => e !== 'md'));

function namedLikeDocument(name: string): boolean {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return name.includes('.') && DOCUMENT_EXTENSIONS.has(ext);
}

/** What one folder entry (or folder) contributes, in the order the folder lists it. */
interface Walked {
  found: string[];
  skipped: SkippedFile[];
}

/**
 * File-system calls of a walk in flight at once (stat, first bytes of a
 * file): enough to keep the disk and libuv's threads busy on a folder of
 * thousands of files, few enough open files to stay far below any limit.
 */
const AT_ONCE = 32;

type Limit = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs tasks with at most `n` at a time; a finished task hands its place to the next waiting one. */
function limiter(n: number): Limit {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < n) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

const skip = (path: string, reason: string): Walked => ({ found: [], skipped: [{ path, reason }] });

/** A folder's documents and skipped files, sorted by name, sub-folders in place; its entries are looked at concurrently (`limit`), the order kept. */
async function walk(dir: string, limit: Limit): Promise<Walked> {
  const entries = await limit(() => readdir(dir, { withFileTypes: true })).catch(() => undefined);
  if (!entries) return skip(dir, 'folder cannot be read');
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const parts = await Promise.all(entries.map((e) => walkEntry(join(dir, e.name), e, limit)));
  return { found: parts.flatMap((w) => w.found), skipped: parts.flatMap((w) => w.skipped) };
}

/** What one entry of a folder contributes: a document, a skipped file with its reason, or (a sub-folder) its own walk. */
async function walkEntry(p: string, e: Dirent, limit: Limit): Promise<Walked> {
  if (e.name.startsWith('.')) return skip(p, 'hidden');
  if (e.isDirectory()) return walk(p, limit);
  if (namedLikeDocument(e.name)) {
    // A regular file named like a document is one. Symbolic links are followed
    // to files, never to folders (no loops); a broken link or a special file
    // with a document's name is still an input, so that it is reported rather
    // than silently skipped.
    if (e.isFile()) return { found: [p], skipped: [] };
    const s = await limit(() => stat(p)).catch(() => undefined);
    return s?.isDirectory() ? skip(p, 'symbolic link to a folder (not followed)') : { found: [p], skipped: [] };
  }
  const s = await limit(() => stat(p)).catch(() => undefined);
  if (!s) return skip(p, 'broken symbolic link');
  if (s.isDirectory()) return skip(p, 'symbolic link to a folder (not followed)');
  if (!s.isFile()) return skip(p, 'not a regular file');
  if (await limit(() => sniffFile(p, e.name))) return { found: [p], skipped: [] };
  return skip(p, s.size ? 'not a supported document format' : 'empty file');
}

/**
 * Expands the command line's paths. A folder contributes its documents (see
 * above); a file named explicitly is always an input, and so is a path that
 * does not exist (it gets a `failed` output). Nothing is read yet except the
 * first bytes of files in folders whose names do not say they are documents.
 */
export async function collectInputs(paths: string[]): Promise<CollectedInputs> {
  const found: string[] = [];
  const skipped: SkippedFile[] = [];
  const limit = limiter(AT_ONCE);
  for (const p of paths) {
    const s = p === STDIN ? undefined : await lstat(p).then(() => stat(p)).catch(() => undefined);
    if (s?.isDirectory()) {
      const w = await walk(p, limit);
      found.push(...w.found);
      skipped.push(...w.skipped);
    } else found.push(p);
  }
  const names = outputNames(found);
  const inputs = found.map((path, i) => ({ path, name: names[i]!, outName: `${names[i]!}.json` }));
  return { inputs, skipped, collisions: nameCollisions(found, names) };
}
