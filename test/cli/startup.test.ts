/**
 * What the command line loads before it knows what to do. A bulk run that
 * restarts under --single-threaded (src/cli/reexec.ts) parses its arguments
 * and lists its inputs twice, once in each process; a one-file conversion
 * and `--version` should not wait for zod, pdf.js or the template data
 * either. So the commands import what they run only when they run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../helpers/cli.js';

const REGISTER = join(ROOT, 'test/fixtures/module-log/register.mjs');

/** Runs the CLI with `args`; the URLs of the modules it loaded (gongkai's own as paths under dist/, others by package). */
function loadedBy(args: string[]): { code: number | null; stderr: string; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-startup-'));
  try {
    const log = join(dir, 'modules.log');
    writeFileSync(log, '');
    const r = spawnSync(process.execPath, ['--import', REGISTER, CLI, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GONGKAI_MODULE_LOG: log },
      timeout: 60_000,
    });
    return { code: r.status, stderr: r.stderr, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const HEAVY = [/node_modules\/zod\//, /pdfjs/, /\/dist\/template\/load\.js$/, /\/dist\/extract\.js$/, /\/dist\/batch\/run\.js$/, /\/dist\/readers\/pdf\//];
const heavy = (modules: string[]) => modules.filter((m) => HEAVY.some((re) => re.test(m)));

describe('start-up', () => {
  it('--version loads neither zod nor the pipeline', () => {
    const r = loadedBy(['--version']);
    expect(r.code).toBe(0);
    expect(r.modules.some((m) => m.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(heavy(r.modules)).toEqual([]);
  });

  it('extract decides (here: a usage error found after listing the inputs) before loading the batch machinery', () => {
    const r = loadedBy(['extract', join(ROOT, 'samples/docs'), '--resume', '--out', 'all.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--resume needs JSON outputs in a folder/);
    expect(r.modules.some((m) => m.endsWith('/dist/batch/inputs.js'))).toBe(true);
    expect(heavy(r.modules)).toEqual([]);
  });

  it('a conversion loads them when it runs', () => {
    const r = loadedBy(['extract', join(ROOT, 'samples/docs/beizhou-gov-office-2023.html'), '--out', 'one.json']);
    expect(r.code).toBe(0);
    expect(heavy(r.modules).length).toBeGreaterThan(0);
  });
});
