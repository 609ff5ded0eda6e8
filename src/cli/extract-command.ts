/**
 * `gongkai extract`: runs every input through the extractor, writes one JSON
 * per input (or the single input's JSON to stdout) and one summary line per
 * input on stderr.
 */
import { join } from 'node:path';
import { extract } from '../extract.js';
import { collectInputs } from '../batch/inputs.js';
import { writeAtomic } from '../batch/write.js';
import type { Report } from '../report/types.js';

export interface ExtractCommand {
  inputs: string[];
  out?: string | undefined;
  provenance: boolean;
  pretty: boolean;
  password?: string | undefined;
}

export const DEFAULT_OUT = 'output';

/** One line for a human: status, file, and what went wrong. */
export function summaryLine(report: Report, name: string): string {
  const failedChecks = report.checks.filter((c) => !c.passed).map((c) => c.rule);
  const parts = [`${report.status.padEnd(8)} ${name}`];
  if (failedChecks.length) parts.push(`failed checks: ${failedChecks.join(', ')}`);
  if (report.status === 'failed') parts.push(report.warnings[0] ?? '');
  else if (report.warnings.length) parts.push(`${report.warnings.length} warning${report.warnings.length > 1 ? 's' : ''}`);
  return parts.join('  ');
}

export async function runExtract(cmd: ExtractCommand): Promise<number> {
  const inputs = await collectInputs(cmd.inputs);
  if (!inputs.length) {
    process.stderr.write('gongkai: no input documents found\n');
    return 2;
  }
  const toStdout = cmd.out === undefined && inputs.length === 1;
  const outDir = cmd.out ?? DEFAULT_OUT;
  let allComplete = true;
  for (const input of inputs) {
    const options = { provenance: cmd.provenance, ...(cmd.password !== undefined ? { password: cmd.password } : {}) };
    const report = await extract(input.path, options);
    const json = `${JSON.stringify(report, null, cmd.pretty ? 2 : undefined)}\n`;
    if (toStdout) process.stdout.write(json);
    else await writeAtomic(join(outDir, input.outName), json);
    process.stderr.write(`${summaryLine(report, input.path)}\n`);
    allComplete &&= report.status === 'complete';
  }
  return allComplete ? 0 : 1;
}
