/**
 * The shapes of the legacy template data in `extractors/legacy/` (the old
 * outline, the statistics templates, the figure phrase patterns), as zod
 * schemas: a file that does not fit is a located error naming the file.
 * Source of the rules: spec/legacy-reports.md.
 */
import { z } from 'zod';
import { TableDef } from '../template/definitions.js';

const Words = z.array(z.string().min(1));

export const LegacySectionDef = z.object({
  key: z.string().min(1),
  labels: Words.min(1),
  /** Keywords that name the key when no label is close (merged and reworded headings). */
  markers: Words.default([]),
  /** A wording that names this key only as the second top-level heading, when no other heading has the word. */
  secondOnly: z.object({ labels: Words.min(1), unlessAnyHeadingHas: z.string().min(1) }).optional(),
});
export type LegacySectionDef = z.infer<typeof LegacySectionDef>;

export const OutlineFile = z.object({
  years: z.object({ from: z.number().int(), to: z.number().int() }),
  /** Top-level ordinal styles, in order of precedence; group 1 of `pattern` is the numeral (Chinese or digits). */
  ordinalStyles: z.array(z.object({ id: z.string().min(1), pattern: z.string().min(1) })).min(1),
  maxHeadingLength: z.number().int().positive(),
  labelMatch: z.number().min(0).max(1),
  /** The six keys of the report schema, in template order. */
  sections: z.array(LegacySectionDef).length(6),
  /** Keys of `legacy.sections`. */
  extraSections: z.array(LegacySectionDef),
  otherKey: z.string().min(1),
});
export type OutlineFile = z.infer<typeof OutlineFile>;

/** A statistics template: a table template (same shape as extractors/tables/*.json) plus how to read its value. */
export const StatisticsTemplateDef = TableDef.extend({
  /** Column keys holding the number, in order of preference (shanghai2008: 本年累计, else 本期实际). */
  valueColumns: Words.min(1),
  unitColumn: z.string().min(1),
  codeColumn: z.string().min(1).optional(),
  /** The template is taken only when at least this share of its rows was matched by label. */
  minMatchedShare: z.number().min(0).max(1),
  /** Path → the template's unit; `prefix.*` covers a whole group. */
  units: z.record(z.string(), z.string()),
});
export type StatisticsTemplateDef = z.infer<typeof StatisticsTemplateDef>;

export const StatisticsFile = z.object({
  otherTable: z.object({ words: Words.min(1), atLeast: z.number().int().positive() }),
  annexLines: Words,
  noUnit: z.array(z.string()),
  /** The statistics-period sentence; group 1 is the year. */
  periodSentence: z.string().min(1),
});
export type StatisticsFile = z.infer<typeof StatisticsFile>;

export const NumberRuleDef = z.object({
  key: z.string().min(1),
  /** Units the number may carry (as printed after folding). */
  units: Words.min(1),
  /** Must match the clause text before the number. */
  lead: z.string().min(1),
  /** Must not match the clause text before the number. */
  notLead: z.string().optional(),
  why: z.string().optional(),
});

export const ZeroRuleDef = z.object({
  key: z.string().min(1),
  /** Matches a clause that states none (no digit in it). */
  pattern: z.string().min(1),
  /** The clause is not such a statement when this matches it. */
  unless: z.string().optional(),
  why: z.string().optional(),
});

export const FiguresFile = z.object({
  keys: Words.min(1),
  /** Counting words and currency after a number, longest first. */
  units: Words.min(1),
  sentenceEnd: z.string().min(1),
  clauseBreak: z.string().min(1),
  qualifiers: z.object({
    atLeast: z.object({ before: z.string(), after: z.string() }),
    approx: z.object({ before: z.string(), after: z.string() }),
  }),
  numbers: z.array(NumberRuleDef),
  zero: z.array(ZeroRuleDef),
});
export type FiguresFile = z.infer<typeof FiguresFile>;
