/**
 * The `legacy` object of a legacy (2008–2018) report, as TypeScript types
 * (spec/legacy-reports.md, "legacy — what only legacy reports have"). The
 * runtime contract is the zod schema in schema/report.ts.
 */
import type { Figure } from './figures.js';
import type { Statistics } from './statistics.js';

export type { Figure } from './figures.js';
export type { Statistics, StatisticsRow } from './statistics.js';

/** A top-level section that is none of the six (收费及减免, 咨询处理, … or `other`). */
export interface LegacySection {
  key: string;
  heading: string;
  text: string;
}

export interface LegacyPart {
  /** Every other top-level section, in printed order. */
  sections: LegacySection[];
  /** The attached statistics table, or null. */
  statistics: Statistics | null;
  /** Key numbers stated in the text, in document order. */
  figures: Figure[];
}
