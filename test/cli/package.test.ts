/**
 * The package as issue 10 (item 7) wants it, checked from the repository
 * (the packed tarball itself is installed and run by .ci/pack-smoke): a
 * build before packing, the built code and the license in the package, a
 * LICENSE matching package.json, and every README link to a file of the
 * repository resolving.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  license: string;
  files: string[];
  scripts: Record<string, string>;
  bin: Record<string, string> | string;
};

describe('the package', () => {
  it('builds dist/ before npm pack, and ships it with the templates and the license', () => {
    expect(pkg.scripts['prepack']).toMatch(/npm run build/);
    for (const f of ['dist', 'extractors', 'LICENSE', 'docs']) expect(pkg.files).toContain(f);
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['gongkai']!;
    expect(bin).toMatch(/^(\.\/)?dist\//);
  });

  it('has a LICENSE file of the license package.json names', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  it("resolves every README link to a file of the repository (docs/schema.md, docs/legacy-reports.md …)", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    expect(links).toEqual(expect.arrayContaining(['docs/schema.md', 'docs/legacy-reports.md']));
    expect(links.filter((l) => !existsSync(join(ROOT, l)))).toEqual([]);
  });
});
