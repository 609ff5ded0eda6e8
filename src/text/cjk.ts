/**
 * Spacing rules for Chinese text as it comes out of readers.
 *
 * PDF producers (LibreOffice, WPS, Chromium) put spaces between CJK characters
 * (letter-spacing), and between CJK and Latin/digits (`2021 年`). Chinese has no
 * inter-word spaces, so such spaces are never content.
 */

/** CJK ideographs, CJK punctuation and full-width forms: characters that take no space around them. */
const CJK = /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u201C\u201D\u2018\u2019\u2014\u2026\u00B7]/;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/**
 * Removes whitespace that touches a CJK character on either side
 * (`潘庄镇 2021 年` → `潘庄镇2021年`), keeps it between two Latin words.
 */
export function removeCjkSpaces(text: string): string {
  return text.replace(/[ \t\u00A0\u3000]+/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + space.length];
    if (before === undefined || after === undefined) return '';
    return isCjk(before) || isCjk(after) ? '' : ' ';
  });
}

/**
 * Joins two pieces of text that a layout broke apart (wrapped lines of one
 * paragraph or one table cell): no space when either side is CJK, one space
 * between two Latin words.
 */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1]!;
  const first = b[0]!;
  if (/\s/.test(last) || /\s/.test(first)) return a + b;
  if (isCjk(last) || isCjk(first)) return a + b;
  // Two Latin words wrapped at the line end were separated by a space, but a
  // URL, an e-mail address or a number broken across lines was not.
  const lastToken = /\S*$/.exec(a)![0];
  const brokenToken = /:\/\/|www\.|@|\d$/.test(lastToken);
  return !brokenToken && /[A-Za-z]/.test(last) && /[A-Za-z]/.test(first) ? `${a} ${b}` : a + b;
}

/**
 * Folds Kangxi radicals (U+2F00–U+2FDF), CJK radical supplement forms and
 * CJK compatibility ideographs into the ordinary ideographs (NFKC, applied
 * only to them: NFKC on the whole text would also turn full-width
 * punctuation such as `（：` into ASCII). Some PDF fonts map 一/人/日 … to the
 * radical code points, which look identical but do not match.
 */
export function foldRadicals(text: string): string {
  return text.replace(/[\u2E80-\u2FDF\uF900-\uFAFF]/g, (ch) => ch.normalize('NFKC'));
}
