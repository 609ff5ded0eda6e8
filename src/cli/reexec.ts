/**
 * Bulk runs with as many workers as cores go faster with V8's own helper
 * threads (concurrent GC, background JIT) turned off: they otherwise compete
 * with the workers for the cores. Measured with bench/batch.mjs on 2 cores:
 * 13.5 → 18.8 documents/s. The flag must be given when node starts, so the
 * CLI starts itself again with it, once.
 *
 * The restart also raises V8's interrupt budget (how much bytecode a function
 * runs between checks whether to optimise it) fourfold. Every worker is a
 * fresh isolate that compiles pdf.js and gongkai with TurboFan on its own
 * thread (synchronously, under --single-threaded): with the default budget
 * ~650 functions in a worker's first 55 documents, 4.7 s of its 10.5 s, and
 * ~7 s over 220 documents. With 4× the budget only functions that stay hot
 * are compiled (4.7 s over 220 documents, traced with --trace-opt), and
 * code that ran in a worker's first rounds is just as fast afterwards.
 * Measured as one worker's CPU over 220 documents, both settings at once on
 * the two cores, eight pairs: 0.946 of the default. V8 flags change only
 * speed, never results.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const FLAG = '--single-threaded';
/** V8's default is 67584 (node 20, V8 11.3). */
const INTERRUPT_BUDGET = '--interrupt-budget=270336';
const MARK = 'GONGKAI_REEXEC';

/** Whether a bulk run restarts under `node --single-threaded`: when its jobs fill every core of a multi-core machine (V8's helper threads would compete with the workers) and it has not restarted already. */
export function shouldReexec(jobs: number, cores: number): boolean {
  return jobs >= cores && cores > 1 && !process.execArgv.includes(FLAG) && !process.env[MARK];
}

/** True in the process started again under --single-threaded. */
export function isReexec(): boolean {
  return !!process.env[MARK];
}

/** Node's flags for the restart: the raised interrupt budget, the flags node was started with (so that a budget given there wins: V8 takes the last), and `--single-threaded`. */
export function reexecFlags(execArgv: readonly string[] = process.execArgv): string[] {
  return [INTERRUPT_BUDGET, ...execArgv, FLAG];
}

/** Runs this same command line under `node --single-threaded` (and `reexecFlags`); resolves to its exit code. */
export function reexecSingleThreaded(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...reexecFlags(), ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, [MARK]: '1' },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(s, forward);
      resolve(code ?? (signal ? 128 + (constants.signals[signal] ?? 15) : 1));
    });
  });
}

/**
 * In the started-again process: stop when the process that started it is
 * gone (killed with SIGKILL, which cannot be forwarded), so that no run goes
 * on writing outputs behind the back of whoever stopped it.
 */
export function exitWithParent(): void {
  if (!process.env[MARK]) return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(137);
  }, 500).unref();
}
