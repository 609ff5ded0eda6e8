/**
 * Listing a run's inputs (src/batch/inputs.ts): folder entries are looked at
 * concurrently, yet the inputs and skipped files come out in the order of a
 * depth-first walk by name, whatever finishes first.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectInputs } from '../../src/batch/inputs.js';

const PDF = '%PDF-1.4\n%%EOF\n';

describe('collectInputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-walk-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the order of a walk by name through a folder wider than the walk runs at once', async () => {
    const root = join(dir, 'wide');
    const skipped: string[] = [];
    // More entries than the walk's concurrency, in sub-folders and at the top, of every kind it tells apart.
    for (let f = 0; f < 3; f++) {
      const sub = join(root, `f${f}`);
      mkdirSync(join(sub, 'deeper'), { recursive: true });
      writeFileSync(join(sub, 'deeper', 'x.pdf'), PDF);
      for (let i = 0; i < 30; i++) {
        const name = join(sub, `d${String(i).padStart(2, '0')}`);
        if (i % 3 === 0) writeFileSync(`${name}.pdf`, PDF);
        else if (i % 3 === 1) writeFileSync(`${name}.page`, PDF); // a document by its bytes
        else {
          writeFileSync(`${name}.txt.bak`, 'not a document');
          skipped.push(`${name}.txt.bak`);
        }
      }
    }
    for (let i = 0; i < 40; i++) writeFileSync(join(root, `z${String(i).padStart(2, '0')}.pdf`), PDF);
    symlinkSync(join(root, 'z00.pdf'), join(root, 'zz-link.pdf'));
    symlinkSync(join(root, 'f0'), join(root, 'zz-folder.pdf'));

    const { inputs, skipped: skippedFiles } = await collectInputs([root]);
    const expected = sequentialWalk(root);
    expect(expected).toHaveLength(3 * 21 + 40 + 1);
    expect(inputs.map((i) => i.path)).toEqual(expected);
    expect(skippedFiles).toEqual([
      ...skipped.map((path) => ({ path, reason: 'not a supported document format' })),
      { path: join(root, 'zz-folder.pdf'), reason: 'symbolic link to a folder (not followed)' },
    ]);
  });
});

/** The same folder walked one entry at a time by name (documents here: everything but *.bak and links to folders). */
function sequentialWalk(d: string): string[] {
  return readdirSync(d)
    .sort()
    .flatMap((name) => {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) return lstatSync(p).isSymbolicLink() ? [] : sequentialWalk(p);
      return name.endsWith('.bak') ? [] : [p];
    });
}
