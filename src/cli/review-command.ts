/**
 * `gongkai review INPUT… --out DIR`: a static review site (src/review) for
 * documents and/or folders of gongkai JSON outputs next to their documents.
 * Exit 0 when written, 2 on usage errors.
 */
import { EXIT, UsageError, type CliCommand } from './command.js';
import { readCorrectionsOrUsage } from './corrections-option.js';

export interface ReviewCommand {
  inputs: string[];
  out: string;
  corrections?: string | undefined;
  minConfidence: number;
  verbose: boolean;
}

export async function runReview(cmd: ReviewCommand): Promise<number> {
  const corrections = cmd.corrections === undefined ? undefined : await readCorrectionsOrUsage(cmd.corrections);
  const log = cmd.verbose ? (l: string) => process.stderr.write(`${l}\n`) : undefined;
  // The review site (and the canvas it draws crops with) loads only for this command.
  const { buildReviewSite } = await import('../review/site.js');
  const result = await buildReviewSite(cmd.inputs, cmd.out, { corrections, minConfidence: cmd.minConfidence, ...(log ? { log } : {}) });
  if (!result.documents.length) throw new UsageError('no reports found: name documents or folders of gongkai JSON outputs');
  const failed = result.documents.filter((d) => d.failed.length).length;
  process.stderr.write(`review site: ${result.documents.length} documents (${failed} with failed checks), ${result.bodies} bodies (${result.bodiesWithFailedChecks} with failed cross-year checks) → ${cmd.out}/index.html\n`);
  return EXIT.ok;
}

export const reviewCommand: CliCommand = {
  command: 'review <inputs..>',
  describe: 'Write a static review site (open DIR/index.html): values with page crops, failed checks, corrections, series',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'documents and/or folders of gongkai JSON outputs (with their documents)' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'site folder' })
      .option('corrections', { type: 'string', describe: 'apply a corrections file (see extract --corrections)' })
      .option('min-confidence', { type: 'number', default: 0.8, describe: 'OCR values below this confidence (0-1) need a look' })
      .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'one line per document on stderr' })
      .example('gongkai review reports/ -o site/', 'then open site/index.html in a browser'),
  run: (a) =>
    runReview({
      inputs: a['inputs'] as string[],
      out: a['out'] as string,
      corrections: a['corrections'] as string | undefined,
      minConfidence: a['min-confidence'] as number,
      verbose: a['verbose'] as boolean,
    }),
};
