import { commonFolder, nameCollisions, outputNames } from '../../src/batch/names.js';

describe('output names', () => {
  it('two inputs with the same name in different folders get two names', () => {
    expect(outputNames(['/d/a/report.pdf', '/d/b/report.pdf'])).toEqual(['a/report.pdf', 'b/report.pdf']);
  });

  it('a single input is named by its base name', () => {
    expect(outputNames(['/x/y/report.pdf'])).toEqual(['report.pdf']);
  });

  it('files named one by one keep their path under the deepest common folder', () => {
    expect(outputNames(['/d/2021/a.pdf', '/d/2022/sub/a.pdf', '/d/top.pdf'])).toEqual(['2021/a.pdf', '2022/sub/a.pdf', 'top.pdf']);
    expect(commonFolder(['/d/2021/a.pdf', '/d/2022/sub/a.pdf'])).toBe('/d');
  });

  it('standard input is named stdin and does not move the common folder', () => {
    expect(outputNames(['/d/a/x.pdf', '-'])).toEqual(['x.pdf', 'stdin']);
  });

  it('the same path given twice is a collision', () => {
    const paths = ['/d/a/x.pdf', '/d/a/../a/x.pdf', '/d/b/x.pdf'];
    const c = nameCollisions(paths, outputNames(paths));
    expect([...c]).toEqual([['a/x.pdf', ['/d/a/x.pdf', '/d/a/../a/x.pdf']]]);
  });
});
