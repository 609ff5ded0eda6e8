/**
 * The descriptions of `gongkai schema`, as data: report path → the words of
 * the spec (spec/report-schema.md, docs/schema.md). Table cells are described
 * from the template data (`extractors/tables`: printed row and column labels)
 * and the units below, so a new edition's cells are described without a
 * change here. `[]` is an array's items, `*` a record's values; a key added
 * to the schema elsewhere gets its description by adding a line here.
 */
import type { Templates } from '../template/load.js';
import { cellColumns, rowLabel } from '../writers/labels.js';

export const DESCRIPTIONS: Record<string, string> = {
  '': 'One government information-disclosure annual report (政府信息公开工作年度报告) as extracted by gongkai: the six sections, the three statistical tables cell by cell, the report\'s own arithmetic checks (勾稽关系) and warnings.',
  schemaVersion: 'Version of this schema ("1").',
  source: 'The input document.',
  'source.file': 'Base name of the input.',
  'source.path': 'The path the output is named after: the input\'s path relative to the deepest folder that holds all the inputs of the run; the base name for bytes.',
  'source.format': 'Input format, recognised from the bytes: pdf, docx, doc, html, txt, image, or unknown.',
  'source.sha256': 'sha256 of the input bytes (hex); null when they could not be read.',
  'source.pages': 'PDF page count; null for other formats.',
  meta: 'Facts about the report.',
  'meta.title': 'The title as printed, spaces between CJK characters and digits removed; null if not found.',
  'meta.agency': 'The issuing body: the signature at the end, else the title\'s subject.',
  'meta.year': 'The reporting year (not the publication year).',
  'meta.publishedAt': 'The date under the signature, ISO (YYYY-MM-DD); null if absent.',
  'meta.edition': 'The national template: "2021" (国办公开办函〔2021〕30号), "2019" (〔2019〕60号), "legacy" (before 2019) or "unknown"; decided by the columns of table 二.',
  status: '"complete": all six sections found and every table cell read; "partial": something missing (see warnings); "failed": the input could not be read or is not such a report.',
  overview: '一、总体情况: heading and text; null when not found.',
  activeDisclosure: '二、主动公开政府信息情况: the table of section 二 in the edition\'s columns (or the heading only when the table is not read); null when not found.',
  applications: '三、收到和处理政府信息公开申请情况: the table of section 三, one object of the seven applicant columns per printed row; null when not found.',
  reviewLitigation: '四、政府信息公开行政复议、行政诉讼情况: the table of section 四 in three groups of five columns; null when not found.',
  problems: '五、存在的主要问题及改进情况: heading and text; null when not found.',
  otherMatters: '六、其他需要报告的事项: heading and text; null when not found.',
  heading: 'The section heading as printed, whitespace removed.',
  text: 'The section body without its heading, page headers/footers and page numbers; paragraphs separated by \\n; tables not repeated.',
  checks: 'The report\'s own arithmetic (勾稽关系): one entry per rule instance whose inputs are all numbers. A failed check is information about the report, not an extraction error.',
  'checks[]': 'One rule instance.',
  'checks[].rule': 'Rule name, e.g. applications.balance.total (extractors/checks.json).',
  'checks[].passed': 'Whether the printed numbers agree.',
  'checks[].expected': 'The sum of the parts.',
  'checks[].actual': 'The printed total.',
  warnings: 'What could not be read or mapped, in words.',
  'warnings[]': 'One warning.',
  corrections: 'When corrections were applied: the confirmations and corrections a person recorded for this document (spec § Corrections); absent otherwise.',
  'corrections[]': 'One applied entry.',
  'corrections[].path': 'The table cell\'s path.',
  'corrections[].printed': 'What the extractor read there (a number or null).',
  'corrections[].value': 'The corrected number now at the path; absent for a confirmation.',
  'corrections[].note': 'The person\'s note, or null.',
  'corrections[].by': 'Who checked it, or null.',
  'corrections[].at': 'When it was checked (as recorded), or null.',
  provenance: 'When provenance was asked for: each cell\'s path → where it was read.',
  'provenance.*': 'Where one cell was read.',
  'provenance.*.page': '1-based page; null for formats without pages (DOCX, HTML).',
  'provenance.*.bbox': 'The cell\'s box [x0, y0, x1, y1] in PDF points from the page\'s top-left; absent for DOCX/HTML.',
  'provenance.*.raw': 'The cell\'s text as printed.',
  'provenance.*.ocr': 'True when the value was read by OCR from a page image.',
  'provenance.*.confidence': 'OCR confidence, 0–1: the lowest over the value\'s characters.',
  // Legacy reports (legacy-reports.md).
  legacy: 'Only for legacy reports (meta.edition "legacy", 2008–2018): the other sections, the attached statistics table, the key numbers stated in the text.',
  'legacy.sections': 'Every other top-level section, in printed order.',
  'legacy.sections[]': 'One section.',
  'legacy.sections[].key': 'fees, consultation, response, institution, proposals, workPoints or other.',
  'legacy.sections[].heading': 'The heading as printed.',
  'legacy.sections[].text': 'The section body.',
  'legacy.statistics': 'The attached statistics table (政府信息公开情况统计表), or null.',
  'legacy.statistics.template': 'gov2014 (国办发〔2014〕32号), shanghai2008 (coded 统计报表) or other.',
  'legacy.statistics.heading': 'The table\'s heading as printed, or null.',
  'legacy.statistics.rows': 'One per printed row with a value, in printed order.',
  'legacy.statistics.rows[]': 'One printed row.',
  'legacy.statistics.rows[].path': 'The row\'s path (gov2014) or code (shanghai2008); null for a row the template does not know.',
  'legacy.statistics.rows[].label': 'The 统计指标 as printed.',
  'legacy.statistics.rows[].code': 'The printed 代码, or null.',
  'legacy.statistics.rows[].unit': 'The unit as printed, else the template\'s.',
  'legacy.statistics.rows[].value': 'The value (cell rules of the report schema).',
  'legacy.statistics.rows[].raw': 'The cell\'s text as printed.',
  'legacy.statistics.values': 'The rows with a path, nested by path (shanghai2008: flat, by code); null for a known row not printed.',
  'legacy.figures': 'Key numbers stated in the text, in document order, each with its sentence.',
  'legacy.figures[]': 'One stated number.',
  'legacy.figures[].key': 'What it counts (activeDisclosure.total, requests.received, …).',
  'legacy.figures[].value': 'The number as printed (Chinese numerals converted).',
  'legacy.figures[].unit': 'The unit as printed.',
  'legacy.figures[].qualifier': 'null, "atLeast" (余, 多, 超过) or "approx" (约, 近).',
  'legacy.figures[].zero': 'True for a statement of none without a digit (未收到…申请).',
  'legacy.figures[].section': 'The key of the section the sentence is in.',
  'legacy.figures[].sentence': 'The sentence the number came from.',
  'legacy.figures[].raw': 'The printed digits, or null.',
};

