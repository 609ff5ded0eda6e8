/**
 * --resume after a batch was killed mid-way gives exactly the outputs of an
 * uninterrupted run, without redoing what was already written.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, gongkai, SAMPLE_DOCS } from '../helpers/cli.js';

const SOURCES = readdirSync(SAMPLE_DOCS).filter((f) => /\.(docx|html)$/.test(f));

function outputs(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** Starts a batch and kills it (SIGKILL) once `atLeast` outputs exist. */
function killedRun(input: string, out: string, atLeast: number, jobs = 1): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'extract', input, '--out', out, '--jobs', String(jobs)], { stdio: 'ignore' });
    const timer = setInterval(() => {
      const n = existsSync(out) ? readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.json')).length : 0;
      if (n >= atLeast) child.kill('SIGKILL');
    }, 20);
    child.on('exit', () => {
      clearInterval(timer);
      resolve(outputs(out).size);
    });
    child.on('error', reject);
  });
}

describe('--resume', () => {
  it('finishes a killed batch with exactly the outputs of an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-resume-'));
    // 3 copies of each DOCX/HTML sample in sub-folders: enough documents to kill the run part-way.
    for (let k = 0; k < 3; k++) {
      mkdirSync(join(dir, 'in', `batch${k}`), { recursive: true });
      for (const f of SOURCES) copyFileSync(join(SAMPLE_DOCS, f), join(dir, 'in', `batch${k}`, f));
    }
    const total = SOURCES.length * 3;

    const written = await killedRun(join(dir, 'in'), join(dir, 'resumed'), 5);
    expect(written).toBeGreaterThanOrEqual(5);
    expect(written).toBeLessThan(total);

    const resumed = gongkai(['extract', join(dir, 'in'), '--out', join(dir, 'resumed'), '--resume', '--summary', join(dir, 'summary.json')]);
    expect(resumed.code).toBe(1); // the sample that is not a report fails, in every run
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.skipped).toBeGreaterThanOrEqual(written - 1); // the output being written when killed may be redone
    expect(summary.documents).toBe(total);

    const uninterrupted = gongkai(['extract', join(dir, 'in'), '--out', join(dir, 'whole')]);
    expect(uninterrupted.code).toBe(1);
    expect(outputs(join(dir, 'resumed'))).toEqual(outputs(join(dir, 'whole')));
  }, 180_000);

  it('stops writing when killed, also when it started itself again for a bulk run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-kill-'));
    mkdirSync(join(dir, 'in'));
    for (let k = 0; k < 4; k++) for (const f of SOURCES) copyFileSync(join(SAMPLE_DOCS, f), join(dir, 'in', `${k}-${f}`));
    // As many jobs as cores (at least 2): the CLI runs the batch in a child under node --single-threaded.
    const written = await killedRun(join(dir, 'in'), join(dir, 'out'), 3, Math.max(2, availableParallelism()));
    await new Promise((r) => setTimeout(r, 2000));
    const later = outputs(join(dir, 'out')).size;
    expect(later).toBeLessThanOrEqual(written + 2 * availableParallelism()); // at most the documents in flight
    await new Promise((r) => setTimeout(r, 1500));
    expect(outputs(join(dir, 'out')).size).toBe(later);
  }, 60_000);

  it('redoes an input whose bytes changed since its output was written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-resume-'));
    mkdirSync(join(dir, 'in'));
    copyFileSync(join(SAMPLE_DOCS, 'liuwan-town-2021.docx'), join(dir, 'in', 'a.docx'));
    copyFileSync(join(SAMPLE_DOCS, 'hexi-market-2020.docx'), join(dir, 'in', 'b.docx'));
    gongkai(['extract', join(dir, 'in'), '--out', join(dir, 'out')]);
    copyFileSync(join(SAMPLE_DOCS, 'tongchuan-county-gov-2024.docx'), join(dir, 'in', 'a.docx'));
    gongkai(['extract', join(dir, 'in'), '--out', join(dir, 'out'), '--resume', '--summary', join(dir, 's.json')]);
    expect(JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')).skipped).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'a.docx.json'), 'utf8')).meta.agency).toBe('桐川县人民政府办公室');
  });

  it('refuses --resume without an output folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-resume-'));
    writeFileSync(join(dir, 'x.html'), '<p>x</p>');
    expect(gongkai(['extract', join(dir, 'x.html'), '--resume']).code).toBe(2);
    expect(gongkai(['extract', join(dir, 'x.html'), '--format', 'ndjson', '--out', join(dir, 'x.ndjson'), '--resume']).code).toBe(2);
  });
});
