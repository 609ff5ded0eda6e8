/**
 * Queue mode on a real Redis: two worker processes share one queue, one is
 * SIGKILLed while it holds a document, BullMQ's stalled-job check hands that
 * document to the other; every document ends with exactly one output,
 * identical to an `extract` run's, and exactly one record in the results
 * stream. Skipped (with a message) only where redis-server is not installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { CLI, gongkai, SAMPLE_DOCS } from '../helpers/cli.js';
import { findRedisServer, startRedis, type TestRedis } from '../helpers/redis.js';

const REDIS_SERVER = findRedisServer();
if (!REDIS_SERVER) console.warn('redis-server not found: the queue tests are SKIPPED (apt-get install -y redis-server; .ci/run installs it)');
const describeWithRedis = REDIS_SERVER ? describe : describe.skip;

/** Quick stall recovery for the test; users keep the 30 s defaults. */
export const FAST_RECOVERY = ['--lock-duration', '2', '--stalled-interval', '1'];

function outputs(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

function startWorker(url: string, out: string, name: string, extra: string[] = []): ChildProcess {
  return spawn(process.execPath, [CLI, 'worker', '--redis', url, '--queue', 'kill', '--out', out, '--jobs', '1', '--name', name, ...FAST_RECOVERY, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error('the worker did not exit in time')), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describeWithRedis('queue workers on Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis(REDIS_SERVER!);
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('loses and duplicates nothing when a worker is SIGKILLed mid-run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-queue-'));
    const docs = readdirSync(SAMPLE_DOCS);
    // In two sub-folders, so that output names keep their folder.
    for (const f of docs) {
      const sub = join(dir, 'in', f.endsWith('.pdf') ? 'pdf' : 'other');
      mkdirSync(sub, { recursive: true });
      copyFileSync(join(SAMPLE_DOCS, f), join(sub, f));
    }
    const total = docs.length;
    const add = gongkai(['queue', 'add', join(dir, 'in'), '--redis', redis.url, '--queue', 'kill']);
    expect(add.code).toBe(0);
    expect(add.stderr).toContain(`${total} of ${total} documents added`);

    const out = join(dir, 'out');
    const a = startWorker(redis.url, out, 'A');
    const b = startWorker(redis.url, out, 'B', ['--drain']);
    const queue = new Queue('kill', { connection: { host: '127.0.0.1', port: Number(new URL(redis.url).port) } });
    try {
      // Kill A once it has finished a document and holds another.
      let held: string | undefined;
      for (let i = 0; i < 2400 && !held; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const completedByA = (await queue.getCompleted()).some((j) => j.processedBy === 'A');
        const active = (await queue.getActive()).find((j) => j.processedBy === 'A');
        if (completedByA && active) held = active.id;
      }
      expect(held).toBeDefined();
      a.kill('SIGKILL');
      await exited(a, 10_000);

      expect(await exited(b, 300_000)).toBe(0);
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
      expect(counts).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: total, failed: 0 });
      // The document A held was recovered from its stalled lock and done by B.
      const recovered = await queue.getJob(held!);
      expect(recovered?.processedBy).toBe('B');
      expect(recovered?.stalledCounter).toBeGreaterThanOrEqual(1);
    } finally {
      await queue.close();
      if (a.exitCode === null && a.signalCode === null) a.kill('SIGKILL');
      if (b.exitCode === null && b.signalCode === null) b.kill('SIGKILL');
    }

    const extracted = gongkai(['extract', join(dir, 'in'), '--out', join(dir, 'extract')]);
    expect(extracted.code).toBe(1); // the sample that is not a report fails, in every run
    const expected = outputs(join(dir, 'extract'));
    expect(expected.size).toBe(total);
    expect(outputs(out)).toEqual(expected);

    // One record per document in the results stream, the same records as extract --format ndjson.
    const results = gongkai(['queue', 'results', '--redis', redis.url, '--queue', 'kill']);
    expect(results.code).toBe(0);
    const records = results.stdout.trim().split('\n');
    expect(records).toHaveLength(total);
    expect(records.map((r) => `${r}\n`).sort()).toEqual([...expected.values()].sort());

    const status = JSON.parse(gongkai(['queue', 'status', '--redis', redis.url, '--queue', 'kill', '--json']).stdout);
    expect(status.completed).toBe(total);
    expect(status.documents.complete + status.documents.partial + status.documents.failed).toBe(total);
    expect(status.failures).toHaveLength(1); // the sample that is not a report
    for (const f of status.failures) expect(f.reason).toMatch(/not a government information disclosure annual report/);
  }, 420_000);
});
