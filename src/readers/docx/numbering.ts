/**
 * Word's automatic numbering, rendered as text. mammoth drops it, but reports
 * often number their section headings (一、总体情况) this way, and the
 * locator needs the numeral.
 */

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_LEGAL = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const TIANGAN = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五 (the 中文 counting Word uses). */
export function chineseCounting(n: number, digits: string[] = CN): string {
  if (n <= 0 || n >= 10000) return String(n);
  const ten = digits === CN ? '十' : '拾';
  const hundred = digits === CN ? '百' : '佰';
  const thousand = digits === CN ? '千' : '仟';
  const parts: string[] = [];
  const units: [number, string][] = [[1000, thousand], [100, hundred], [10, ten], [1, '']];
  let zero = false;
  for (const [u, name] of units) {
    const d = Math.floor(n / u) % 10;
    if (d === 0) {
      if (parts.length) zero = true;
      continue;
    }
    if (zero) parts.push(digits[0]!);
    zero = false;
    // 十二, not 一十二, when the number starts with the tens.
    parts.push(u === 10 && d === 1 && !parts.length ? name : digits[d]! + name);
  }
  return parts.join('');
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: 27 → AA.
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter value in one of Word's `w:numFmt` formats. */
export function formatCounter(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseCounting(n, CN_LEGAL);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}
