/**
 * Blank documents (issue 7, kind 4). The national format template
 * (政府信息公开工作年度报告格式模板) has the report's headings and tables but
 * every value cell empty, sections that read （文字描述）, no year and no
 * issuing body: it is not a report, and its 200 blank cells must not come
 * out as 200 zeros under `status: complete`. A real report whose tables are
 * entirely blank is read (blank → 0, report-schema "blank cells") but warned
 * about, since a blank table is more often unfilled than all zeros.
 */
import type { CellProvenance } from './types.js';

/** The whole text of a section is a placeholder: （文字描述）, （略）, XXX, ……, 此处填写… */
const PLACEHOLDER = /^[（(【[]?(文字描述|文字说明|文字内容|正文内容|内容略|略|待填写?|此处填写.*|请填写.*|填写.*|[XＸx×＊*]{2,}|…+|\.{3,})[）)】\]]?[。.]?$/u;

/** A title naming a template or a specimen, not a report. */
const TEMPLATE_TITLE = /模板|模版|样本|样表|范本|格式文本|参考格式/u;

export const ALL_BLANK_WARNING = 'every value cell of every table is blank (read as 0): check that the report was filled in';

/** Counts the value cells a table section printed, and how many of those were blank. */
export interface BlankCount {
  cells: number;
  blank: number;
}

/**
 * Adds one mapped section's cells to `count`. A cell is blank when its
 * printed text (provenance `raw`) is empty, or when it has no provenance
 * but a value of 0 (a blank table read from its header words alone).
 * Cells that were not found (null) are not counted.
 */
export function countBlankCells(count: BlankCount, values: Record<string, unknown>, provenance: Record<string, CellProvenance>, prefix = ''): void {
  for (const [key, v] of Object.entries(values)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object') countBlankCells(count, v as Record<string, unknown>, provenance, path);
    else if (typeof v === 'number') {
      count.cells++;
      const p = provenance[path];
      if (p ? p.raw.trim() === '' : v === 0) count.blank++;
    }
  }
}

export function isPlaceholderText(text: string): boolean {
  const lines = text.split('\n').map((line) => line.replace(/\s+/g, '')).filter(Boolean);
  return lines.length > 0 && lines.every((line) => PLACEHOLDER.test(line));
}

export interface BlankSignals {
  title: string | null;
  /** Issuing body from the signature (not derived from the title). */
  signedBy: string | undefined;
  year: number | null;
  /** The text sections' texts. */
  texts: string[];
  count: BlankCount;
}

/**
 * The reason a document is a blank template, or undefined. Every value cell
 * must be blank, and at least two of: no year, no signature, a placeholder
 * section text, a title naming a template.
 */
export function blankTemplateReason(s: BlankSignals): string | undefined {
  if (s.count.cells === 0 || s.count.blank < s.count.cells) return undefined;
  const marks: string[] = [];
  if (s.title && TEMPLATE_TITLE.test(s.title)) marks.push(`the title "${s.title}" names a template`);
  const placeholders = s.texts.filter(isPlaceholderText);
  if (placeholders.length) marks.push(`its sections hold placeholder text such as ${placeholders[0]!.trim()}`);
  if (s.year === null) marks.push('it names no year');
  if (!s.signedBy) marks.push('no issuing body signs it');
  if (marks.length < 2) return undefined;
  return `a blank template of the report (格式模板), not a filled-in report: every table cell is blank, ${marks.join(', ')}`;
}
