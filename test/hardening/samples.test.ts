/**
 * Issue 7: the hardening samples (samples/gen-hardening.mjs), one or more
 * per kind of fault, each read against the report definition it was made
 * from (samples/hardening/definitions) and its expected status and warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract.js';
import { differences } from '../../src/report/compare.js';

const DIR = join(import.meta.dirname, '../../samples/hardening');

interface Entry {
  file: string;
  kind: string;
  definition: string;
  status: 'complete' | 'partial' | 'failed';
  warning?: string;
  /** The OCR mode to read it with (default auto). */
  ocr?: 'off' | 'auto' | 'force';
}

const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Entry[];
const definition = (id: string) => JSON.parse(readFileSync(join(DIR, 'definitions', `${id}.json`), 'utf8')) as Record<string, unknown>;

it('covers every kind of issue 7 that a document can show', () => {
  expect(new Set(manifest.map((e) => e.kind))).toEqual(new Set(['rotated pages', 'word fields', 'undecodable text', 'blank template', 'subsection headings', 'blank zero cells', 'web-page dates', 'fee units']));
});

describe.each(manifest)('$kind: $file', ({ file, definition: id, status, warning, ocr }) => {
  it(`is ${status}${warning ? `, warning "${warning}"` : ''}, and matches its definition`, async () => {
    const r = await extract(join(DIR, file), ocr ? { ocr } : {});
    expect(r.status).toBe(status);
    if (warning) expect(r.warnings.join('\n')).toContain(warning);
    if (status === 'failed') {
      expect(r.activeDisclosure).toBeNull();
      expect(r.applications).toBeNull();
    } else {
      expect(differences(definition(id), r as unknown as Record<string, unknown>)).toEqual([]);
    }
  });
});
