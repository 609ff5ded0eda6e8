/**
 * Document model → legacy report (spec/legacy-reports.md): decides whether a
 * document is a 2008–2018 report without the modern tables, and when it is,
 * locates its top-level sections, reads the attached statistics table and
 * the figures stated in the text, runs the checks (extractors/checks.json)
 * and derives meta and status. Traditional-script documents are read folded
 * to simplified characters; every output string is restored as printed.
 */
import type { Block, DocumentModel, Paragraph, Table } from '../model/document.js';
import { runChecks } from '../checks/evaluate.js';
import { agencyFromTitle, findSignature, findTitle, findYear, type Signature, type Title } from '../locate/meta.js';
import { canonical } from '../text/labels.js';
import { setPath } from '../template/map-table.js';
import { readHeaders } from '../template/read-rows.js';
import type { Templates } from '../template/load.js';
import type { Report } from '../report/types.js';
import { foldModel, isTraditional } from './fold.js';
import { findFigures, type Figure, type TextParagraph } from './figures.js';
import { loadLegacyTemplates, type LegacyTemplates } from './load.js';
import { restorer, type Restore } from './restore.js';
import { legacySectionText, nameHeadings, topLevelHeadings, type LegacyHeading } from './sections.js';
import { findStatistics } from './statistics.js';
import type { LegacySection } from './types.js';

/** A title that names an annual report (folded to simplified characters). */
const REPORT_TITLE = /报告|年报/;

/** A modern table has at least this many of its template's columns recognised. */
const MODERN_COLUMNS = 2;

/** Does any table of the document follow a 2019/2021 template (then the report is not legacy)? */
function hasModernTable(blocks: Block[], templates: Templates): boolean {
  const tables = blocks.filter((b): b is Table => b.kind === 'table');
  if (!tables.length) return false;
  return templates.editions.some((e) =>
    Object.values(e.tables).some((t) => tables.some((table) => readHeaders([table], t).columnsMatched >= MODERN_COLUMNS)),
  );
}

/** Index of the first block of web-page or print furniture after `from`, else `end` (extractors/sections.json `furniture`). */
function furnitureAt(blocks: Block[], from: number, furniture: string[]): number {
  for (let i = from; i < blocks.length; i++) {
    const b = blocks[i]!;
    const t = b.kind === 'paragraph' ? canonical(b.text) : '';
    if (t && t.length < 60 && furniture.some((f) => t.includes(canonical(f)))) return i;
  }
  return blocks.length;
}

/** Size, then bold, then centring: how much a paragraph looks like a title. */
function prominence(b: Block | undefined): number {
  if (b?.kind !== 'paragraph') return 0;
  const s = (b as Paragraph).style;
  return (s.fontSize ?? 0) * 10 + (s.bold ? 2 : 0) + (s.align === 'center' ? 1 : 0);
}

/**
 * The title among the report titles printed before the first heading: the
 * most prominent (a web page or the attached table may print a shorter
 * title of the same report above it).
 */
function legacyTitle(blocks: Block[], end: number, metadataTitle: string | undefined): Title | undefined {
  const found: Title[] = [];
  for (let k = 0; k < end; ) {
    const t = findTitle(blocks.slice(k), end - k);
    if (!t || !t.blocks.length) break;
    const at = t.blocks.map((i) => i + k);
    found.push({ text: t.text, blocks: at });
    k = at[at.length - 1]! + 1;
  }
  if (!found.length) return findTitle(blocks, 0, metadataTitle);
  const score = (t: Title) => Math.max(...t.blocks.map((i) => prominence(blocks[i])));
  return found.reduce((a, b) => (score(b) > score(a) ? b : a));
}

/** The reporting year: the title's, else the statistics-period sentence's (统计期限自2015年1月1日起至2015年12月31日止), else the overview's. */
function legacyYear(title: string | undefined, blocks: Block[], period: RegExp, overview: string | undefined): number | null {
  const fromTitle = title ? findYear(title, undefined, undefined) : null;
  if (fromTitle !== null) return fromTitle;
  for (const b of blocks) {
    const m = b.kind === 'paragraph' ? period.exec(canonical(b.text)) : null;
    if (m) return Number(m[1]);
  }
  return findYear(undefined, overview, undefined);
}

interface Located {
  heads: LegacyHeading[];
  /** Each heading's body: [start, end). */
  spans: [number, number][];
}

function locate(blocks: Block[], legacy: LegacyTemplates, furniture: string[]): (Located & { signature: Signature | undefined }) | undefined {
  const candidates = topLevelHeadings(blocks, 0, blocks.length, legacy.outline);
  if (!candidates.length) return undefined;
  const heads = nameHeadings(candidates, legacy.outline);
  const lastAt = heads[heads.length - 1]!.at;
  const end = furnitureAt(blocks, lastAt + 1, furniture);
  const signature = findSignature(blocks, lastAt + 1, end);
  const bodyEnd = signature?.start ?? end;
  const spans = heads.map((h, n): [number, number] => [h.at + 1, n + 1 < heads.length ? heads[n + 1]!.at : bodyEnd]);
  return { heads, spans, signature };
}

