#!/usr/bin/env node
/**
 * The command line: `gongkai extract INPUT… [--out DIR]`, `gongkai schema`.
 * Exit codes: 0 every input complete, 1 any partial or failed (all outputs
 * still written), 2 usage errors.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runExtract, UsageError } from './extract-command.js';
import { exitWithParent } from './reexec.js';
import { seriesModule } from './series-command.js';
import { reviewModule } from './review-command.js';
import { loadTemplates } from '../template/load.js';
import { reportJsonSchema } from '../schema/report.js';
import { VERSION } from '../version.js';

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const parser = yargs(argv)
    .scriptName('gongkai')
    .version(VERSION)
    .strict()
    .command(
      'extract <inputs..>',
      'Turn reports (PDF, DOCX, HTML, text) into JSON; folders are searched recursively',
      (y) =>
        y
          .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'files or folders' })
          .option('out', {
            alias: 'o',
            type: 'string',
            describe: 'json: output folder (one <name>.json per input; default stdout for one input, ./output for several); ndjson/csv: output file (default stdout)',
          })
          .option('format', { choices: ['json', 'ndjson', 'csv'] as const, default: 'json' as const, describe: 'output format' })
          .option('jobs', { alias: 'j', type: 'number', describe: 'documents read in parallel (default: number of cores)' })
          .option('timeout', { type: 'number', default: 60, describe: 'seconds allowed per document' })
          .option('max-size', { type: 'number', default: 100, describe: 'largest input read, in MB' })
          .option('max-memory', { type: 'number', default: 512, describe: 'heap limit per worker, in MB' })
          .option('resume', { type: 'boolean', default: false, describe: 'skip inputs whose output (same bytes, same gongkai version) is already in --out' })
          .option('summary', { type: 'string', describe: 'write a JSON run summary to this file' })
          .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'one line per document on stderr' })
          .option('provenance', { type: 'boolean', default: false, describe: "record each cell's page, box and printed text" })
          .option('pretty', { type: 'boolean', default: false, describe: 'indent the JSON' })
          .option('password', { type: 'string', describe: 'password of encrypted PDFs' })
          .option('corrections', { type: 'string', describe: 'apply a JSON file of confirmed/corrected values (from gongkai review) to the documents with their sha256' })
          .check((a) => {
            for (const k of ['jobs', 'timeout', 'max-size', 'max-memory'] as const) {
              const v = a[k];
              if (v !== undefined && (!Number.isFinite(v) || v <= 0)) throw new UsageError(`--${k} must be a positive number`);
            }
            return true;
          }),
      async (args) => {
        code = await runExtract({
          inputs: args.inputs as string[],
          out: args.out,
          format: args.format,
          jobs: args.jobs,
          timeout: args.timeout,
          maxSize: args['max-size'],
          maxMemory: args['max-memory'],
          resume: args.resume,
          summary: args.summary,
          verbose: args.verbose,
          provenance: args.provenance,
          pretty: args.pretty,
          password: args.password,
          corrections: args.corrections,
        });
      },
    )
    .command(seriesModule((c) => (code = c)))
    .command(reviewModule((c) => (code = c)))
    .command('schema', 'Print the JSON Schema of the output', {}, () => {
      process.stdout.write(`${JSON.stringify(reportJsonSchema(loadTemplates()), null, 2)}\n`);
    })
    .demandCommand(1, 'Name a command: extract or schema')
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .help();
  try {
    await parser.parseAsync();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`gongkai: ${e.message}\n\nRun 'gongkai --help' for usage.\n`);
    return 2;
  }
  return code;
}

exitWithParent();
main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`gongkai: ${(e as Error).message ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
