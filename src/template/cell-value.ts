/**
 * Turning a printed table cell into a number, per the report schema:
 * blank, `0`, `—`, `-`, `/`, `无` → 0 (reports leave zero cells empty);
 * full-width digits, thousands separators and spaces normalised;
 * `+3` / `-2` / `增3` / `减2` → signed numbers; units such as `251000元` read off.
 */

export interface CellValue {
  /** The number, or null when the text is not a number. */
  value: number | null;
  /** A currency unit printed in the cell (`元`, `万元`), if any. */
  unit?: string;
}

/** Marks that reports print for "nothing" / zero. */
const ZERO_MARKS = new Set(['', '0', '-', '--', '−', '—', '——', '–', '―', '/', '\\', '无', '空', '零', '╱']);
const UNITS = ['万元', '元', '亿元'];
/** Counting words that follow a count (`12件`, `3条`). */
const COUNTERS = /(?:件|条|个|项|次|宗|份|人次|人)$/;

export function parseCellValue(raw: string): CellValue {
  let t = raw.normalize('NFKC').replace(/[\s\u00A0]+/g, '');
  if (ZERO_MARKS.has(t)) return { value: 0 };

  let unit: string | undefined;
  for (const u of UNITS) {
    if (t.endsWith(u)) {
      unit = u;
      t = t.slice(0, -u.length);
      break;
    }
  }
  if (!unit) t = t.replace(COUNTERS, '');

  let sign = 1;
  const signMark = /^(增加|增|减少|减|\+|-|−)/.exec(t);
  if (signMark) {
    sign = /^(减|-|−)/.test(signMark[1]!) ? -1 : 1;
    t = t.slice(signMark[1]!.length);
  }
  // Thousands separators: `1,462`, `1，462`, `1 462` (spaces already gone).
  if (/^\d{1,3}([,，]\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/[,，]/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return unit ? { value: null, unit } : { value: null };
  const value = sign * Number(t);
  return unit ? { value, unit } : { value: value === 0 ? 0 : value };
}

/** True when the text reads as a number or a zero mark: the shape of a data cell. */
export function looksNumeric(raw: string): boolean {
  const t = raw.normalize('NFKC').trim();
  return t !== '' && parseCellValue(t).value !== null;
}

/** A unit printed in a column header, e.g. `采购总金额（单位：万元）` → `万元`. */
export function unitInHeader(header: string): string | undefined {
  const t = header.normalize('NFKC').replace(/\s+/g, '');
  const m = /[(（][^)）]*?(亿元|万元|元)[)）]/.exec(t) ?? /(亿元|万元|元)$/.exec(t);
  return m ? m[1] : undefined;
}
