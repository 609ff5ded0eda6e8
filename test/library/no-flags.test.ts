/**
 * Library warnings never name CLI flags (issue 10, item 8): a library user
 * has options, not flags. Every string the code below src/cli can turn into
 * a warning, an error or a schema description is searched for a `--flag`;
 * the CLI adds its own flag hints where it wants them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const SRC = join(ROOT, 'src');
/** CSS custom properties (`--bad: #d1242f`, `var(--muted)`) are not flags. */
const CSS = new Set(['review/style.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return relative(SRC, p) === 'cli' ? [] : sources(p);
    return e.name.endsWith('.ts') && !CSS.has(relative(SRC, p)) ? [p] : [];
  });
}

/** The string and template literals of a TypeScript source, comments left out. */
function literals(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '/' && code[i + 1] === '*') i = code.indexOf('*/', i + 2) + 1 || code.length;
    else if (ch === '/' && code[i + 1] === '/') i = code.indexOf('\n', i) === -1 ? code.length : code.indexOf('\n', i);
    else if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== ch && !(ch !== '`' && code[j] === '\n')) j += code[j] === '\\' ? 2 : 1;
      out.push(code.slice(i + 1, j));
      i = j;
    }
  }
  return out;
}

describe('library messages', () => {
  it('never name a command-line flag', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      for (const text of literals(readFileSync(file, 'utf8'))) {
        const m = /(?:^|[\s(])(--[a-z][a-z-]+)/.exec(text);
        if (m) found.push(`${relative(ROOT, file)}: ${m[1]} in "${text.slice(0, 80)}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it('are found by this search when they do (the search can fail)', () => {
    expect(literals("throw new Error('turned off (--ocr off)'); // --not-this")).toEqual(['turned off (--ocr off)']);
    expect(literals('const a = `limit ${n} MB, see --max-size`; /* --nor-this */')).toEqual(['limit ${n} MB, see --max-size']);
  });
});
