/**
 * Queue mode's edges on a real Redis: adding is idempotent by path + size +
 * mtime; a failed extraction is an output, not retried; a timed-out document
 * is retried up to --attempts, then written as failed with the reason and
 * listed by `queue status`; URLs are downloaded by the worker; SIGTERM hands
 * running documents back to the queue. Skipped only without redis-server.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { CLI, gongkai, SAMPLE_DOCS } from '../helpers/cli.js';
import { findRedisServer, startRedis, type TestRedis } from '../helpers/redis.js';

const REDIS_SERVER = findRedisServer();
if (!REDIS_SERVER) console.warn('redis-server not found: the queue tests are SKIPPED (apt-get install -y redis-server; .ci/run installs it)');
const describeWithRedis = REDIS_SERVER ? describe : describe.skip;

/** The CLI without blocking this process (which serves the URLs). */
async function gongkaiAsync(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
    return { code: 0, stderr: r.stderr };
  } catch (e) {
    return { code: (e as { code: number }).code, stderr: (e as { stderr: string }).stderr };
  }
}

const REPORT = 'liuwan-town-2021.docx';
const NOT_A_REPORT = 'meeting-notice-2023.docx';
const PDF = 'hexi-market-2020.pdf';

describeWithRedis('queue failures on Redis', () => {
  let redis: TestRedis;
  let dir: string;
  const queues: Queue[] = [];
  const open = (name: string) => {
    const q = new Queue(name, { connection: { host: '127.0.0.1', port: Number(new URL(redis.url).port) } });
    queues.push(q);
    return q;
  };
  const q = (...args: string[]) => gongkai([...args.slice(0, 2), ...args.slice(2), '--redis', redis.url]);
  const drain = (queue: string, out: string, ...extra: string[]) =>
    gongkai(['worker', '--redis', redis.url, '--queue', queue, '--out', out, '--jobs', '1', '--drain', '--lock-duration', '2', '--stalled-interval', '1', ...extra]);

  beforeAll(async () => {
    redis = await startRedis(REDIS_SERVER!);
    dir = mkdtempSync(join(tmpdir(), 'gongkai-queue-failures-'));
    mkdirSync(join(dir, 'in'));
    for (const f of [REPORT, NOT_A_REPORT, PDF]) copyFileSync(join(SAMPLE_DOCS, f), join(dir, 'in', f));
  });
  afterAll(async () => {
    await Promise.all(queues.map((x) => x.close()));
    await redis?.stop();
  });

  it('adds each document once, and again only when it changed', () => {
    expect(q('queue', 'add', join(dir, 'in'), '--queue', 'idem').stderr).toContain('3 of 3 documents added');
    expect(q('queue', 'add', join(dir, 'in'), '--queue', 'idem').stderr).toContain('0 of 3 documents added');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'in', REPORT), later, later);
    expect(q('queue', 'add', join(dir, 'in'), join(dir, 'in', REPORT), '--queue', 'idem').stderr).toContain('1 of 3 documents added');
  });

  it('writes a failed extraction as an output without retrying it; retries a timed-out one, then records it failed with the reason', async () => {
    expect(q('queue', 'add', join(dir, 'in', NOT_A_REPORT), '--queue', 'notreport').code).toBe(0);
    expect(q('queue', 'add', join(dir, 'in', PDF), '--queue', 'slow', '--attempts', '2').code).toBe(0);
    const out = join(dir, 'out-failures');
    expect(drain('notreport', out).code).toBe(0);
    expect(drain('slow', out, '--timeout', '0.001').code).toBe(0);

    const [notReport] = await open('notreport').getCompleted();
    expect(notReport?.attemptsMade).toBe(1); // one attempt: done
    expect(notReport?.returnvalue).toMatchObject({ status: 'failed', out: `${NOT_A_REPORT}.json` });
    const [slow] = await open('slow').getFailed();
    expect(slow?.attemptsMade).toBe(2);
    expect(slow?.failedReason).toBe('timed out after 0.001 s');

    const written = JSON.parse(readFileSync(join(out, `${PDF}.json`), 'utf8'));
    expect(written.status).toBe('failed');
    expect(written.warnings[0]).toBe('timed out after 0.001 s');
    expect(written.source.file).toBe(PDF);

    const status = JSON.parse(q('queue', 'status', '--queue', 'slow', '--json').stdout);
    expect(status).toMatchObject({ failed: 1, completed: 0, waiting: 0, active: 0 });
    expect(status.failures).toEqual([{ input: join(dir, 'in', PDF), out: `${PDF}.json`, reason: 'timed out after 0.001 s' }]);
    expect(q('queue', 'status', '--queue', 'slow').stdout).toContain(`failed  ${join(dir, 'in', PDF)}  timed out after 0.001 s`);
  }, 180_000);

  it('downloads URLs in the worker; a 404 is a failed output, not retried', async () => {
    const bytes = readFileSync(join(SAMPLE_DOCS, REPORT));
    const server: Server = createServer((req, res) => {
      if (req.url === `/docs/${REPORT}`) res.writeHead(200, { 'content-length': bytes.length }).end(bytes);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const added = await gongkaiAsync(['queue', 'add', `${base}/docs/${REPORT}`, `${base}/gone.pdf`, '--queue', 'web', '--redis', redis.url]);
      expect(added.stderr).toContain('2 of 2 documents added');
      const out = join(dir, 'out-web');
      const worker = ['worker', '--redis', redis.url, '--queue', 'web', '--out', out, '--jobs', '1', '--drain', '--stalled-interval', '1'];
      expect((await gongkaiAsync(worker)).code).toBe(0);
      expect(readFileSync(join(out, 'docs', `${REPORT}.json`), 'utf8')).toBe(gongkai(['extract', join(SAMPLE_DOCS, REPORT)]).stdout);
      const gone = JSON.parse(readFileSync(join(out, 'gone.pdf.json'), 'utf8'));
      expect(gone.status).toBe('failed');
      expect(gone.warnings[0]).toBe('cannot download: HTTP 404');
      const counts = await open('web').getJobCounts('completed', 'failed');
      expect(counts).toMatchObject({ completed: 2, failed: 0 });
    } finally {
      server.close();
    }
  }, 180_000);

  it('on SIGTERM hands the running document back to the queue and exits 0', async () => {
    expect(q('queue', 'add', join(dir, 'in'), '--queue', 'term').code).toBe(0);
    const queue = open('term');
    const out = join(dir, 'out-term');
    const worker = spawn(process.execPath, [CLI, 'worker', '--redis', redis.url, '--queue', 'term', '--out', out, '--jobs', '1', '--grace', '0'], { stdio: 'ignore' });
    const exit = new Promise<number | null>((r) => worker.once('exit', (code) => r(code)));
    let held: string | undefined;
    for (let i = 0; i < 2400 && !held; i++) {
      await new Promise((r) => setTimeout(r, 50));
      held = (await queue.getActive())[0]?.id;
    }
    expect(held).toBeDefined();
    worker.kill('SIGTERM');
    expect(await exit).toBe(0);
    const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed');
    expect(counts.active).toBe(0);
    expect(counts.failed).toBe(0);
    expect(counts.waiting! + counts.completed!).toBe(3);
    if ((await queue.getJobState(held!)) === 'waiting') expect(existsSync(join(out, `${(await queue.getJob(held!))!.data.out}`))).toBe(false);

    expect(drain('term', out).code).toBe(0);
    expect(await queue.getJobCounts('waiting', 'active', 'completed')).toMatchObject({ waiting: 0, active: 0, completed: 3 });
    for (const f of [REPORT, NOT_A_REPORT, PDF]) expect(existsSync(join(out, `${f}.json`))).toBe(true);
  }, 180_000);
});
