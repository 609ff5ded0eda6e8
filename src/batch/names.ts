/**
 * Output names (spec: report-schema.md, Files): each output keeps its input's
 * path relative to the deepest folder that holds all the inputs, with `.json`
 * appended, so two `report.pdf` in different folders never collide, whether
 * they were found under one folder or named one by one.
 */
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * The output name of each input path, in the same order: `['d/a/r.pdf',
 * 'd/b/r.pdf']` → `['a/r.pdf.json', 'b/r.pdf.json']`; one input → its own
 * file name. Paths are resolved against the working folder first.
 */
export function outputNames(paths: string[]): string[] {
  const absolute = paths.map((p) => resolve(p));
  if (!absolute.length) return [];
  let common = dirname(absolute[0]!);
  for (const p of absolute) {
    while (p !== common && !p.startsWith(common.endsWith(sep) ? common : common + sep)) common = dirname(common);
  }
  return absolute.map((p) => `${relative(common, p)}.json`);
}
