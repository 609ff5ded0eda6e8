/**
 * Provenance boxes land on the right cells: for every cell of every table,
 * the text items of the reported page that lie inside the reported box read
 * exactly the cell's raw text — on a ruled table split across pages and on a
 * table without ruling lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../../src/extract.js';
import { readPrimitives } from '../../../src/readers/pdf/index.js';
import type { TextItem } from '../../../src/readers/pdf/types.js';

const DOCS = join(import.meta.dirname, '../../../samples/docs');

/** The text of the items whose centres lie in `bbox`, in reading order, whitespace removed. */
function textInside(items: TextItem[], [x0, y0, x1, y1]: readonly [number, number, number, number]): string {
  const inside = items.filter((it) => {
    const cx = (it.x0 + it.x1) / 2;
    const cy = (it.y0 + it.y1) / 2;
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
  });
  // Lines top to bottom (items whose centres are within half a line height), then left to right.
  inside.sort((a, b) => {
    const dy = (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2;
    return Math.abs(dy) > Math.min(a.y1 - a.y0, b.y1 - b.y0) / 2 ? dy : a.x0 - b.x0;
  });
  return inside.map((it) => it.text).join('').replace(/\s+/g, '');
}

describe.each(['beizhou-gov-office-2023.pdf', 'dongpu-street-2022.web.pdf', 'shiling-county-edu-2020.pdf'])('provenance of %s', (file) => {
  it("finds each cell's raw text inside its box", async () => {
    const path = join(DOCS, file);
    const report = await extract(path, { provenance: true });
    const prims = await readPrimitives(new Uint8Array(readFileSync(path)));
    const entries = Object.entries(report.provenance!);
    expect(entries.length).toBeGreaterThan(180);
    const wrong: string[] = [];
    for (const [cell, p] of entries) {
      const items = prims.pages[p.page! - 1]!.items;
      const found = textInside(items, p.bbox!);
      if (found !== p.raw.replace(/\s+/g, '')) wrong.push(`${cell}: box holds ${JSON.stringify(found)}, raw ${JSON.stringify(p.raw)}`);
    }
    expect(wrong).toEqual([]);
  });
});
