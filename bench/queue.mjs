// Throughput through a Redis queue (issue 13): the same N documents (copies
// of the sample PDFs and DOCX) run by `extract` and by `gongkai worker`
// processes fed from a throwaway redis-server on loopback; the difference is
// the queue's cost per document. Needs redis-server (Debian: redis-server).
//   node bench/queue.mjs [N]
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, have, requireBuild } from './common.mjs';

requireBuild();
if (!have('redis-server')) {
  console.error('bench/queue.mjs needs redis-server (apt-get install -y redis-server)');
  process.exit(2);
}
const n = Number(process.argv[2] ?? 200);
const samples = join(ROOT, 'samples/docs');
const names = readdirSync(samples).filter((f) => /\.(pdf|docx)$/.test(f) && !f.startsWith('meeting')).sort();
const work = mkdtempSync(join(tmpdir(), 'gongkai-queue-bench-'));
const input = join(work, 'in');
for (let i = 0; i < n; i++) {
  const sub = join(input, String(Math.floor(i / 100)).padStart(2, '0'));
  mkdirSync(sub, { recursive: true });
  copyFileSync(join(samples, names[i % names.length]), join(sub, `${String(i).padStart(4, '0')}-${names[i % names.length]}`));
}

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', work], { stdio: 'ignore' });
const url = `redis://127.0.0.1:${port}`;
for (let i = 0; i < 50 && spawnSync('redis-cli', ['-p', String(port), 'ping']).status !== 0; i++) await new Promise((r) => setTimeout(r, 100));

const run = (args) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
const seconds = async (fn) => {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
};

let round = 0;
/** `queue add` into a fresh queue, then `processes` workers of `jobs` each until it is drained. */
async function viaQueue(processes, jobs) {
  const queue = `bench${round++}`;
  const add = await seconds(() => run(['queue', 'add', input, '--redis', url, '--queue', queue]));
  const out = join(work, `out-${queue}`);
  const worker = ['worker', '--redis', url, '--queue', queue, '--out', out, '--jobs', String(jobs), '--drain', '--stalled-interval', '1'];
  const wall = await seconds(() => Promise.all(Array.from({ length: processes }, () => run(worker))));
  return { add, wall };
}
async function extract(jobs) {
  const out = join(work, `out-extract-${jobs}`);
  return seconds(() => run(['extract', input, '--out', out, '--jobs', String(jobs)]));
}

const rows = [];
const e1 = await extract(1);
rows.push(['extract --jobs 1', e1]);
const q1 = await viaQueue(1, 1);
rows.push(['1 worker process, --jobs 1', q1.wall, q1.add, e1]);
const e2 = await extract(2);
rows.push(['extract --jobs 2', e2]);
const q12 = await viaQueue(1, 2);
rows.push(['1 worker process, --jobs 2', q12.wall, q12.add, e2]);
const q21 = await viaQueue(2, 1);
rows.push(['2 worker processes, --jobs 1 each', q21.wall, q21.add, e2]);

console.log(`| run (${n} documents) | seconds | documents/s | queue add (s) | overhead vs extract, ms/document |`);
console.log('| --- | --: | --: | --: | --: |');
for (const [what, wall, add, base] of rows) {
  const overhead = base === undefined ? '' : (((wall - base) / n) * 1000).toFixed(1);
  console.log(`| ${what} | ${wall.toFixed(1)} | ${(n / wall).toFixed(1)} | ${add === undefined ? '' : add.toFixed(1)} | ${overhead} |`);
}
console.log(`\nnode ${process.version}; ${availableParallelism()} cores; ${new Date().toISOString().slice(0, 10)}`);
redis.kill('SIGTERM');
rmSync(work, { recursive: true, force: true });
