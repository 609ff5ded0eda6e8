/**
 * The inputs of a run: files named on the command line, and the files found
 * (recursively) under folders named on it. Each input knows the path of its
 * output relative to the output folder: a file's own name, or its path
 * relative to the folder it was found in, so two `report.pdf` in different
 * folders never collide.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { FORMATS } from '../readers/registry.js';

export interface Input {
  path: string;
  /** Output file path relative to the output folder (`a/report.pdf.json`). */
  outName: string;
}

/** Extensions looked for in folders. Markdown is read when named, but in a folder it is a README far more often than a report. */
const KNOWN_EXTENSIONS = new Set(FORMATS.flatMap((f) => f.extensions).filter((e) => e !== 'md'));

function isCandidate(name: string): boolean {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return !name.startsWith('.') && KNOWN_EXTENSIONS.has(ext);
}

async function walk(dir: string, root: string, out: Input[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    // Symbolic links are followed to files, never to folders (no loops); a
    // broken link or a special file with a document's name is still an input,
    // so that it is reported rather than silently skipped.
    if (e.isDirectory()) await walk(p, root, out);
    else if (isCandidate(e.name)) out.push({ path: p, outName: `${relative(root, p)}.json` });
  }
}

/**
 * Expands the command line's paths. A folder contributes the files of known
 * formats under it; a file named explicitly is always an input (an unreadable
 * one gets a `failed` output). Paths that do not exist are inputs too, so
 * that they are reported, not silently skipped.
 */
export async function collectInputs(paths: string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (s?.isDirectory()) await walk(p, p, out);
    else out.push({ path: p, outName: `${basename(p)}.json` });
  }
  return out;
}
