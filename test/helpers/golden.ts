import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
