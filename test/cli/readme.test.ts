/**
 * The README's command-line section says what `gongkai extract -h` says
 * (issue 10, acceptance): every option, the examples word for word, the
 * input formats and the exit codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gongkai, ROOT } from '../helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('\n## ', readme.indexOf('## Command line') + 1));
const help = gongkai(['extract', '-h']).stdout;

/** The lines of help between a heading line (`Examples:`) and the next blank line. */
function helpBlock(heading: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(heading);
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  return lines.slice(start + 1, end);
}

describe("README's command-line section", () => {
  it('lists every option of gongkai extract -h in its synopsis', () => {
    const synopsis = section.slice(section.indexOf('```sh'), section.indexOf('```', section.indexOf('```sh') + 5));
    const options = [...help.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!).filter((o) => o !== '--help' && o !== '--version');
    expect(options.length).toBeGreaterThan(15);
    expect(options.filter((o) => !new RegExp(`${o}\\b`).test(synopsis))).toEqual([]);
  });

  it('shows the examples of gongkai extract -h word for word', () => {
    // Help: `  command   description`, a long description wrapped onto indented lines.
    const fromHelp: string[] = [];
    for (const line of helpBlock('Examples:')) {
      const m = /^ {2}(\S.*?) {2,}(.*)$/.exec(line);
      if (m) fromHelp.push(`${m[1]} # ${m[2]}`);
      else fromHelp[fromHelp.length - 1] += ` ${line.trim()}`;
    }
    const block = section.slice(section.indexOf('Examples (the same as `gongkai extract -h`)'));
    const code = block.slice(block.indexOf('```sh') + 5, block.indexOf('```', block.indexOf('```sh') + 5));
    const fromReadme = code.trim().split('\n').map((l) => l.replace(/ {2,}# /, ' # '));
    expect(fromHelp).toContain('gongkai extract reports/ -o review.xlsx # a workbook: documents, tables 二 三 四 and legacy 统计表 as printed');
    expect(fromReadme).toEqual(fromHelp);
  });

  it('names every input format the help names', () => {
    const formats = helpBlock('Input formats (recognised by their bytes, whatever the file name):').join(' ');
    for (const f of ['PDF', 'scanned pages by OCR', 'DOCX', 'DOC and WPS', 'HTML', 'UTF-8 or GBK', 'plain text', 'JPEG, PNG, TIFF']) {
      expect(formats).toContain(f);
      expect(section.replace(/\s+/g, ' ')).toContain(f);
    }
  });

  it('has an exit-code table with the codes of the help', () => {
    const fromHelp = helpBlock('Exit codes:').map((l) => Number(/^\s+(\d+)/.exec(l)![1]));
    const table = section.slice(section.indexOf('### Exit codes'));
    const fromReadme = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(fromHelp).toEqual([0, 1, 2, 3, 130]);
    expect(fromReadme).toEqual(fromHelp);
  });

  it('describes CSV and XLSX with an example of each', () => {
    const people = section.slice(section.indexOf('### CSV and XLSX, for people'));
    expect(people).toMatch(/```text\n文件,路径,格式,/);
    expect(people).toMatch(/```text\n三 依申请\n/);
    expect(people).toMatch(/```text\n统计表（2008–2018）\n/);
    expect(people).toContain('all.2019.csv');
  });
});
