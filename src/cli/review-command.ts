/**
 * `gongkai review INPUT… --out DIR`: a static review site (src/review) for
 * documents and/or folders of gongkai JSON outputs next to their documents.
 * Exit 0 when written, 2 on usage errors.
 */
import type { CommandModule } from 'yargs';
import { CorrectionsFileError, readCorrections } from '../corrections/entries.js';
import { buildReviewSite } from '../review/site.js';
import { UsageError } from './extract-command.js';

export interface ReviewCommand {
  inputs: string[];
  out: string;
  corrections?: string | undefined;
  minConfidence: number;
  verbose: boolean;
}

export async function runReview(cmd: ReviewCommand): Promise<number> {
  let corrections;
  try {
    corrections = cmd.corrections === undefined ? undefined : await readCorrections(cmd.corrections);
  } catch (e) {
    if (e instanceof CorrectionsFileError) throw new UsageError(e.message);
    throw e;
  }
  const log = cmd.verbose ? (l: string) => process.stderr.write(`${l}\n`) : undefined;
  const result = await buildReviewSite(cmd.inputs, cmd.out, { corrections, minConfidence: cmd.minConfidence, ...(log ? { log } : {}) });
  if (!result.documents.length) throw new UsageError('no reports found: name documents or folders of gongkai JSON outputs');
  const failed = result.documents.filter((d) => d.failed.length).length;
  process.stderr.write(`review site: ${result.documents.length} documents (${failed} with failed checks), ${result.bodies} bodies → ${cmd.out}/index.html\n`);
  return 0;
}

/** The yargs command; `done` receives the exit code. */
export function reviewModule(done: (code: number) => void): CommandModule {
  return {
    command: 'review <inputs..>',
    describe: 'Write a static review site (open DIR/index.html): values with page crops, failed checks, corrections, series',
    builder: (y) =>
      y
        .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'documents and/or folders of gongkai JSON outputs' })
        .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'site folder' })
        .option('corrections', { type: 'string', describe: 'apply a corrections file (see extract --corrections)' })
        .option('min-confidence', { type: 'number', default: 0.8, describe: 'OCR values below this confidence need a look' })
        .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'one line per document on stderr' }),
    handler: async (args) => {
      const a = args as unknown as { inputs: string[]; out: string; corrections?: string; minConfidence: number; verbose: boolean };
      done(await runReview({ inputs: a.inputs, out: a.out, corrections: a.corrections, minConfidence: a.minConfidence, verbose: a.verbose }));
    },
  };
}
