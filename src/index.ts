/**
 * gongkai as a library:
 *
 *   import { extract, extractMany, hasTables } from 'gongkai';
 *   const report = await extract('report.pdf', { provenance: true, timeoutMs: 30_000 });
 *   if (hasTables(report)) console.log(report.applications?.newReceived.total);
 *   const reports = await extractMany(['a.pdf', 'b.docx'], { jobs: 2 });
 */
export { extract, type ExtractOptions, type ExtractInput } from './extract.js';
export { extractMany, type ExtractManyOptions } from './batch/many.js';
export { outputNames } from './batch/names.js';
export { hasTables, isLegacy, isActiveDisclosure2019, isActiveDisclosure2021, isHeadingOnly, type TabledReport, type LegacyReport } from './report/guards.js';
export type * from './report/types.js';
export type { DocumentModel, Block, Paragraph, Table, Cell, BBox } from './model/document.js';
export { buildReportSchema, reportJsonSchema, SCHEMA_VERSION } from './schema/report.js';
export { loadTemplates } from './template/load.js';
export { differences as compareWithExpected } from './report/compare.js';
export { VERSION } from './version.js';
