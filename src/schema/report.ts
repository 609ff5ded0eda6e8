/**
 * The output contract (`spec/report-schema.md`, version 1) in zod. Every
 * output is validated by it before it is written; `gongkai schema` prints the
 * JSON Schema generated from it.
 *
 * The shape of the three table sections is generated from the template data
 * (`extractors/`): the same keys the mapper writes, one variant per edition
 * and per form of the row groups (（六）其他处理 as one row or three). The
 * rest is written out here.
 */
import { z } from 'zod';
import type { CompiledTable, Templates } from '../template/load.js';
import { describeSchema, descriptions } from './descriptions.js';
import { SCHEMA_VERSION } from './version.js';

/** Re-exported for the library's users (src/index.ts); what must not load zod imports schema/version.ts. */
export { SCHEMA_VERSION };
/** The schema's identifier (a URN: it names the contract, docs/schema.md, without claiming a web address). */
export const SCHEMA_ID = `urn:gongkai:report-schema:${SCHEMA_VERSION}`;

export const SOURCE_FORMATS = ['pdf', 'docx', 'doc', 'html', 'txt', 'image', 'unknown'] as const;
export type OutputFormat = (typeof SOURCE_FORMATS)[number];

const CellNumber = z.number().nullable();
const Unit = z.enum(['元', '万元', '亿元']).nullable();

type Shape = { [key: string]: Shape | 'number' | 'unit' };

function shapeToZod(shape: Shape): z.ZodObject {
  const fields: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) {
    fields[k] = v === 'number' ? CellNumber : v === 'unit' ? Unit : shapeToZod(v);
  }
  return z.object(fields).strict();
}

function put(shape: Shape, path: string, kind: 'number' | 'unit') {
  const keys = path.split('.');
  let node = shape;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Shape;
  node[keys[keys.length - 1]!] = kind;
}

/** One zod object per variant of a table template, each with its `heading`. */
function tableSchemas(table: CompiledTable): z.ZodObject[] {
  const unitKeys = new Map(table.columns.filter((c) => c.unitKey).map((c) => [c.key, c.unitKey!]));
  return table.variants.map((variant) => {
    const shape: Shape = {};
    for (const leaf of variant.leaves) {
      for (const col of leaf.columns) {
        put(shape, leaf.path ? `${leaf.path}.${col}` : col, 'number');
        const u = unitKeys.get(col);
        if (u) put(shape, leaf.path ? `${leaf.path}.${u}` : u, 'unit');
      }
    }
    return shapeToZod(shape).extend({ heading: z.string() });
  });
}

function unionOf(options: z.ZodType[]): z.ZodType {
  return options.length === 1 ? options[0]! : z.union(options as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

const TextSection = z.object({ heading: z.string(), text: z.string() }).strict();

export const Provenance = z
  .object({
    page: z.number().int().positive().nullable(),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
    raw: z.string(),
    ocr: z.literal(true).optional(),
    confidence: z.number().min(0).max(1).optional(),
  })
  .strict();

export const Check = z.object({ rule: z.string(), passed: z.boolean(), expected: z.number(), actual: z.number() }).strict();

/** Statistics values: numbers (or null for rows not printed) nested by path, or flat by code. */
type StatisticsValues = { [key: string]: number | null | StatisticsValues };
const StatisticsValues: z.ZodType<StatisticsValues> = z.lazy(() => z.record(z.string(), z.union([z.number(), z.null(), StatisticsValues])));

/** `legacy` (spec/legacy-reports.md): present only when `meta.edition` is "legacy". */
export const Legacy = z
  .object({
    sections: z.array(z.object({ key: z.string(), heading: z.string(), text: z.string() }).strict()),
    statistics: z
      .object({
        template: z.string(),
        heading: z.string().nullable(),
        rows: z.array(
          z
            .object({
              path: z.string().nullable(),
              label: z.string(),
              code: z.string().nullable(),
              unit: z.string().nullable(),
              value: z.number().nullable(),
              raw: z.string(),
            })
            .strict(),
        ),
        values: StatisticsValues,
      })
      .strict()
      .nullable(),
    figures: z.array(
      z
        .object({
          key: z.string(),
          value: z.number(),
          unit: z.string().nullable(),
          qualifier: z.enum(['atLeast', 'approx']).nullable(),
          zero: z.boolean(),
          section: z.string(),
          sentence: z.string(),
          raw: z.string().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

/** An applied correction (spec § Corrections); `value` is absent for a confirmation. */
export const AppliedCorrection = z
  .object({
    path: z.string(),
    printed: z.number().nullable(),
    value: z.number().optional(),
    note: z.string().nullable(),
    by: z.string().nullable(),
    at: z.string().nullable(),
  })
  .strict();

export function buildReportSchema(templates: Templates) {
  const sectionSchemas: Record<string, z.ZodType> = {};
  for (const section of templates.sections) {
    if (!section.table) {
      sectionSchemas[section.key] = TextSection.nullable();
      continue;
    }
    const seen = new Set<string>();
    const options: z.ZodType[] = [];
    for (const edition of templates.editions) {
      const table = edition.tables[section.table];
      if (!table || seen.has(table.id)) continue;
      seen.add(table.id);
      options.push(...tableSchemas(table));
    }
    // A legacy or unknown edition: the heading only, with warnings saying why.
    options.push(z.object({ heading: z.string() }).strict());
    // A legacy report (spec/legacy-reports.md): heading and text.
    options.push(TextSection);
    sectionSchemas[section.key] = unionOf(options).nullable();
  }

  return z
    .object({
      schemaVersion: z.literal(SCHEMA_VERSION),
      source: z
        .object({
          file: z.string(),
          path: z.string(),
          format: z.enum(SOURCE_FORMATS),
          sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
          pages: z.number().int().nonnegative().nullable(),
        })
        .strict(),
      meta: z
        .object({
          title: z.string().nullable(),
          agency: z.string().nullable(),
          year: z.number().int().nullable(),
          publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
          edition: z.enum(['legacy', 'unknown', ...templates.editions.map((e) => e.id)] as [string, ...string[]]),
        })
        .strict(),
      status: z.enum(['complete', 'partial', 'failed']),
      ...sectionSchemas,
      checks: z.array(Check),
      warnings: z.array(z.string()),
      corrections: z.array(AppliedCorrection).optional(),
      provenance: z.record(z.string(), Provenance).optional(),
      legacy: Legacy.optional(),
    })
    .strict();
}

/** The JSON Schema of the output, generated from the zod schema, with an `$id`, a title and a description for every property (schema/descriptions.ts). */
export function reportJsonSchema(templates: Templates): unknown {
  const schema = z.toJSONSchema(buildReportSchema(templates), { target: 'draft-2020-12' }) as Record<string, unknown>;
  describeSchema(schema, descriptions(templates));
  return { $schema: schema['$schema'], $id: SCHEMA_ID, title: `gongkai report, schema version ${SCHEMA_VERSION}`, ...schema };
}
