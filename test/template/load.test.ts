import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TEMPLATE_DIR, loadTemplates, TemplateError } from '../../src/template/load.js';

function copyTemplates(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-templates-'));
  cpSync(DEFAULT_TEMPLATE_DIR, dir, { recursive: true });
  return dir;
}

describe('loadTemplates', () => {
  const t = loadTemplates();

  it('compiles both national editions with the three tables', () => {
    expect(t.editions.map((e) => e.id).sort()).toEqual(['2019', '2021']);
    for (const e of t.editions) expect(Object.keys(e.tables).sort()).toEqual(['activeDisclosure', 'applications', 'reviewLitigation']);
  });

  it('flattens table 三 into printed order, with （六） as one row or three', () => {
    const applications = t.editions[0]!.tables['applications']!;
    const paths = applications.variants.map((v) => v.leaves.map((l) => l.path));
    expect(paths).toContainEqual(expect.arrayContaining(['otherHandling.total']));
    const detail = paths.find((p) => p.includes('otherHandling.overdueCorrection'))!;
    expect(detail).not.toContain('otherHandling.total');
    expect(detail.slice(0, 3)).toEqual(['newReceived', 'carriedOver', 'granted']);
    expect(detail.at(-1)).toBe('carriedForward');
    expect(detail).toHaveLength(25);
  });

  it('gives readers the printed labels as hints', () => {
    expect(t.hints.columnLabels).toEqual(expect.arrayContaining(['自然人', '本年制发件数', '结果维持']));
    expect(t.hints.rowLabels).toEqual(expect.arrayContaining(['规章', '（三）不予公开', '1.属于国家秘密']));
  });

  it('names the file and the path of a bad entry', () => {
    const dir = copyTemplates();
    const file = join(dir, 'tables', 'applications.json');
    const def = JSON.parse(readFileSync(file, 'utf8'));
    def.rows[0].columns = ['nope'];
    writeFileSync(file, JSON.stringify(def));
    expect(() => loadTemplates(dir)).toThrow(TemplateError);
    expect(() => loadTemplates(dir)).toThrow(/applications\.json: at rows\[0\]\.columns: unknown column nope/);
  });

  it('takes a third edition from data alone', () => {
    const dir = copyTemplates();
    writeFileSync(
      join(dir, 'editions', '2031.json'),
      JSON.stringify({ id: '2031', years: { from: 2031 }, tables: { activeDisclosure: 'active-disclosure-2021', applications: 'applications', reviewLitigation: 'review-litigation' } }),
    );
    expect(loadTemplates(dir).editions.map((e) => e.id)).toContain('2031');
  });
});
