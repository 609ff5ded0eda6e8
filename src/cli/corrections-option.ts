/**
 * The `--corrections FILE` option shared by extract, review and series: a
 * bad file is a usage error (exit 2) naming the entry. The reader (and zod,
 * which checks the file) loads only when the option is given.
 */
import type { CorrectionEntry } from '../corrections/entries.js';
import { UsageError } from './command.js';

/** The entries of a corrections file (corrections/entries.ts, spec § Corrections); a file that cannot be read or fails the check throws `UsageError` with the reader's message. */
export async function readCorrectionsOrUsage(file: string): Promise<CorrectionEntry[]> {
  const { CorrectionsFileError, readCorrections } = await import('../corrections/entries.js');
  try {
    return await readCorrections(file);
  } catch (e) {
    if (e instanceof CorrectionsFileError) throw new UsageError(e.message);
    throw e;
  }
}
