/**
 * Pipes and signals (issue 10, item 5), and --strict (item 4): what a
 * scheduler or a shell pipeline sees.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, gongkai, ROOT, SAMPLE_DOCS } from '../helpers/cli.js';
import { start, until } from '../helpers/spawn.js';

const N = 40;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-signals-'));
const input = join(dir, 'in');
beforeAll(() => {
  mkdirSync(input);
  for (let i = 0; i < N; i++) copyFileSync(join(SAMPLE_DOCS, 'liuwan-town-2021.docx'), join(input, `d${String(i).padStart(2, '0')}.docx`));
});

const sh = (command: string) => spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

describe('pipes', () => {
  it('| head exits at once with 0, quietly, without reading the rest', () => {
    const r = sh(`node ${CLI} extract ${input} --format ndjson --jobs 1 --verbose 2>${dir}/err | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`);
    expect(r.stdout.trim()).toBe('0');
    const err = readFileSync(join(dir, 'err'), 'utf8');
    expect(err).not.toMatch(/EPIPE|Error|\bat .*\.js:\d+/);
    expect(err.split('\n').filter((l) => l.startsWith('complete')).length).toBeLessThan(N);
  });

  it('gongkai schema | head exits 0 without a stack trace', () => {
    const r = sh(`node ${CLI} schema 2>&1 | head -n 2; echo "status \${PIPESTATUS[0]}"`);
    expect(r.stdout).toMatch(/^{\n  "\$schema".*\nstatus 0\n$/);
  });
});

describe('signals', () => {
  async function interrupt(signal: NodeJS.Signals, env: NodeJS.ProcessEnv, jobs: number) {
    const summary = join(dir, `summary-${signal}-${jobs}-${env['GONGKAI_REEXEC'] ?? 'restart'}.json`);
    const out = join(dir, `out-${signal}-${jobs}-${env['GONGKAI_REEXEC'] ?? 'restart'}`);
    const run = start(['extract', input, '--out', out, '--jobs', String(jobs), '--verbose', '--summary', summary], env);
    await until(() => /^complete /m.test(run.stderr()));
    run.child.kill(signal);
    const r = await run.exited;
    return { ...r, summary: JSON.parse(readFileSync(summary, 'utf8')) };
  }

  it('SIGINT writes the summary and exits 130', async () => {
    const r = await interrupt('SIGINT', { GONGKAI_REEXEC: '1' }, 1);
    expect(r.code).toBe(130);
    expect(r.summary.interrupted).toBe(true);
    expect(r.summary.done).toBeGreaterThan(0);
    expect(r.summary.done).toBeLessThan(N);
    expect(r.summary.byStatus.complete).toBe(r.summary.done);
    expect(r.stderr).toContain(`interrupted after ${r.summary.done} of ${N}; rerun with --resume\n`);
  }, 180_000);

  it('SIGTERM does the same through the --single-threaded restart', async () => {
    // jobs = cores starts the CLI again under node --single-threaded (on a machine with more than one core).
    const r = await interrupt('SIGTERM', {}, availableParallelism());
    expect(r.code).toBe(130);
    expect(r.summary.interrupted).toBe(true);
    expect(r.stderr).toMatch(new RegExp(`interrupted after ${r.summary.done} of ${N}; rerun with --resume\\n`));
  }, 180_000);
});

describe('--strict', () => {
  const inconsistent = join(SAMPLE_DOCS, 'hexi-market-2020.docx');
  it('exits 3 when every document is complete but one has a failed check, and the summary lists it', () => {
    const summary = join(dir, 'strict.json');
    const r = gongkai(['extract', inconsistent, join(SAMPLE_DOCS, 'liuwan-town-2021.docx'), '--strict', '--summary', summary, '--out', join(dir, 'strict')]);
    expect(r.code).toBe(3);
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    expect(s.documentsWithFailedChecks).toEqual([{ file: inconsistent, rules: ['applications.totalProcessed.total', 'applications.rowTotal.granted', 'reviewLitigation.review.total'] }]);
  });

  it('exits 0 for the same document without --strict', () => {
    expect(gongkai(['extract', inconsistent]).code).toBe(0);
  });
});
