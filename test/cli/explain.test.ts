/**
 * Checks people can read (issue 10, item 4): the lines the CLI writes for a
 * document with a failed check say what the check sums (`expected` the
 * parts, `actual` the printed total), the rule's `why` from
 * extractors/checks.json, and the cells summed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';

describe('failed checks on the terminal lines', () => {
  it('--verbose explains each failed check: the sums, the reason and the cells summed', () => {
    const r = gongkai(['extract', join(SAMPLE_DOCS, 'hexi-market-2020.docx'), '--verbose', '--out', mkdtempSync(join(tmpdir(), 'gongkai-explain-'))]);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe(
      `complete ${join(SAMPLE_DOCS, 'hexi-market-2020.docx')}  failed checks: applications.totalProcessed.total, applications.rowTotal.granted, reviewLitigation.review.total`,
    );
    expect(lines).toContain(
      '  ✗ reviewLitigation.review.total: the parts sum to 3, the printed total is 2 (总计 of each group is the sum of its four results; parts: review.upheld + review.corrected + review.other + review.pending; total: review.total)',
    );
    expect(lines.filter((l) => l.startsWith('  ✗ '))).toHaveLength(3);
  });
});
