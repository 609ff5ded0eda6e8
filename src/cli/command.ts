/**
 * What every `gongkai` command is: a yargs command line plus a function that
 * runs it and resolves to the process's exit code. Each command lives in its
 * own file (`src/cli/<name>-command.ts`) and `main.ts` only registers it.
 */
import type { Argv } from 'yargs';

/** Exit codes of every command (listed in `--help` and in the README). */
export const EXIT = {
  /** Every input complete (and, with --strict, every check passed). */
  ok: 0,
  /** Some input partial or failed; all outputs are still written. */
  incomplete: 1,
  /** A usage error: nothing was read. */
  usage: 2,
  /** --strict: every input read, but some document has a failed check. */
  failedChecks: 3,
  /** Stopped by SIGINT or SIGTERM; the summary says how far the run got. */
  interrupted: 130,
} as const;

/** A mistake on the command line: reported as `gongkai: <message>` with exit code 2, before any work. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliCommand {
  /** yargs command string, e.g. `extract <inputs..>`. */
  command: string;
  describe: string;
  /** Options and positionals, examples; `y` is the command's own parser. */
  builder(y: Argv): Argv;
  /** Runs the command with the parsed arguments; resolves to the exit code. */
  run(args: Record<string, unknown>): Promise<number> | number;
}
