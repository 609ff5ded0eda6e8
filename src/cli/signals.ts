/**
 * SIGINT and SIGTERM for commands that stop cleanly: while installed, the
 * first signal aborts the returned signal (the command finishes what it can
 * and exits 130); repeats are ignored (a terminal's Ctrl-C reaches both the
 * CLI and, forwarded, its --single-threaded restart). Commands that do not
 * install it are stopped by the signal as usual.
 */
export interface Interruption {
  signal: AbortSignal;
  /** Restores the default behaviour. */
  uninstall(): void;
}

let early: NodeJS.Signals | undefined;
const recordEarly = (sig: NodeJS.Signals) => {
  early ??= sig;
};

/**
 * In the --single-threaded restart, which only runs `extract`: a signal that
 * arrives while the process is still starting (before `onInterrupt`) is
 * kept and acted on then, so the run still ends with its summary.
 */
export function catchEarlySignals(): void {
  process.on('SIGINT', recordEarly);
  process.on('SIGTERM', recordEarly);
}

/** Takes over SIGINT/SIGTERM for a run (issue 10): `signal` aborts on the first one (also one received while the CLI was starting), so the run starts no new document; `uninstall()` gives the signals back. */
export function onInterrupt(): Interruption {
  process.off('SIGINT', recordEarly);
  process.off('SIGTERM', recordEarly);
  const controller = new AbortController();
  if (early) controller.abort(early);
  const handler = (sig: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(sig);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    uninstall() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
