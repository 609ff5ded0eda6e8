/**
 * The document title from the \x05SummaryInformation property set
 * ([MS-OLEPS] PropertySetStream; PIDSI_TITLE = 2, PIDSI_CODEPAGE = 1), the
 * .doc counterpart of DOCX core properties. Best effort: any problem means
 * no title.
 */
import { Bytes } from './bytes.js';

const PID_CODEPAGE = 1;
const PID_TITLE = 2;
const VT_LPSTR = 0x1e;
const VT_LPWSTR = 0x1f;
const MAX_TITLE = 1000;

function decoder(codepage: number): TextDecoder {
  const label = codepage === 65001 ? 'utf-8' : codepage === 1200 ? 'utf-16le' : `windows-${codepage}`;
  const named: Record<number, string> = { 936: 'gbk', 950: 'big5', 54936: 'gb18030', 932: 'shift_jis', 949: 'euc-kr' };
  try {
    return new TextDecoder(named[codepage] ?? label);
  } catch {
    return new TextDecoder('windows-1252');
  }
}

function readTitle(s: Bytes): string | undefined {
  // PropertySetStream header (28 bytes), then FMTID (16) + offset of the first section.
  const section = s.u32(28 + 16);
  const count = s.u32(section + 4);
  let codepage = 1252;
  let titleAt: number | undefined;
  for (let i = 0; i < Math.min(count, 1000); i++) {
    const id = s.u32(section + 8 + i * 8);
    const at = section + s.u32(section + 12 + i * 8);
    if (id === PID_CODEPAGE && s.u16(at) === 2) codepage = s.u16(at + 4);
    if (id === PID_TITLE) titleAt = at;
  }
  if (titleAt === undefined) return undefined;
  const type = s.u16(titleAt);
  const size = Math.min(s.u32(titleAt + 4), MAX_TITLE);
  if (type === VT_LPSTR) return decoder(codepage).decode(s.slice(titleAt + 8, size, 'the title').data);
  if (type === VT_LPWSTR) return new TextDecoder('utf-16le').decode(s.slice(titleAt + 8, size * 2, 'the title').data);
  return undefined;
}

export function summaryTitle(stream: Uint8Array | undefined): string | undefined {
  if (!stream) return undefined;
  try {
    const title = readTitle(new Bytes(stream, 'SummaryInformation'))?.replace(/\0+$/, '').trim();
    return title || undefined;
  } catch {
    return undefined;
  }
}
