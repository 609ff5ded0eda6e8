/**
 * Numbers as legacy reports print them in sentences: digits (full- or
 * half-width, 1,234, 12.5) and Chinese numerals (两起, 十余件, 一百二十三条),
 * optionally scaled by 万 (1.2万条).
 */

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SCALE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** `两` → 2, `十二` → 12, `一百零五` → 105, `三千` → 3000; undefined when not a Chinese numeral. */
export function chineseNumeral(s: string): number | undefined {
  if (!s || !/^[零〇一二两兩三四五六七八九十百千]+$/.test(s)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in DIGIT) {
      digit = DIGIT[ch]!;
      continue;
    }
    const scale = SCALE[ch]!;
    total += (digit ?? 1) * scale;
    digit = undefined;
  }
  return total + (digit ?? 0);
}

/** A number printed in running text: digits with separators and decimals, or a Chinese numeral. */
export const NUMBER_PATTERN = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[零〇一二两兩三四五六七八九十百千]+';

/** The value of a printed number (NFKC already applied to digits): `1,234` → 1234, `两` → 2. */
export function numberValue(raw: string): number | undefined {
  if (/^[\d,.]+$/.test(raw)) {
    const n = Number(raw.replace(/,/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  return chineseNumeral(raw);
}
