/**
 * What a run tells the person watching. On a terminal: one summary line per
 * document (status, failed checks, warnings), a line per failed check saying
 * what it means, and under them a progress bar keeping count, rate, ETA and
 * failures so far. Off a terminal (a scheduled job, a pipe): nothing, or the
 * same lines with --verbose; --quiet: nothing on a terminal either. An input
 * that cannot be read at all is always one line: `gongkai: cannot read
 * nosuch.pdf: no such file`.
 */
import type { Report } from '../report/types.js';
import { CANNOT_READ } from '../io/errors.js';
import { describeCheck } from '../checks/explain.js';
import { loadTemplates } from '../template/load.js';

export interface Reporter {
  start(total: number): void;
  document(report: Report, name: string): void;
  finish(line: string): void;
  /** Something the person must know about the outputs (files written instead of the one named): shown unless --quiet. */
  note(text: string): void;
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

/** The line for an input that could not be read at all, or undefined. */
export function unreadableLine(report: Report, name: string): string | undefined {
  const reason = report.warnings[0];
  if (report.status !== 'failed' || report.source.sha256 !== null || !reason?.startsWith(CANNOT_READ)) return undefined;
  return `gongkai: cannot read ${name}: ${reason.slice(CANNOT_READ.length)}`;
}

/** One indented line per failed check: the sums, the rule's reason, the cells summed. */
export function checkLines(report: Report): string[] {
  const rules = loadTemplates().checks;
  return report.checks.filter((c) => !c.passed).map((c) => `  ✗ ${describeCheck(rules, c, report)}`);
}

/** The reporter writing to `stream` (standard error) as described above: `tty` for a terminal, `verbose` for every document's lines off one, `quiet` for nothing but unreadable inputs. */
export function makeReporter(stream: NodeJS.WriteStream, options: { verbose: boolean; tty: boolean; quiet?: boolean }): Reporter {
  if (options.quiet) options = { ...options, verbose: false, tty: false };
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
      const unreadable = unreadableLine(report, name);
      if (unreadable) line(unreadable);
      else if (options.verbose || options.tty) line([summaryLine(report, name), ...checkLines(report)].join('\n'));
      else draw();
    },
    note(text) {
      if (!options.quiet) line(`gongkai: ${text}`);
    },
    finish(text) {
      if (barShown()) stream.write('\r\x1b[K');
      if (options.tty || options.verbose) stream.write(`${text}\n`);
    },
  };
}
