/**
 * The shapes of the template data in `extractors/` (sections, table templates,
 * editions, check rules), as zod schemas: a file that does not fit is a
 * located error naming the file and the path inside it.
 */
import { z } from 'zod';

const Spellings = z.array(z.string().min(1)).min(1);

export const SectionDef = z.object({
  key: z.string().min(1),
  numeral: z.string().min(1),
  labels: Spellings,
  table: z.string().optional(),
});
export type SectionDef = z.infer<typeof SectionDef>;

export const SectionsFile = z.object({
  sections: z.array(SectionDef).min(1),
  furniture: z.array(z.string()).default([]),
});
export type SectionsFile = z.infer<typeof SectionsFile>;

export const ColumnDef = z.object({
  /** Output key under the row (may be dotted: `review.upheld`). */
  key: z.string().min(1),
  /** Header labels from the outermost header level to the column's own (leaf) label; each level lists its spellings. */
  path: z.array(Spellings).min(1),
  /** When set, a unit printed in the cell or the column header is written to this key beside the value. */
  unitKey: z.string().optional(),
});
export type ColumnDef = z.infer<typeof ColumnDef>;

export interface RowDef {
  key?: string | undefined;
  label?: string | undefined;
  aliases?: string[] | undefined;
  columns?: string[] | undefined;
  rows?: RowDef[] | undefined;
  ownRow?: string | undefined;
  unlabelled?: boolean | undefined;
}
export const RowDef: z.ZodType<RowDef> = z.lazy(() =>
  z
    .object({
      /** Output key (a path segment); absent for a pure grouping row such as 三、本年度办理结果. */
      key: z.string().optional(),
      label: z.string().min(1).optional(),
      aliases: z.array(z.string().min(1)).optional(),
      /** The column keys this row has; all the table's columns when absent. */
      columns: z.array(z.string()).optional(),
      rows: z.array(RowDef).optional(),
      /**
       * A group row that reports print either as one row of its own or as its
       * detail rows (（六）其他处理): the key its own row is written to.
       */
      ownRow: z.string().optional(),
      /** The table's one data row has no label (table 四). */
      unlabelled: z.boolean().optional(),
    })
    .strict()
    .refine((r) => r.unlabelled || r.label, { message: 'a row needs a label unless it is unlabelled' })
    .refine((r) => !r.ownRow || r.rows, { message: 'ownRow needs detail rows' }),
);

export const TableDef = z.object({
  id: z.string().min(1),
  source: z.string().optional(),
  columns: z.array(ColumnDef).min(1),
  /** Header words that are not column labels themselves (申请人情况, 信息内容 …): they mark header rows. */
  headerLabels: z.array(z.string()).default([]),
  rows: z.array(RowDef).min(1),
});
export type TableDef = z.infer<typeof TableDef>;

export const EditionDef = z.object({
  id: z.string().min(1),
  source: z.string().optional(),
  years: z.object({ from: z.number().int(), to: z.number().int().optional() }),
  /** Section key → table template id. */
  tables: z.record(z.string(), z.string()),
  /** Row group path → the form to assume when a document does not show it: its own row or its detail rows. */
  forms: z.record(z.string(), z.enum(['own', 'rows'])).default({}),
});
export type EditionDef = z.infer<typeof EditionDef>;

const ForDef = z.union([
  z.object({ values: z.array(z.string()).min(1) }),
  z.object({ rowsOf: z.string().min(1) }),
]);

export const CheckRuleDef = z.object({
  rule: z.string().min(1),
  why: z.string().optional(),
  for: z.record(z.string(), ForDef).default({}),
  expected: z.array(z.string()).min(1),
  actual: z.array(z.string()).min(1),
});
export type CheckRuleDef = z.infer<typeof CheckRuleDef>;

export const ChecksFile = z.object({ rules: z.array(CheckRuleDef) });
