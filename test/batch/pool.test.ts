import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { WorkerPool } from '../../src/batch/pool.js';

type Job = { kind: 'ok' | 'crash' | 'hang' | 'oom' | 'exit'; n: number };

function pool(size: number, timeoutMs = 2000) {
  return new WorkerPool<Job, string>({
    script: join(import.meta.dirname, '../fixtures/workers/faulty.mjs'),
    size,
    timeoutMs,
    maxMemoryMb: 48,
    onFault: (job, reason) => `fault ${job.n}: ${reason}`,
  });
}

describe('WorkerPool', () => {
  it('runs jobs on warm workers and returns their results', async () => {
    const p = pool(2);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => p.run({ kind: 'ok', n })));
    await p.close();
    expect(results).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4', 'ok 5']);
  });

  it('costs a crashing, hanging, exiting or memory-hungry job only that job', async () => {
    const p = pool(2, 1500);
    const jobs: Job[] = [
      { kind: 'ok', n: 1 },
      { kind: 'crash', n: 2 },
      { kind: 'ok', n: 3 },
      { kind: 'hang', n: 4 },
      { kind: 'ok', n: 5 },
      { kind: 'oom', n: 6 },
      { kind: 'exit', n: 7 },
      { kind: 'ok', n: 8 },
    ];
    const results = await Promise.all(jobs.map((j) => p.run(j)));
    await p.close();
    expect(results).toEqual([
      'ok 1',
      'fault 2: the worker crashed: boom',
      'ok 3',
      'fault 4: timed out after 1.5 s',
      'ok 5',
      'fault 6: ran out of memory (worker heap limit 48 MB)',
      'fault 7: the worker exited unexpectedly (code 3)',
      'ok 8',
    ]);
  });
});

describe('WorkerPool.close()', () => {
  it('abandons a running job without leaving its time limit armed: the process can end', () => {
    // A job that hangs under a 10-minute limit; after close() nothing may keep node alive.
    const script = `
      import { WorkerPool } from ${JSON.stringify(join(import.meta.dirname, '../../dist/batch/pool.js'))};
      const p = new WorkerPool({ script: ${JSON.stringify(join(import.meta.dirname, '../fixtures/workers/faulty.mjs'))}, size: 1, timeoutMs: 600000, maxMemoryMb: 0, onFault: () => 'fault' });
      p.run({ kind: 'hang', n: 1 });
      setTimeout(() => p.close().then(() => console.log('closed')), 300);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('closed\n');
    expect(r.status).toBe(0); // not killed by the 60 s limit above
  });
});
