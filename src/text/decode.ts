/**
 * Bytes → text for web pages and text dumps. Chinese government pages are
 * often GBK/GB2312/GB18030: those labels all decode as GB18030 (a superset).
 * Without a declared charset, UTF-8 is tried and GB18030 is the fallback.
 */

const GB_LABELS = new Set(['gb2312', 'gbk', 'x-gbk', 'gb18030', 'cp936', 'euc-cn', 'csgb2312', 'chinese', 'iso-ir-58']);

/** The charset given by a byte-order mark, if any. */
export function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function decodeText(bytes: Uint8Array, declared?: string): string {
  let label = bomCharset(bytes) ?? declared?.toLowerCase();
  if (label && GB_LABELS.has(label)) label = 'gb18030';
  if (label) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: fall through to detection.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
