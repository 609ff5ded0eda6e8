/**
 * `gongkai extract`: collects the inputs (usage errors before any work: no
 * inputs, two inputs with one output name, an --out that does not fit),
 * runs the batch, writes the summary, and turns the outcome into the exit
 * code (command.ts: 0, 1, 3 with --strict, 130 when interrupted).
 */
import { availableParallelism } from 'node:os';
import { collectInputs } from '../batch/inputs.js';
import type { BatchFormat } from '../batch/run.js';
import { STDIN } from '../batch/names.js';
import { inShard, parseShard } from '../batch/shard.js';
import { writeAtomic } from '../io/write.js';
import { reexecSingleThreaded, shouldReexec } from './reexec.js';
import { EXIT, UsageError, type CliCommand } from './command.js';
import { resolveOutput } from './output.js';
import { onInterrupt } from './signals.js';
import { skippedText } from '../batch/summary.js';
import type { LabelLanguage } from '../writers/csv.js';
import { readCorrectionsOrUsage } from './corrections-option.js';

export { UsageError } from './command.js';

export interface ExtractCommand {
  inputs: string[];
  out?: string | undefined;
  format?: BatchFormat | undefined;
  labels?: LabelLanguage | undefined;
  jobs?: number | undefined;
  /** Documents OCR'd at once (one OCR engine each). */
  ocrJobs?: number | undefined;
  /** WebAssembly threads per OCR engine. */
  ocrThreads?: number | undefined;
  timeout: number;
  ocr?: 'off' | 'auto' | 'force' | undefined;
  ocrPageTimeout?: number | undefined;
  maxSize: number;
  maxMemory: number;
  resume: boolean;
  summary?: string | undefined;
  verbose: boolean;
  quiet?: boolean | undefined;
  strict?: boolean | undefined;
  provenance: boolean;
  pretty: boolean;
  password?: string | undefined;
  corrections?: string | undefined;
  /** `i/n`: only the i-th of n deterministic parts of the inputs (batch/shard.ts). */
  shard?: string | undefined;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Runs `gongkai extract` with parsed options: one document to standard
 * output or a file, or a bulk run (batch/run.ts). Resolves to the exit code
 * (cli/command.ts `EXIT`); throws `UsageError` for options that contradict
 * each other, before any document is read.
 */
export async function runExtract(cmd: ExtractCommand): Promise<number> {
  const jobs = cmd.jobs ?? availableParallelism();
  if (cmd.inputs.filter((p) => p === STDIN).length > 1) throw new UsageError("'-' (standard input) can be given once");
  const { inputs: all, skipped, collisions } = await collectInputs(cmd.inputs);
  const shard = cmd.shard === undefined ? undefined : shardOf(cmd.shard);
  if (!all.length) throw new UsageError(`no input documents found${skipped.length ? ` (${skipped.length} files skipped: not documents)` : ''}`);
  if (collisions.size) {
    const [name, paths] = [...collisions][0]!;
    throw new UsageError(`${paths.join(' and ')} would both be written to ${name}.json; name each input once`);
  }
  // Where outputs go is decided from all the inputs, so that n shards write what one run writes.
  const { format, target } = await resolveOutput(cmd.out, cmd.format, all.length, !!process.stdout.isTTY);
  const inputs = shard ? all.filter((i) => inShard(i.outName, shard)) : all;
  if (cmd.resume && (format !== 'json' || target.kind !== 'folder')) {
    throw new UsageError('--resume needs JSON outputs in a folder (--format json with --out DIR, or several inputs)');
  }
  if (cmd.corrections !== undefined && cmd.resume) throw new UsageError('--corrections cannot be combined with --resume (earlier outputs may lack the corrections)');
  const corrections = cmd.corrections === undefined ? undefined : await readCorrectionsOrUsage(cmd.corrections);
  if (inputs.length > jobs && shouldReexec(jobs, availableParallelism())) return reexecSingleThreaded();
  // The batch machinery (templates, output writers, the worker pool) loads only now: a run that
  // restarts (above) decides it having loaded the command line and listed the inputs, nothing more.
  const [{ runBatch }, { makeReporter }] = await Promise.all([import('../batch/run.js'), import('../batch/progress.js')]);
  const interruption = onInterrupt();
  try {
    const stdin = inputs.some((i) => i.path === STDIN) ? await readStdin() : undefined;
    const summary = await runBatch({
      inputs,
      format,
      target,
      labels: cmd.labels ?? 'keys',
      jobs,
      ocrJobs: cmd.ocrJobs,
      ocrThreads: cmd.ocrThreads,
      timeoutSeconds: cmd.timeout,
      ocr: cmd.ocr,
      ocrPageSeconds: cmd.ocrPageTimeout,
      maxMemoryMb: cmd.maxMemory,
      maxSizeMb: cmd.maxSize,
      provenance: cmd.provenance,
      pretty: cmd.pretty,
      password: cmd.password,
      corrections,
      resume: cmd.resume,
      skippedFiles: skipped,
      ...(stdin ? { stdin } : {}),
      signal: interruption.signal,
      reporter: makeReporter(process.stderr, { verbose: cmd.verbose, tty: !!process.stderr.isTTY, quiet: !!cmd.quiet }),
    });
    if (cmd.summary) await writeAtomic(cmd.summary, `${JSON.stringify(summary, null, 2)}\n`);
    // Nothing skipped silently: off a terminal the run's last line is not shown, so this one is.
    const shown = cmd.verbose || process.stderr.isTTY;
    if (summary.skippedFiles.length && !shown && !cmd.quiet) process.stderr.write(`gongkai: ${skippedText(summary)} (--summary lists them)\n`);
    if (interruption.signal.aborted) {
      const resume = format === 'json' && target.kind === 'folder' ? '; rerun with --resume' : '';
      process.stderr.write(`interrupted after ${summary.done} of ${summary.documents}${resume}\n`);
      return EXIT.interrupted;
    }
    if (summary.byStatus.partial + summary.byStatus.failed > 0) return EXIT.incomplete;
    if (cmd.strict && summary.documentsWithFailedChecks.length) return EXIT.failedChecks;
    return EXIT.ok;
  } finally {
    interruption.uninstall();
  }
}

export const extractCommand: CliCommand = {
  command: 'extract <inputs..>',
  describe: 'Turn reports into JSON (or NDJSON, CSV, XLSX); folders are searched recursively',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: "files, folders, or - for one document on standard input" })
      .option('out', {
        alias: 'o',
        type: 'string',
        describe:
          'where outputs go: a path ending in .json (one input), .ndjson, .csv or .xlsx is a file; - is standard output; anything else a folder ' +
          '(json: one <path>.json per input; csv: one reports-<edition>.csv per edition). A .csv file for documents of several editions becomes one file per edition beside it (all.2019.csv, all.2021.csv, all.legacy.csv). ' +
          'Default: standard output for one input or ndjson/csv, ./output for several json',
      })
      .option('format', { alias: 'f', choices: ['json', 'ndjson', 'csv', 'xlsx'] as const, describe: 'output format (default: from the --out extension, else json)' })
      .option('labels', { choices: ['keys', 'zh'] as const, default: 'keys' as const, describe: 'CSV headers: report paths, or the printed Chinese row and column labels' })
      .option('strict', { type: 'boolean', default: false, describe: 'exit 3 when every document was read but some has a failed check' })
      .option('jobs', { alias: 'j', type: 'number', describe: 'documents read in parallel (default: number of cores)' })
      .option('timeout', { type: 'number', default: 60, describe: 'seconds allowed per document' })
      .option('ocr', { choices: ['off', 'auto', 'force'] as const, default: 'auto' as const, describe: 'OCR pages without a usable text layer (auto), every page (force), or none (off)' })
      .option('ocr-jobs', {
        type: 'number',
        default: 1,
        describe: 'documents OCR\'d in parallel, in their own lane beside the --jobs workers (each loads one OCR engine, 0.6–0.9 GB); text documents never wait behind OCR',
      })
      .option('ocr-threads', {
        type: 'number',
        default: 1,
        describe: 'threads of each OCR engine (ONNX Runtime WebAssembly); more pay only on idle cores: on a busy machine they cost CPU time and gain nothing',
      })
      .option('ocr-page-timeout', { type: 'number', default: 600, describe: "seconds allowed per OCR'd page (renewed per page, instead of --timeout)" })
      .option('max-size', { type: 'number', default: 100, describe: 'largest input read, in MB' })
      .option('max-memory', { type: 'number', default: 512, describe: 'heap limit per worker, in MB' })
      .option('resume', { type: 'boolean', default: false, describe: 'skip inputs whose output (same bytes, same gongkai version) is already in the --out folder' })
      .option('summary', { type: 'string', describe: 'write a JSON run summary to this file' })
      .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'one line per document on stderr, also off a terminal' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress or per-document lines (errors still show)' })
      .option('provenance', { type: 'boolean', default: false, describe: "record each cell's page, box and printed text" })
      .option('pretty', { type: 'boolean', default: false, describe: 'indent the JSON' })
      .option('password', { type: 'string', describe: 'password of encrypted PDFs' })
      .option('corrections', { type: 'string', describe: 'apply a JSON file of confirmed/corrected values (gongkai review exports it) to the documents with their sha256' })
      .option('shard', { type: 'string', describe: 'i/n: only the i-th of n deterministic parts of the inputs (1/3, 2/3, 3/3), for batch schedulers' })
      .check((a) => {
        for (const k of ['jobs', 'ocr-jobs', 'ocr-threads', 'timeout', 'max-size', 'max-memory'] as const) {
          const v = a[k];
          if (v !== undefined && (!Number.isFinite(v) || v <= 0)) throw new UsageError(`--${k} must be a positive number`);
        }
        return true;
      })
      .example('gongkai extract report.pdf', 'one report as JSON on standard output')
      .example('gongkai extract reports/ -o out/', 'every document under reports/ into out/<path>.json')
      .example('gongkai extract reports/ -o all.csv --labels zh', 'one CSV row per document (a file per edition), Chinese headers')
      .example('gongkai extract reports/ -o review.xlsx', 'a workbook: documents, tables 二 三 四 and legacy 统计表 as printed')
      .example('gongkai extract reports/ -f ndjson | jq .meta', 'a stream, one line per document')
      .example('curl -s URL | gongkai extract -', 'a document from standard input')
      .example('gongkai extract in/ -o out/ --resume --strict', 'a scheduled run (add --summary run.json)'),
  run: (a) =>
    runExtract({
      inputs: a['inputs'] as string[],
      out: a['out'] as string | undefined,
      format: a['format'] as BatchFormat | undefined,
      labels: a['labels'] as LabelLanguage,
      jobs: a['jobs'] as number | undefined,
      ocrJobs: a['ocr-jobs'] as number | undefined,
      ocrThreads: a['ocr-threads'] as number | undefined,
      timeout: a['timeout'] as number,
      ocr: a['ocr'] as ExtractCommand['ocr'],
      ocrPageTimeout: a['ocr-page-timeout'] as number | undefined,
      maxSize: a['max-size'] as number,
      maxMemory: a['max-memory'] as number,
      resume: a['resume'] as boolean,
      summary: a['summary'] as string | undefined,
      verbose: a['verbose'] as boolean,
      quiet: a['quiet'] as boolean,
      strict: a['strict'] as boolean,
      provenance: a['provenance'] as boolean,
      pretty: a['pretty'] as boolean,
      password: a['password'] as string | undefined,
      corrections: a['corrections'] as string | undefined,
      shard: a['shard'] as string | undefined,
    }),
};

function shardOf(text: string) {
  try {
    return parseShard(text);
  } catch (e) {
    throw new UsageError(`--shard: ${(e as Error).message}`);
  }
}