/** Descriptions of every path under a prefix (nested data whose keys come from templates outside this map). */
export const PREFIX_DESCRIPTIONS: Record<string, string> = {
  'legacy.statistics.values.': 'A value of the attached statistics table, by its path (legacy-reports.md, gov2014 rows / shanghai2008 codes); null when the row is not printed.',
};

/** Units of amounts, by the path under the section (report-schema.md). */
const UNITS: Record<string, string> = {
  'activeDisclosure.fees.amount': 'in 万元 as printed on the template (the unit printed is in fees.amountUnit when the report has it)',
  'activeDisclosure.procurement.amount': 'the number as printed; its unit is procurement.amountUnit',
  'activeDisclosure.procurement.amountUnit': 'the unit printed with the amount or in its header ("元", "万元"), or null',
};

/** Every description: the static ones and those of the table rows and cells made from the templates. */
export function descriptions(templates: Templates): Map<string, string> {
  const map = new Map(Object.entries(DESCRIPTIONS));
  for (const c of cellColumns(templates)) {
    const unit = UNITS[c.path];
    map.set(c.path, `${c.label}${unit ? `; ${unit}` : ''}. A number; null when not read (a warning names the path). Editions: ${c.editions.join(', ')}.`);
  }
  for (const section of templates.sections) {
    if (!section.table) continue;
    for (const edition of templates.editions) {
      // Column groups (行政复议 · …): the group's outer header label.
      for (const col of edition.tables[section.table]?.columns ?? []) {
        const cut = col.key.lastIndexOf('.');
        const groupPath = `${section.key}.${col.key.slice(0, cut)}`;
        if (cut > 0 && !map.has(groupPath)) map.set(groupPath, `${col.path[0]![0]}: its columns.`);
      }
      for (const variant of edition.tables[section.table]?.variants ?? []) {
        for (const leaf of variant.leaves) {
          if (!leaf.path) continue;
          const rowPath = `${section.key}.${leaf.path}`;
          if (!map.has(rowPath)) map.set(rowPath, `${rowLabel(leaf)}: one number per column.`);
          const cut = leaf.path.lastIndexOf('.');
          const group = leaf.groups[leaf.groups.length - 1];
          const groupPath = `${section.key}.${leaf.path.slice(0, cut)}`;
          if (cut > 0 && group && !map.has(groupPath)) map.set(groupPath, `${group[0]}: its rows.`);
          else if (cut > 0 && !map.has(groupPath)) map.set(groupPath, `${leaf.path.slice(0, cut)}: its cells.`);
        }
      }
    }
  }
  return map;
}

type JsonSchema = Record<string, unknown>;

/**
 * Sets `description` on every property of a generated JSON Schema from
 * `map` (by report path; any section's `heading`/`text` by that key; paths
 * under a PREFIX_DESCRIPTIONS prefix by the prefix). Properties with no
 * entry keep none, which the tests catch.
 */
export function describeSchema(schema: JsonSchema, map: Map<string, string>, path = ''): void {
  const prefix = Object.keys(PREFIX_DESCRIPTIONS).find((p) => path.startsWith(p));
  const last = path.split('.').pop()!;
  const d = map.get(path) ?? (last === 'heading' || last === 'text' ? map.get(last) : undefined) ?? (prefix ? PREFIX_DESCRIPTIONS[prefix] : undefined);
  if (d && !schema['description']) schema['description'] = d;
  const props = schema['properties'] as Record<string, JsonSchema> | undefined;
  for (const [k, v] of Object.entries(props ?? {})) describeSchema(v, map, path ? `${path}.${k}` : k);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const v of (schema[k] as JsonSchema[] | undefined) ?? []) describeSchema(v, map, path);
  }
  if (schema['items'] && typeof schema['items'] === 'object') describeSchema(schema['items'] as JsonSchema, map, `${path}[]`);
  if (schema['additionalProperties'] && typeof schema['additionalProperties'] === 'object') describeSchema(schema['additionalProperties'] as JsonSchema, map, `${path}.*`);
}
