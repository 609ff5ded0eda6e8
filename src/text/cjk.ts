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
 * Radical code points that CJK fonts draw with the same glyph as an
 * ordinary character, where NFKC gives another character or none. A PDF's
 * ToUnicode map may name the radical for such a glyph (Chromium/Skia picks
 * the lowest code point: 人民 comes out as 人⺠, 门户 as 门⼾, whose NFKC is
 * the traditional 戶). Derived from the cmaps of Noto Sans/Serif CJK SC.
 */
const RADICAL_FORMS: Record<string, string> = {
  '\u2E82': '乛', '\u2E83': '乚', '\u2E85': '亻', '\u2E89': '刂', '\u2E8F': '尣', '\u2E90': '尢',
  '\u2E92': '巳', '\u2E93': '幺', '\u2E94': '彑', '\u2E95': '彐', '\u2E96': '忄', '\u2E98': '扌',
  '\u2E99': '攵', '\u2E9B': '旡', '\u2E9E': '歺', '\u2EA0': '民', '\u2EA1': '氵', '\u2EA3': '灬',
  '\u2EA4': '爫', '\u2EA6': '丬', '\u2EA8': '犭', '\u2EAB': '罒', '\u2EAD': '礻', '\u2EAF': '糹',
  '\u2EB0': '纟', '\u2EB1': '罓', '\u2EB9': '耂', '\u2EBA': '肀', '\u2EBE': '艹', '\u2EC1': '虎',
  '\u2EC2': '衤', '\u2EC3': '覀', '\u2EC5': '见', '\u2EC6': '角', '\u2EC8': '讠', '\u2EC9': '贝',
  '\u2ECB': '车', '\u2ECC': '辶', '\u2ED0': '钅', '\u2ED1': '長', '\u2ED2': '镸', '\u2ED3': '长',
  '\u2ED4': '门', '\u2ED6': '阝', '\u2ED8': '青', '\u2ED9': '韦', '\u2EDA': '页', '\u2EDB': '风',
  '\u2EDC': '飞', '\u2EDD': '食', '\u2EDF': '飠', '\u2EE0': '饣', '\u2EE2': '马', '\u2EE3': '骨',
  '\u2EE4': '鬼', '\u2EE5': '鱼', '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄',
  '\u2EEA': '黾', '\u2EEB': '斉', '\u2EEC': '齐', '\u2EEE': '齿', '\u2EEF': '竜', '\u2EF0': '龙',
  '\u2EF1': '龜', '\u2EF2': '亀', '\u2F3E': '户',
};

/**
 * Folds Kangxi radicals (U+2F00–U+2FDF), CJK radical supplement forms and
 * CJK compatibility ideographs into the ordinary ideographs. NFKC is applied
 * to these characters only: on the whole text it would also turn full-width
 * punctuation such as `（：` into ASCII. Some PDF fonts map 一/人/日/民 … to
 * the radical code points, which look identical but do not match.
 */
export function foldRadicals(text: string): string {
  return text.replace(/[\u2E80-\u2FDF\uF900-\uFAFF]/g, (ch) => RADICAL_FORMS[ch] ?? ch.normalize('NFKC'));
}
