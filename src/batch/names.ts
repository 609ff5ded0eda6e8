/**
 * Output names (report-schema.md, Files): the output of an input is named
 * after the input's path relative to the deepest folder that holds all the
 * inputs, with `.json` appended, so two `report.pdf` in different folders
 * never collide, whether they were found under one folder or named one by
 * one. The same relative path is the report's `source.path`.
 */
import { basename, dirname, relative, resolve, sep } from 'node:path';

/** The input name `-`: one document read from standard input. */
export const STDIN = '-';
/** `source.path` (and output name stem) of the document read from standard input. */
export const STDIN_NAME = 'stdin';

/** The deepest folder holding every path (absolute). */
export function commonFolder(paths: string[]): string {
  const dirs = paths.map((p) => dirname(resolve(p)).split(sep));
  let common = dirs[0] ?? [];
  for (const d of dirs.slice(1)) {
    let i = 0;
    while (i < common.length && i < d.length && common[i] === d[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}

/**
 * The names of the inputs' outputs, in input order: each input's path
 * relative to the deepest folder holding all of them, with `/` separators
 * (`a/report.pdf`, `b/report.pdf`; a single input: its base name). `-`
 * (standard input) is named `stdin` and takes no part in finding the folder.
 * Append `.json` for the output file. Two equal names mean the same path was
 * given twice (see `nameCollisions`).
 *
 * @param paths input file paths as given or found (relative to the working folder, or absolute)
 * @returns one name per path, never starting with `..` or `/`
 */
export function outputNames(paths: string[]): string[] {
  const files = paths.filter((p) => p !== STDIN);
  const root = commonFolder(files);
  return paths.map((p) => {
    if (p === STDIN) return STDIN_NAME;
    const rel = relative(root, resolve(p));
    return (rel || basename(p)).split(sep).join('/');
  });
}

/** Names given to more than one input: name → the input paths that share it (empty when every name is unique). */
export function nameCollisions(paths: string[], names: string[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  names.forEach((n, i) => byName.set(n, [...(byName.get(n) ?? []), paths[i]!]));
  for (const [n, ps] of byName) if (ps.length < 2) byName.delete(n);
  return byName;
}
