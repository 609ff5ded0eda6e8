/** The template's printed labels, normalised for comparison with what a page shows. */

import type { TableHints } from '../types.js';

export interface HintIndex {
  rows: Set<string>;
  columns: Set<string>;
}

/** Width, spacing and quote variants do not matter: `(三)不予公开` = `（三）不予公开`. */
export function normLabel(text: string): string {
  return text.normalize('NFKC').replace(/[\s"'“”‘’「」]/g, '');
}

export function indexHints(hints?: TableHints): HintIndex {
  return {
    rows: new Set((hints?.rowLabels ?? []).map(normLabel).filter(Boolean)),
    columns: new Set((hints?.columnLabels ?? []).map(normLabel).filter(Boolean)),
  };
}

export function isRowLabel(index: HintIndex, text: string): boolean {
  return index.rows.has(normLabel(text));
}

/** A piece of a printed label: equal to one, or the start of one. */
export function startsRowLabel(index: HintIndex, text: string): boolean {
  const t = normLabel(text);
  if (!t) return false;
  for (const label of index.rows) if (label.startsWith(t) || t.startsWith(label)) return true;
  return false;
}

export type HintMatch = 'exact' | 'prefix' | null;

/** Is the text one of the labels, or the beginning of one (more wrapped lines to come)? */
export function matchLabel(labels: ReadonlySet<string>, text: string): HintMatch {
  const t = normLabel(text);
  if (!t) return null;
  if (labels.has(t)) return 'exact';
  for (const label of labels) if (label.startsWith(t)) return 'prefix';
  return null;
}
