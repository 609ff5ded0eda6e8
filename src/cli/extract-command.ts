/**
 * `gongkai extract`: collects the inputs, runs the batch and writes the
 * summary. Exit code 0 when every input is complete, 1 otherwise.
 */
import { availableParallelism } from 'node:os';
import { collectInputs } from '../batch/inputs.js';
import { makeReporter } from '../batch/progress.js';
import { runBatch, type BatchFormat } from '../batch/run.js';
import { writeAtomic } from '../io/write.js';
import { readCorrections, CorrectionsFileError, type CorrectionEntry } from '../corrections/entries.js';
import { reexecSingleThreaded, shouldReexec } from './reexec.js';

export interface ExtractCommand {
  inputs: string[];
  out?: string | undefined;
  format: BatchFormat;
  jobs?: number | undefined;
  timeout: number;
  maxSize: number;
  maxMemory: number;
  resume: boolean;
  summary?: string | undefined;
  verbose: boolean;
  provenance: boolean;
  pretty: boolean;
  password?: string | undefined;
  corrections?: string | undefined;
}

export const DEFAULT_OUT = 'output';

export class UsageError extends Error {}

export async function runExtract(cmd: ExtractCommand): Promise<number> {
  const jobs = cmd.jobs ?? availableParallelism();
  const inputs = await collectInputs(cmd.inputs);
  if (!inputs.length) throw new UsageError('no input documents found');
  // JSON: one input without --out goes to stdout, several to ./output. NDJSON and CSV: stdout without --out.
  const out = cmd.format === 'json' && cmd.out === undefined && inputs.length > 1 ? DEFAULT_OUT : cmd.out;
  if (cmd.resume && (cmd.format !== 'json' || out === undefined)) {
    throw new UsageError('--resume needs JSON outputs in a folder (--format json with --out DIR, or several inputs)');
  }
  if (cmd.corrections !== undefined && cmd.resume) throw new UsageError('--corrections cannot be combined with --resume (earlier outputs may lack the corrections)');
  let corrections: CorrectionEntry[] | undefined;
  try {
    corrections = cmd.corrections === undefined ? undefined : await readCorrections(cmd.corrections);
  } catch (e) {
    if (e instanceof CorrectionsFileError) throw new UsageError(e.message);
    throw e;
  }
  if (inputs.length > jobs && shouldReexec(jobs, availableParallelism())) return reexecSingleThreaded();
  const summary = await runBatch({
    inputs,
    format: cmd.format,
    out,
    jobs,
    timeoutSeconds: cmd.timeout,
    maxMemoryMb: cmd.maxMemory,
    maxSizeMb: cmd.maxSize,
    provenance: cmd.provenance,
    pretty: cmd.pretty,
    password: cmd.password,
    corrections,
    resume: cmd.resume,
    reporter: makeReporter(process.stderr, { verbose: cmd.verbose, tty: !!process.stderr.isTTY }),
  });
  if (cmd.summary) await writeAtomic(cmd.summary, `${JSON.stringify(summary, null, 2)}\n`);
  return summary.byStatus.partial + summary.byStatus.failed === 0 ? 0 : 1;
}
