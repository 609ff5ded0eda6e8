/**
 * The version of the output contract (spec/report-schema.md), apart from the
 * zod schema in schema/report.ts so that what only prints or records the
 * number (`gongkai --version`, failed reports, the batch runner's main
 * thread) does not load zod.
 */
export const SCHEMA_VERSION = '1';
