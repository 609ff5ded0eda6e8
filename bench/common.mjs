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
 * Runs a command; returns wall seconds and the peak RSS (MB) of its largest
 * process (GNU time's %M), or null when GNU time is absent.
 */
export function timed(cmd, args, options = {}) {
  const report = join(tmpdir(), `gongkai-bench-${process.pid}.time`);
  const useTime = existsSync(GNU_TIME);
  const t0 = performance.now();
  const r = useTime
    ? spawnSync(GNU_TIME, ['-f', '%M', '-o', report, cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], ...options })
    : spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const seconds = (performance.now() - t0) / 1000;
  let rssMb = null;
  if (useTime) {
    rssMb = Math.round(Number(readFileSync(report, 'utf8').trim().split('\n').pop()) / 1024);
    rmSync(report, { force: true });
  }
  return { seconds, rssMb, status: r.status, stderr: String(r.stderr ?? '') };
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
