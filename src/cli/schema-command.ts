/**
 * `gongkai schema`: prints the JSON Schema of the output (report schema
 * version 1, spec/report-schema.md), with a description for every property.
 */
import type { CliCommand } from './command.js';
import { EXIT } from './command.js';

export const schemaCommand: CliCommand = {
  command: 'schema',
  describe: 'Print the JSON Schema of the output (one report per document)',
  builder: (y) => y.example('gongkai schema > report.schema.json', 'save the schema').example('gongkai schema | head', 'a glance'),
  async run() {
    // zod and the template data load only for this command.
    const [{ loadTemplates }, { reportJsonSchema }] = await Promise.all([import('../template/load.js'), import('../schema/report.js')]);
    process.stdout.write(`${JSON.stringify(reportJsonSchema(loadTemplates()), null, 2)}\n`);
    return EXIT.ok;
  },
};
