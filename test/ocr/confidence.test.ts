import { mapTables, MIN_OCR_CONFIDENCE } from '../../src/template/map-table.js';
import { loadTemplates } from '../../src/template/load.js';
import { tablesOf, row } from '../helpers/model.js';

const active2021 = loadTemplates().editions.find((e) => e.id === '2021')!.tables['activeDisclosure']!;

const html = `<table>
  <tr><td colspan=4>第二十条第（一）项</td></tr>
  <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
  ${row('规章', 1, 2, 3)}${row('行政规范性文件', 4, 5, 6)}</table>`;

/** The table as if OCR had read it: every cell with a confidence, one digit smudged. */
function ocrTables(smudged: string, confidence: number) {
  const tables = tablesOf(html);
  for (const c of tables[0]!.cells) {
    c.confidence = 0.97;
    if (c.text === smudged) c.confidence = confidence;
  }
  return tables;
}

describe('OCR confidence in the mapper', () => {
  it('leaves a number read below the threshold null, with a warning naming path, text and confidence', () => {
    const m = mapTables(ocrTables('5', 0.31), active2021, {});
    expect((m.values['normativeDocuments'] as Record<string, unknown>)['repealed']).toBeNull();
    expect((m.values['normativeDocuments'] as Record<string, unknown>)['issued']).toBe(4);
    expect(m.warnings.some((w) => w.includes('normativeDocuments.repealed') && w.includes('"5"') && w.includes('0.31'))).toBe(true);
    expect(m.complete).toBe(false);
  });

  it('keeps numbers read at or above the threshold, and records ocr + confidence in provenance', () => {
    const m = mapTables(ocrTables('5', MIN_OCR_CONFIDENCE), active2021, {});
    expect((m.values['normativeDocuments'] as Record<string, unknown>)['repealed']).toBe(5);
    expect(m.provenance['normativeDocuments.repealed']).toMatchObject({ ocr: true, confidence: MIN_OCR_CONFIDENCE, raw: '5' });
  });

  it('adds nothing to provenance of cells not read by OCR', () => {
    const m = mapTables(tablesOf(html), active2021, {});
    expect(m.provenance['regulations.issued']).not.toHaveProperty('ocr');
  });
});
