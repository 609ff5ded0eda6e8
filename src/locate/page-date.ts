/**
 * The publication date printed by a web page (issue 7, kind 7). A report
 * saved from a government website often has no date under its signature,
 * only the page's own line above the title (`发布日期：2020-01-31`,
 * `发布时间：…`, `日期：…`) or its metadata table (`发文日期`, `成文日期`,
 * `生成日期`). Only a date that follows such a label is taken — never an
 * unlabelled date, so the reporting period (`自2022年1月1日起至…`) is never
 * read as one. 成文/发文/发布 dates are preferred over 生成/更新 dates.
 */
import type { Block } from '../model/document.js';
import { parseDate } from './meta.js';

/** Labels in order of preference (lower rank wins). */
const LABELS: ReadonlyArray<[RegExp, number]> = [
  [/成文日期|成文时间/u, 0],
  [/发文日期|发文时间/u, 1],
  [/发布日期|发布时间|公开日期|公开时间|印发日期/u, 2],
  [/(?<![生更修])日期|(?<![生更修])时间/u, 3],
  [/生成日期|生成时间|更新日期|更新时间|修改日期|修改时间/u, 4],
];

/** A label followed (after `：`, `:` or spaces) by the date it names. */
const LABELLED = /([\u4e00-\u9fff]{0,4}(?:日期|时间))[】\]]?\s*[：:]?\s*([0-9０-９〇零一二三四五六七八九十]{4}\s*(?:年|[-./])[^：:]{0,20})/gu;

/** Labels of the reporting period or a deadline, never the publication date. */
const PERIOD = /统计|期限|截止|截至|起止|报告期|有效/u;

function rankOf(label: string): number | undefined {
  if (PERIOD.test(label)) return undefined;
  for (const [re, rank] of LABELS) if (re.test(label)) return rank;
  return undefined;
}

interface Found {
  date: string;
  rank: number;
}

function fromText(text: string, out: Found[]): void {
  for (const m of text.normalize('NFKC').matchAll(LABELLED)) {
    const rank = rankOf(m[1]!);
    const date = parseDate(m[2]!);
    if (rank !== undefined && date) out.push({ date, rank });
  }
}

/**
 * The best labelled date in `blocks[from, end)`: paragraphs, and table rows
 * whose label and date share a cell or sit in neighbouring cells. ISO date,
 * or undefined.
 */
export function findPageDate(blocks: readonly Block[], from: number, end: number): string | undefined {
  const found: Found[] = [];
  for (let i = Math.max(0, from); i < end && i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'paragraph') {
      if (b.text.length <= 200) fromText(b.text, found);
    } else if (b.kind === 'table') {
      const rows = new Map<number, { col: number; text: string }[]>();
      for (const c of b.cells) {
        const row = rows.get(c.row) ?? [];
        row.push({ col: c.col, text: c.text });
        rows.set(c.row, row);
      }
      for (const row of rows.values()) {
        row.sort((x, y) => x.col - y.col);
        for (let k = 0; k < row.length; k++) fromText(`${row[k]!.text}${/[：:]\s*$|(日期|时间)$/u.test(row[k]!.text.trim()) && row[k + 1] ? row[k + 1]!.text : ''}`, found);
      }
    }
  }
  found.sort((a, b) => a.rank - b.rank);
  return found[0]?.date;
}
