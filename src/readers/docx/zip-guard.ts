/**
 * Refuses a zip bomb before anything is inflated: reads the sizes each entry
 * declares in the zip's central directory. (A zip that lies about its sizes
 * is still stopped by the worker's heap limit in bulk runs.)
 */
import { InputError } from '../../model/document.js';

/** The largest a part that gongkai inflates (word/*.xml, rels, properties) may declare. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** The largest a whole document may declare, images included. */
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export interface ZipEntrySize {
  name: string;
  uncompressed: number;
}

/** The central directory's entries with their declared uncompressed sizes; undefined if there is no readable directory. */
export function zipEntrySizes(bytes: Uint8Array): ZipEntrySize[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: ZipEntrySize[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== CENTRAL) return entries;
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, Math.min(nameLength, bytes.byteLength - p - 46)).toString('utf8');
    if (size === 0xffffffff) size = zip64Size(view, p + 46 + nameLength, extraLength) ?? Number.MAX_SAFE_INTEGER;
    entries.push({ name, uncompressed: size });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed size from a ZIP64 extra field (id 0x0001). */
function zip64Size(view: DataView, at: number, length: number): number | undefined {
  for (let q = at; q + 4 <= at + length && q + 4 <= view.byteLength; ) {
    const id = view.getUint16(q, true);
    const size = view.getUint16(q + 2, true);
    if (id === 0x0001 && q + 12 <= view.byteLength) return Number(view.getBigUint64(q + 4, true));
    q += 4 + size;
  }
  return undefined;
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function guardZip(bytes: Uint8Array): void {
  const entries = zipEntrySizes(bytes);
  if (!entries) return; // not a zip we can judge: the zip reader will say what is wrong
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    const inflated = /\.(xml|rels)$/i.test(e.name);
    if (inflated && e.uncompressed > MAX_PART_BYTES) {
      throw new InputError(`refusing a possible zip bomb: ${e.name} would inflate to ${MB(e.uncompressed)} (limit ${MB(MAX_PART_BYTES)})`);
    }
  }
  if (total > MAX_TOTAL_BYTES) throw new InputError(`refusing a possible zip bomb: the parts would inflate to ${MB(total)} (limit ${MB(MAX_TOTAL_BYTES)})`);
}
