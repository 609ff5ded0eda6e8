import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract.js';
import type { Report } from '../../src/report/types.js';

const EXPECTED = join(import.meta.dirname, '../golden/expected');
const UPDATE = process.env['GONGKAI_UPDATE_GOLDEN'] === '1';

/**
 * `output` equals the committed golden file test/golden/expected/<file>.json.
 * With GONGKAI_UPDATE_GOLDEN=1 the file is written instead, and the test
 * fails on purpose so the flag is not left on.
 */
export function expectGolden(file: string, output: unknown): void {
  const path = join(EXPECTED, `${file}.json`);
  if (UPDATE) {
    writeFileSync(path, `${JSON.stringify(output, null, 2)}\n`);
    throw new Error(`golden file written: ${path}; run the tests again without GONGKAI_UPDATE_GOLDEN`);
  }
  expect(existsSync(path)).toBe(true);
  expect(output).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

const outputs = new Map<string, Report>();

/** The output of samples/docs/<file> with provenance, extracted once per test file. */
export async function sampleOutput(file: string): Promise<Report> {
  let r = outputs.get(file);
  if (!r) {
    r = await extract(join(import.meta.dirname, '../../samples/docs', file), { provenance: true });
    outputs.set(file, r);
  }
  return r;
}
