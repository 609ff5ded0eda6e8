/**
 * Document model → report: locate the sections, decide the edition from
 * section 二's column headers, map each section's tables onto its template,
 * run the checks, derive the status. Knows nothing of the input format.
 */
import type { Block, DocumentModel, Table } from '../model/document.js';
import { runChecks } from '../checks/evaluate.js';
import { assembleLegacy } from '../legacy/assemble.js';
import { agencyFromTitle, findSignature, findTitle, findYear } from '../locate/meta.js';
import { findPageDate } from '../locate/page-date.js';
import { locateSections, sectionText, type LocatedSection } from '../locate/sections.js';
import { canonical } from '../text/labels.js';
import { blankTableFromText } from '../template/blank-table.js';
import { blankRowFromHeaderText, mapTables, type CellProvenance, type MappedTable } from '../template/map-table.js';
import type { Edition, Templates } from '../template/load.js';
import type { Report, ReportBody, Status } from './types.js';
import { failedBody } from './failed.js';
import { ALL_BLANK_WARNING, blankTemplateReason, countBlankCells, type BlankCount } from './blank.js';

const REPORT_TITLE = /政府信息公开.*报告|信息公开.*年度报告|政务公开.*年度报告/;

function tablesIn(blocks: Block[], s: LocatedSection): Table[] {
  return blocks.slice(s.start, s.end).filter((b): b is Table => b.kind === 'table');
}

/** Index of the first block of web-page or print furniture after `from`, else `end`. */
function furnitureStart(blocks: Block[], from: number, end: number, furniture: string[]): number {
  for (let i = from; i < end; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'paragraph') continue;
    const t = canonical(b.text);
    if (t.length < 60 && furniture.some((f) => t.includes(canonical(f)))) return i;
  }
  return end;
}

interface EditionChoice {
  edition: Edition | undefined;
  id: string;
  mapped?: MappedTable;
}

/**
 * The edition is decided by the column headers of section 二's table (the
 * editions differ there); the year decides only when the table says nothing.
 */
function chooseEdition(templates: Templates, tables: Table[], year: number | null): EditionChoice {
  let best: { edition: Edition; mapped: MappedTable } | undefined;
  if (tables.length) {
    for (const edition of templates.editions) {
      const template = edition.tables['activeDisclosure'];
      if (!template) continue;
      const mapped = mapTables(tables, template, edition.defaultForms['activeDisclosure'] ?? {});
      if (
        !best ||
        mapped.columnsMatched > best.mapped.columnsMatched ||
        (mapped.columnsMatched === best.mapped.columnsMatched && mapped.rowScore > best.mapped.rowScore)
      ) {
        best = { edition, mapped };
      }
    }
  }
  if (best && best.mapped.columnsMatched > 0) return { edition: best.edition, id: best.edition.id, mapped: best.mapped };
  const byYear = year === null ? undefined : templates.editions.find((e) => year >= e.years.from && (e.years.to === undefined || year <= e.years.to));
  if (byYear) return { edition: byYear, id: byYear.id };
  return { edition: undefined, id: year !== null && year < Math.min(...templates.editions.map((e) => e.years.from)) ? 'legacy' : 'unknown' };
}

/** The most recent edition, for the tables that are the same in every edition when the edition is unknown. */
function latestEdition(templates: Templates): Edition {
  return templates.editions.reduce((a, b) => (b.years.from > a.years.from ? b : a));
}