/** The text paragraphs of every section, folded and printed, for the figures. */
function textParagraphs(folded: Block[], printed: Block[], loc: Located, skip: Set<number>): TextParagraph[] {
  const out: TextParagraph[] = [];
  loc.heads.forEach((h, n) => {
    const [start, end] = loc.spans[n]!;
    for (let i = start; i < end; i++) {
      const f = folded[i]!;
      const p = printed[i]!;
      if (f.kind === 'paragraph' && p.kind === 'paragraph' && !skip.has(i)) out.push({ section: h.key, folded: f.text, printed: p.text });
    }
  });
  return out;
}

/** Text figures for the checks: the first figure of each key, when it is not qualified, nested by key. */
function firstFigures(figures: Figure[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const f of figures) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    if (f.qualifier === null) setPath(out, f.key, f.value);
  }
  return out;
}

/**
 * The legacy report of `model`, or undefined when it is not one: a reporting
 * year outside 2008–2018 (or none, with modern headings), or a table of the
 * 2019/2021 templates.
 */
export function assembleLegacy(model: DocumentModel, templates: Templates): Omit<Report, 'schemaVersion' | 'source'> | undefined {
  const legacy = loadLegacyTemplates(templates.dir);
  if (!legacy) return undefined;
  const traditional = isTraditional(model);
  const m = traditional ? foldModel(model) : model;
  const restore: Restore = traditional ? restorer(model, m) : (s) => s;
  const blocks = m.blocks;
  const loc = locate(blocks, legacy, templates.furniture);
  if (!loc) return undefined;
  const { heads, spans } = loc;
  const firstAt = heads[0]!.at;
  const title = legacyTitle(blocks, firstAt, m.metadata.title);
  const overviewAt = heads.findIndex((h) => h.key === 'overview');
  const overviewText = overviewAt >= 0 ? legacySectionText(blocks, ...spans[overviewAt]!, new Set()) : undefined;
  const year = legacyYear(title?.text, blocks.slice(0, firstAt + 1), new RegExp(legacy.statistics.periodSentence), overviewText);
  const { from, to } = legacy.outline.years;
  const six = new Set(legacy.outline.sections.map((s) => s.key));
  // A report: a title naming one, or three of the six sections (a notice numbered 一、会议时间 … is neither).
  const isReport = (!!title && REPORT_TITLE.test(canonical(title.text))) || heads.filter((h) => six.has(h.key)).length >= 3;
  const legacyWording = heads.some((h) => !six.has(h.key) && h.key !== legacy.outline.otherKey);
  if (!isReport || (year !== null ? year < from || year > to : !legacyWording)) return undefined;
  if (hasModernTable(blocks, templates)) return undefined;

  const warnings: string[] = [...model.warnings];
  const stats = findStatistics(blocks, title ? Math.max(...title.blocks, 0) + 1 : 0, legacy);
  const skip = stats?.blocks ?? new Set<number>();
  const sections: Record<string, { heading: string; text: string } | null> = {};
  for (const def of legacy.outline.sections) sections[def.key] = null;
  const extra: LegacySection[] = [];
  heads.forEach((h, n) => {
    const entry = { heading: restore(h.heading), text: restore(legacySectionText(blocks, ...spans[n]!, skip)) };
    if (six.has(h.key) && sections[h.key] === null) {
      sections[h.key] = entry;
      for (const k of h.merged) warnings.push(`${k}: merged into the heading of ${h.key} (${entry.heading})`);
    } else {
      extra.push({ key: h.key, ...entry });
      if (h.key === legacy.outline.otherKey) warnings.push(`legacy.sections: heading ${entry.heading} has no key (other)`);
    }
  });
  for (const def of legacy.outline.sections) {
    if (sections[def.key] === null && !heads.some((h) => h.merged.includes(def.key))) warnings.push(`section ${def.labels[0]} (${def.key}) not found`);
  }

  const figures = findFigures(textParagraphs(blocks, model.blocks, loc, skip), legacy.figures);
  const statistics = stats ? { ...stats.statistics, heading: stats.statistics.heading && restore(stats.statistics.heading) } : null;
  if (statistics) {
    statistics.rows = statistics.rows.map((r) => ({ ...r, label: restore(r.label), unit: r.unit && restore(r.unit) }));
    warnings.push(...(stats?.warnings ?? []));
  }
  const checks = runChecks(templates.checks, { legacy: { statistics: { values: statistics?.values ?? {} }, textFigures: firstFigures(figures) } });

  const signature = loc.signature;
  const agency = signature?.agency ?? (title ? agencyFromTitle(title.text) : undefined);
  if (!title) warnings.push('title not found');
  if (!signature?.date) warnings.push('publication date (under the signature) not found');
  const complete = (sections['overview'] ?? sections['activeDisclosure']) != null && !(statistics?.rows.some((r) => r.value === null) ?? false);
  return {
    meta: {
      title: title ? restore(title.text) : null,
      agency: agency ? restore(agency) : null,
      year,
      publishedAt: signature?.date ?? null,
      edition: 'legacy',
    },
    status: complete ? 'complete' : 'partial',
    overview: sections['overview'] ?? null,
    activeDisclosure: sections['activeDisclosure'] ?? null,
    applications: sections['applications'] ?? null,
    reviewLitigation: sections['reviewLitigation'] ?? null,
    problems: sections['problems'] ?? null,
    otherMatters: sections['otherMatters'] ?? null,
    legacy: { sections: extra, statistics, figures },
    checks,
    warnings,
  };
}
