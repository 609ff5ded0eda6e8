/**
 * `gongkai series INPUT… [--out FILE] [--format json|csv]`: reports of one
 * body across years (spec § Series). Inputs are documents and/or folders of
 * gongkai JSON outputs (documents without an output are extracted). Exit 0
 * when every cross-year check passed, 1 when one failed, 2 on usage errors.
 */
import { EXIT, type CliCommand } from './command.js';
import { readCorrectionsOrUsage } from './corrections-option.js';
import { writeAtomic } from '../io/write.js';

export interface SeriesCommand {
  inputs: string[];
  out?: string | undefined;
  format: 'json' | 'csv';
  corrections?: string | undefined;
  verbose: boolean;
}

export async function runSeries(cmd: SeriesCommand): Promise<number> {
  const corrections = cmd.corrections === undefined ? undefined : await readCorrectionsOrUsage(cmd.corrections);
  // What reads reports and builds series loads only for this command.
  const [{ loadReports }, { buildSeries, seriesJson }, { seriesCsv }] = await Promise.all([
    import('../collection/load.js'),
    import('../series/build.js'),
    import('../series/csv.js'),
  ]);
  const loaded = await loadReports(cmd.inputs, {
    corrections,
    ...(cmd.verbose ? { onExtract: (p: string) => process.stderr.write(`extracting ${p}\n`) } : {}),
  });
  const series = buildSeries(loaded);
  const text =
    cmd.format === 'csv'
      ? seriesCsv(series, (body, year) => (series.members.get(body)?.get(year) ?? []).map((l) => l.report))
      : `${JSON.stringify(seriesJson(series), null, 2)}\n`;
  if (cmd.out === undefined) process.stdout.write(text);
  else await writeAtomic(cmd.out, text);
  if (cmd.verbose) {
    for (const b of series.bodies) {
      const failed = b.checks.filter((c) => !c.passed).map((c) => `${c.rule} ${c.from}→${c.to}`);
      process.stderr.write(`${b.agency}: ${b.years.map((y) => y.year).join(', ')}${b.missingYears.length ? `; missing ${b.missingYears.join(', ')}` : ''}${failed.length ? `; failed ${failed.join(', ')}` : ''}\n`);
    }
  }
  return series.bodies.some((b) => b.checks.some((c) => !c.passed)) ? EXIT.incomplete : EXIT.ok;
}

export const seriesCommand: CliCommand = {
  command: 'series <inputs..>',
  describe: 'Check reports of one body across years: missing and duplicate years, carry-over between years (JSON or CSV)',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'documents and/or folders of gongkai JSON outputs' })
      .option('out', { alias: 'o', type: 'string', describe: 'output file (default standard output)' })
      .option('format', { alias: 'f', choices: ['json', 'csv'] as const, describe: 'output format (default: csv when --out ends in .csv, else json)' })
      .option('corrections', { type: 'string', describe: 'apply a corrections file first (see extract --corrections)' })
      .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'one line per body on stderr' })
      .example('gongkai series out/ -o series.csv', 'every body found in a folder of outputs, one CSV row per body and year'),
  run: (a) => {
    const out = a['out'] as string | undefined;
    const format = (a['format'] as 'json' | 'csv' | undefined) ?? (out?.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
    return runSeries({ inputs: a['inputs'] as string[], out, format, corrections: a['corrections'] as string | undefined, verbose: a['verbose'] as boolean });
  },
};
