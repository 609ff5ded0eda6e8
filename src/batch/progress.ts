/**
 * What a run tells the person watching. On a terminal: one summary line per
 * document (status, failed checks, warnings) under which a progress bar keeps
 * count, rate, ETA and failures so far. Off a terminal (a scheduled job, a
 * pipe): nothing, or the same lines with --verbose.
 */
import type { Report } from '../report/types.js';

export interface Reporter {
  start(total: number): void;
  document(report: Report, name: string): void;
  finish(line: string): void;
}

/** One line for a human: status, file, and what went wrong. */
export function summaryLine(report: Report, name: string): string {
  const failedChecks = report.checks.filter((c) => !c.passed).map((c) => c.rule);
  const parts = [`${report.status.padEnd(8)} ${name}`];
  if (failedChecks.length) parts.push(`failed checks: ${failedChecks.join(', ')}`);
  if (report.status === 'failed') parts.push(report.warnings[0] ?? '');
  else if (report.warnings.length) parts.push(`${report.warnings.length} warning${report.warnings.length > 1 ? 's' : ''}`);
  return parts.join('  ');
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  return s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;
}

export function makeReporter(stream: NodeJS.WriteStream, options: { verbose: boolean; tty: boolean }): Reporter {
  let total = 0;
  let done = 0;
  let failed = 0;
  let started = 0;
  let lastDraw = 0;
  const barShown = () => options.tty && total > 1;

  const bar = () => {
    const elapsed = (Date.now() - started) / 1000;
    const rate = done / Math.max(elapsed, 1e-3);
    const width = 24;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    const eta = done ? (total - done) / rate : Infinity;
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(1)} docs/s  ETA ${duration(eta)}  failed ${failed}`;
  };
  const draw = (force = false) => {
    if (!barShown()) return;
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    stream.write(`\r\x1b[K${bar()}`);
  };
  const line = (text: string) => {
    if (barShown()) stream.write('\r\x1b[K');
    stream.write(`${text}\n`);
    draw(true);
  };

  return {
    start(n) {
      total = n;
      started = Date.now();
      draw(true);
    },
    document(report, name) {
      done++;
      if (report.status === 'failed') failed++;
      if (options.verbose || options.tty) line(summaryLine(report, name));
      else draw();
    },
    finish(text) {
      if (barShown()) stream.write('\r\x1b[K');
      if (options.tty || options.verbose) stream.write(`${text}\n`);
    },
  };
}