export function assembleReport(model: DocumentModel, templates: Templates): { body: ReportBody; provenance: Record<string, CellProvenance> } {
  const { blocks } = model;
  const warnings: string[] = [...model.warnings];
  const provenance: Record<string, CellProvenance> = {};
  // A 2008–2018 report without the modern tables has its own outline (spec/legacy-reports.md).
  const legacy = assembleLegacy(model, templates);
  if (legacy) return { body: legacy, provenance };

  // Sections first over the whole document, then the body's end: furniture or the signature after the last heading.
  const located = locateSections(blocks, templates.sections, blocks.length);
  const lastAt = located.length ? located[located.length - 1]!.at : -1;
  const furniture = furnitureStart(blocks, lastAt + 1, blocks.length, templates.furniture);
  const signature = findSignature(blocks, lastAt + 1, furniture);
  const bodyEnd = signature?.start ?? furniture;
  if (located.length) located[located.length - 1]!.end = bodyEnd;

  const firstAt = located.length ? located[0]!.at : Math.min(blocks.length, 12);
  const title = findTitle(blocks, firstAt, model.metadata.title);
  const byKey = new Map(located.map((s) => [s.key, s]));
  const overviewText = byKey.get('overview') && sectionText(blocks, byKey.get('overview')!);
  // No date under the signature: a web page's 发布日期 line or metadata table, above the title or below the body.
  const publishedAt = signature?.date ?? findPageDate(blocks, 0, firstAt) ?? findPageDate(blocks, bodyEnd, blocks.length);
  const year = findYear(title?.text, overviewText, publishedAt);

  const isReport = located.length >= 3 || (located.length >= 1 && !!title && REPORT_TITLE.test(canonical(title.text)));
  if (!isReport) {
    return {
      body: failedBody('not a government information disclosure annual report (政府信息公开工作年度报告): its section headings were not found'),
      provenance,
    };
  }

  const s2 = byKey.get('activeDisclosure');
  const choice = chooseEdition(templates, s2 ? tablesIn(blocks, s2) : [], year);
  let complete = located.length === templates.sections.length;
  const sections: Record<string, unknown> = {};
  const count: BlankCount = { cells: 0, blank: 0 };

  for (const def of templates.sections) {
    const s = byKey.get(def.key);
    if (!s) {
      sections[def.key] = null;
      warnings.push(`section ${def.numeral}、${def.labels[0]} (${def.key}) not found`);
      continue;
    }
    if (!def.table) {
      sections[def.key] = { heading: s.heading, text: sectionText(blocks, s) };
      continue;
    }
    const edition = choice.edition ?? latestEdition(templates);
    const template = edition.tables[def.table];
    const tables = tablesIn(blocks, s);
    const text = !tables.length && template ? sectionText(blocks, s) : '';
    const blank = text ? (blankRowFromHeaderText(text, template!) ?? blankTableFromText(text, template!)) : undefined;
    const mapped =
      def.key === 'activeDisclosure' && choice.mapped
        ? choice.mapped
        : (blank ?? (template && mapTables(tables, template, edition.defaultForms[def.table] ?? {})));
    // Without a known edition, a table that matches nothing of the template is not forced onto it.
    if (!template || !mapped || (!choice.edition && mapped.columnsMatched === 0)) {
      sections[def.key] = { heading: s.heading };
      warnings.push(`${def.key}: ${tables.length ? 'the table does not follow a known edition of the template' : 'no table found'} (edition ${choice.id})`);
      complete = false;
      continue;
    }
    if (!tables.length && !blank) warnings.push(`${def.key}: no table found in the section`);
    sections[def.key] = { heading: s.heading, ...mapped.values };
    // A warning about a cell or row starts with its path (`denied.stateSecret: …`): prefix the section.
    warnings.push(...mapped.warnings.map((w) => (/^[\w.]+:/.test(w) ? `${def.key}.${w}` : `${def.key}: ${w}`)));
    for (const [path, p] of Object.entries(mapped.provenance)) provenance[`${def.key}.${path}`] = p;
    countBlankCells(count, mapped.values, mapped.provenance);
    complete &&= mapped.complete;
  }

  const texts = templates.sections.filter((d) => !d.table).map((d) => (sections[d.key] as { text?: string } | null)?.text ?? '');
  const template = blankTemplateReason({ title: title?.text ?? null, signedBy: signature?.agency, year, texts, count });
  if (template) return { body: failedBody(template), provenance: {} };
  if (count.cells > 0 && count.blank === count.cells) warnings.push(ALL_BLANK_WARNING);

  const checks = runChecks(templates.checks, sections);
  const status: Status = complete ? 'complete' : 'partial';
  const agency = signature?.agency ?? (title ? agencyFromTitle(title.text) : undefined);
  if (!title) warnings.push('title not found');
  if (!publishedAt) warnings.push('publication date (under the signature) not found');
  return {
    body: {
      meta: {
        title: title?.text ?? null,
        agency: agency ?? null,
        year,
        publishedAt: publishedAt ?? null,
        edition: choice.id,
      },
      status,
      overview: sections['overview'] as ReportBody['overview'],
      activeDisclosure: sections['activeDisclosure'] as ReportBody['activeDisclosure'],
      applications: sections['applications'] as ReportBody['applications'],
      reviewLitigation: sections['reviewLitigation'] as ReportBody['reviewLitigation'],
      problems: sections['problems'] as ReportBody['problems'],
      otherMatters: sections['otherMatters'] as ReportBody['otherMatters'],
      checks,
      warnings,
    },
    provenance,
  };
}
