#!/usr/bin/env node
/**
 * The command line. Each command lives in its own file (`<name>-command.ts`,
 * a `CliCommand`) and is registered here in COMMANDS; exit codes are in
 * command.ts and listed in --help. A closed standard output (`| head`) ends
 * the run at once, quietly, with exit code 0.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { EXIT, UsageError, type CliCommand } from './command.js';
import { exitWithParent, isReexec } from './reexec.js';
import { catchEarlySignals } from './signals.js';
import { extractCommand } from './extract-command.js';
import { schemaCommand } from './schema-command.js';
import { reviewCommand } from './review-command.js';
import { seriesCommand } from './series-command.js';
import { queueCommand } from './queue-command.js';
import { workerCommand } from './worker-command.js';
import { VERSION } from '../version.js';
import { SCHEMA_VERSION } from '../schema/version.js';

/** Every command, in the order --help lists them. */
const COMMANDS: CliCommand[] = [extractCommand, reviewCommand, seriesCommand, schemaCommand, queueCommand, workerCommand];

const EPILOGUE = `Input formats (recognised by their bytes, whatever the file name):
  PDF (born-digital, with or without ruling lines; scanned pages by OCR), DOCX, DOC and WPS,
  HTML (UTF-8 or GBK; also .jsp, .do … pages), plain text (.txt), images (JPEG, PNG, TIFF) by OCR.

Exit codes:
  0    every document complete (with --strict: and every check passed)
  1    some document partial or failed (every output is still written)
  2    usage error (nothing was read)
  3    --strict: every document read, but some has a failed check
  130  interrupted (SIGINT/SIGTERM); --summary says how far it got

Output contract: docs/schema.md (report schema ${SCHEMA_VERSION}); gongkai schema prints it as JSON Schema.`;

/**
 * yargs drops a bare `-` among positionals; it means standard input (or
 * output), so it passes the parser disguised and every command gets it back
 * as `-`.
 */
const DASH = '\u0000-';
function restoreDash(args: Record<string, unknown>): Record<string, unknown> {
  const fix = (v: unknown): unknown => (v === DASH ? '-' : Array.isArray(v) ? v.map(fix) : v);
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, fix(v)]));
}

/** Parses `argv` and runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  let parser = yargs(argv.map((a) => (a === '-' ? DASH : a)))
    .scriptName('gongkai')
    .version(`${VERSION} (report schema ${SCHEMA_VERSION})`)
    .usage('gongkai <command> [options]\n\nTurns Chinese government information-disclosure annual reports (政府信息公开工作年度报告) into structured data.')
    .strict();
  for (const c of COMMANDS) {
    parser = parser.command(c.command, c.describe, (y) => c.builder(y).epilogue(EPILOGUE), async (args) => {
      code = await c.run(restoreDash(args as Record<string, unknown>));
    });
  }
  parser = parser
    .demandCommand(1, `Name a command: ${COMMANDS.map((c) => c.command.split(' ')[0]).join(', ')}`)
    .epilogue(EPILOGUE)
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .help()
    .alias('h', 'help')
    .alias('V', 'version')
    .wrap(Math.min(100, process.stdout.columns || 100));
  try {
    await parser.parseAsync();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`gongkai: ${e.message}\n\nRun 'gongkai --help' for usage.\n`);
    return EXIT.usage;
  }
  return code;
}

/** `| head` closed the pipe: stop everything (the worker pool is in this process), quietly, with success. */
function exitOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    throw e;
  });
}

exitWithParent();
if (isReexec()) catchEarlySignals();
exitOnClosedPipe(process.stdout);
exitOnClosedPipe(process.stderr);
main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`gongkai: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = EXIT.usage;
  },
);
