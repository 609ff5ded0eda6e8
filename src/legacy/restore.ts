/**
 * Puts printed characters back into strings read from a folded document
 * (fold.ts): a traditional-script report is read in simplified characters,
 * but every output string stays as printed (spec/legacy-reports.md).
 *
 * Folding keeps positions, so a string found in the folded text is replaced
 * by the printed characters at the same place. Strings that a later stage
 * normalised (NFKC, whitespace removed) are found in a text normalised the
 * same way, position for position.
 */
import type { Block, DocumentModel } from '../model/document.js';

export type Restore = (s: string) => string;

function texts(blocks: Block[]): string {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.cells.map((c) => c.text))).join('\n');
}

/** NFKC per character (only where it stays one character) with whitespace removed: the same length for both texts. */
function normalised(folded: string, printed: string): { f: string; p: string } {
  let f = '';
  let p = '';
  for (let i = 0; i < folded.length; i++) {
    const a = folded[i]!;
    const b = printed[i] ?? a;
    if (/\s/.test(a)) continue;
    const na = a.normalize('NFKC');
    const nb = b.normalize('NFKC');
    f += na.length === 1 ? na : a;
    p += nb.length === 1 && na.length === 1 ? nb : b;
  }
  return { f, p };
}

/**
 * A function mapping a string read from `folded` back to the printed
 * characters of `printed` (the same document before folding). Strings not
 * found are returned unchanged.
 */
export function restorer(printed: DocumentModel, folded: DocumentModel): Restore {
  const F = texts(folded.blocks);
  const P = texts(printed.blocks);
  if (F.length !== P.length) return (s) => s;
  let norm: { f: string; p: string } | undefined;
  const one = (s: string): string => {
    if (!s) return s;
    const i = F.indexOf(s);
    if (i >= 0) return P.slice(i, i + s.length);
    norm ??= normalised(F, P);
    const key = s.normalize('NFKC').replace(/\s+/g, '');
    const j = norm.f.indexOf(key);
    return j >= 0 ? norm.p.slice(j, j + key.length) : s;
  };
  return (s: string) => (s.includes('\n') ? s.split('\n').map(one).join('\n') : one(s));
}
