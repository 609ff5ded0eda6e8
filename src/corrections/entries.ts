/**
 * The corrections file (`gongkai extract --corrections FILE`, spec
 * report-schema.md § Corrections): a JSON array of
 * `{ sha256, path, value?, note?, by?, at? }`, one entry per value a person
 * checked against the page. `value` omitted = a confirmation of what was
 * printed. The review site exports exactly this shape.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const CorrectionEntry = z.object({
  /** sha256 of the document's bytes: the entry applies to that document only. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex digits'),
  /** Output path of a table cell, e.g. `applications.granted.total`. */
  path: z.string().min(1),
  /** The corrected number; absent for a confirmation. */
  value: z.number().finite().optional(),
  note: z.string().optional(),
  by: z.string().optional(),
  /** When it was checked (an ISO date or date-time, as the person's tool wrote it). */
  at: z.string().optional(),
});
export type CorrectionEntry = z.infer<typeof CorrectionEntry>;

export const CorrectionsFile = z.array(CorrectionEntry);

export class CorrectionsFileError extends Error {
  override readonly name = 'CorrectionsFileError';
}

/** Parses and validates a corrections file's text; errors name the entry and field. */
export function parseCorrections(text: string, where = 'corrections'): CorrectionEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CorrectionsFileError(`${where}: not JSON (${(e as Error).message})`);
  }
  const parsed = CorrectionsFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length ? ` at [${issue.path.join('].')}` : '';
    throw new CorrectionsFileError(`${where}${at}: ${issue.message}`.replace(/\]\.(\w+)$/, '].$1'));
  }
  return parsed.data;
}

/** Reads a corrections file from disk (see parseCorrections). */
export async function readCorrections(file: string): Promise<CorrectionEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CorrectionsFileError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseCorrections(text, file);
}
