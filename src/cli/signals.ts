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

export function onInterrupt(): Interruption {
  const controller = new AbortController();
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
