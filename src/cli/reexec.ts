/**
 * Bulk runs with as many workers as cores go faster with V8's own helper
 * threads (concurrent GC, background JIT) turned off: they otherwise compete
 * with the workers for the cores. Measured with bench/batch.mjs on 2 cores:
 * 13.5 → 18.8 documents/s. The flag must be given when node starts, so the
 * CLI starts itself again with it, once.
 *
 * The restart also makes V8 compile less, since every worker is a fresh
 * isolate that compiles pdf.js and gongkai with TurboFan on its own thread
 * (synchronously, under --single-threaded). With V8's defaults that was ~650
 * functions in a worker's first 55 documents (4.7 s of its 10.5 s) and 7.2 s
 * over 220 documents (traced with --trace-opt). So:
 * - the interrupt budget (how much bytecode a function runs between checks
 *   whether to optimise it) is four times V8's: only functions that stay hot
 *   are compiled (4.7 s over 220 documents);
 * - less bytecode is inlined into an optimised function (at most 230 bytes
 *   per callee instead of 460, 300 in all instead of 920), which makes each
 *   compilation cheaper.
 * Measured as one worker's CPU over 220 documents, two settings at once on
 * the two cores (A/B, then swapped): the budget 0.946 of the defaults (eight
 * pairs), the smaller inlining on top of it 0.935 (six pairs). Once warm
 * (rounds 6–9 of ten rounds of 55 documents in one process, two pairs)
 * documents cost the same with and without.
 *
 * And it lets the old generation grow 1.75 times past what survived the last
 * full collection before the next one (`--heap-growing-percent=75`). Under
 * the workers' heap cap (--max-memory, 512 MB) V8 otherwise grows it only
 * ~1.4 times, while every document leaves behind data that lived through two
 * young-generation collections (its fonts, its pages): a worker ran ~20 full
 * collections in 220 documents, each marking the whole live heap. With the
 * flag 12 (--trace-gc); a --jobs 2 run over 432 documents took 0.93 of the
 * CPU (five runs against six) and 340–350 MB peak RSS instead of ~310 (the
 * cap still holds: it is the limit, this is the pace). V8 flags change only
 * speed and memory, never results.
 */
import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { constants } from 'node:os';

const FLAG = '--single-threaded';
/** V8 flags of the restart (node 20, V8 11.3 defaults: budget 67584, inlining 460 and 920 bytes of bytecode, heap growing set by V8 from the heap's limit). */
const V8_FLAGS = ['--interrupt-budget=270336', '--max-inlined-bytecode-size=230', '--max-inlined-bytecode-size-cumulative=300', '--heap-growing-percent=75'];
const MARK = 'GONGKAI_REEXEC';
/** Environment variable naming the child's end of the pipe from its parent, and that end's fd. */
const PARENT_PIPE = 'GONGKAI_PARENT_PIPE';
const PARENT_FD = 3;

/** Whether a bulk run restarts under `node --single-threaded`: when its jobs fill every core of a multi-core machine (V8's helper threads would compete with the workers) and it has not restarted already. */
export function shouldReexec(jobs: number, cores: number): boolean {
  return jobs >= cores && cores > 1 && !process.execArgv.includes(FLAG) && !process.env[MARK];
}

/** True in the process started again under --single-threaded. */
export function isReexec(): boolean {
  return !!process.env[MARK];
}

/** Node's flags for the restart: the V8 flags above, the flags node was started with (so that a V8 flag given there wins: V8 takes the last), and `--single-threaded`. */
export function reexecFlags(execArgv: readonly string[] = process.execArgv): string[] {
  return [...V8_FLAGS, ...execArgv, FLAG];
}

/** Runs this same command line under `node --single-threaded` and the V8 flags (`reexecFlags`); resolves to its exit code. */
export function reexecSingleThreaded(): Promise<number> {
  return new Promise((resolve, reject) => {
    // A fourth stdio entry, a pipe nobody writes to: the kernel closes it when this process dies,
    // however it dies, and the child sees that at once (exitWithParent).
    const child = spawn(process.execPath, [...reexecFlags(), ...process.argv.slice(1)], {
      stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
      env: { ...process.env, [MARK]: '1', [PARENT_PIPE]: String(PARENT_FD) },
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
 * In the started-again process: stop (exit code 137) as soon as the process
 * that started it is gone, killed with SIGKILL too, which cannot be
 * forwarded, so that no run goes on writing outputs behind the back of
 * whoever stopped it. The parent holds the other end of a pipe (stdio fd 3,
 * named by GONGKAI_PARENT_PIPE); its end closes with the parent. Where the
 * pipe cannot be opened, the parent process id is checked every 500 ms.
 */
export function exitWithParent(): void {
  if (!process.env[MARK]) return;
  const fd = Number(process.env[PARENT_PIPE]);
  delete process.env[PARENT_PIPE]; // not for anything this process starts
  const parent = process.ppid;
  try {
    if (!Number.isInteger(fd)) throw new Error('no pipe from the parent');
    const pipe = new Socket({ fd, readable: true, writable: false });
    pipe.on('close', () => process.exit(137));
    pipe.on('error', () => process.exit(137));
    pipe.resume();
    pipe.unref();
  } catch {
    setInterval(() => {
      if (process.ppid !== parent) process.exit(137);
    }, 500).unref();
  }
}
