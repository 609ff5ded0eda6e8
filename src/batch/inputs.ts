/**
 * The inputs of a run: files named on the command line, `-` (standard
 * input), and the documents found (recursively) under folders named on it.
 * In a folder, every file whose bytes are a supported format is a document
 * whatever its name (`.jsp`, `.do`, no extension, `REPORT.PDF`), and so is
 * every file named like a document (an empty `x.pdf` gets a `failed` output
 * rather than silence); every other file is skipped with a reason the run
 * reports. Output names follow batch/names.ts.
 */
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

async function walk(dir: string, found: string[], skipped: SkippedFile[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) {
    skipped.push({ path: dir, reason: 'folder cannot be read' });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.name.startsWith('.')) {
      skipped.push({ path: p, reason: 'hidden' });
    } else if (e.isDirectory()) {
      await walk(p, found, skipped);
    } else if (namedLikeDocument(e.name)) {
      // Symbolic links are followed to files, never to folders (no loops); a
      // broken link or a special file with a document's name is still an
      // input, so that it is reported rather than silently skipped.
      const s = await stat(p).catch(() => undefined);
      if (s?.isDirectory()) skipped.push({ path: p, reason: 'symbolic link to a folder (not followed)' });
      else found.push(p);
    } else {
      const s = await stat(p).catch(() => undefined);
      if (!s) skipped.push({ path: p, reason: 'broken symbolic link' });
      else if (s.isDirectory()) skipped.push({ path: p, reason: 'symbolic link to a folder (not followed)' });
      else if (!s.isFile()) skipped.push({ path: p, reason: 'not a regular file' });
      else if (await sniffFile(p, e.name)) found.push(p);
      else skipped.push({ path: p, reason: s.size ? 'not a supported document format' : 'empty file' });
    }
  }
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
  for (const p of paths) {
    const s = p === STDIN ? undefined : await lstat(p).then(() => stat(p)).catch(() => undefined);
    if (s?.isDirectory()) await walk(p, found, skipped);
    else found.push(p);
  }
  const names = outputNames(found);
  const inputs = found.map((path, i) => ({ path, name: names[i]!, outName: `${names[i]!}.json` }));
  return { inputs, skipped, collisions: nameCollisions(found, names) };
}
