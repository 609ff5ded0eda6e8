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
