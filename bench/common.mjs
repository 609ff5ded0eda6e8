// Shared helpers of the benchmark scripts: timing child processes (wall time
// and peak RSS through GNU time when present) and finding pdftotext.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
export const CLI = join(ROOT, 'dist/cli/main.js');
const GNU_TIME = '/usr/bin/time';

export function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/**
 * Runs a command; returns wall seconds, and the peak RSS (MB) of its largest
 * process (GNU time's %M) and the CPU seconds of it and its children (%U + %S),
 * or null for both when GNU time is absent.
 */
export function timed(cmd, args, options = {}) {
  const report = join(tmpdir(), `gongkai-bench-${process.pid}.time`);
  const useTime = existsSync(GNU_TIME);
  const t0 = performance.now();
  const r = useTime
    ? spawnSync(GNU_TIME, ['-f', '%M %U %S', '-o', report, cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], ...options })
    : spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const seconds = (performance.now() - t0) / 1000;
  let rssMb = null, cpuSeconds = null;
  if (useTime) {
    const [kb, user, sys] = readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rssMb = Math.round(kb / 1024);
    cpuSeconds = user + sys;
    rmSync(report, { force: true });
  }
  return { seconds, rssMb, cpuSeconds, status: r.status, stderr: String(r.stderr ?? '') };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function requireBuild() {
  if (!existsSync(CLI)) {
    console.error('Build first: npm run build');
    process.exit(2);
  }
}
