/**
 * gongkai as a library:
 *
 *   import { extract } from 'gongkai';
 *   const report = await extract('report.pdf', { provenance: true });
 */
export { extract, type ExtractOptions } from './extract.js';
export type * from './report/types.js';
export type { DocumentModel, Block, Paragraph, Table, Cell, BBox } from './model/document.js';
export { buildReportSchema, reportJsonSchema, SCHEMA_VERSION } from './schema/report.js';
export { loadTemplates } from './template/load.js';
export { differences as compareWithExpected } from './report/compare.js';
export { VERSION } from './version.js';
export { textOnlyPdfjsStatus, type TextOnlyPdfjsStatus } from './readers/pdf/pdfjs-text-only.js';
