/**
 * The ledger of a JSON run: one line per output written, appended after the
 * output's atomic rename, recording the input's sha256 and gongkai's version.
 * `--resume` skips an input whose output is in the ledger with the same
 * sha256 and version (and still on disk with that sha256). The report schema
 * fixes every key of the outputs, so the version is kept here, beside them.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LEDGER_NAME = '.gongkai-ledger.ndjson';

export interface LedgerEntry {
  out: string;
  sha256: string;
  version: string;
}

/** The ledger of an output folder; lines cut short by a killed run are ignored. */
export async function readLedger(dir: string): Promise<Map<string, LedgerEntry>> {
  const entries = new Map<string, LedgerEntry>();
  const text = await readFile(join(dir, LEDGER_NAME), 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    try {
      const e = JSON.parse(line) as LedgerEntry;
      if (typeof e.out === 'string' && typeof e.sha256 === 'string' && typeof e.version === 'string') entries.set(e.out, e);
    } catch {
      // an incomplete last line
    }
  }
  return entries;
}

export async function appendLedger(dir: string, entry: LedgerEntry): Promise<void> {
  await appendFile(join(dir, LEDGER_NAME), `${JSON.stringify(entry)}\n`);
}
