/**
 * The OLE2 compound file around a Word document ([MS-CFB], read with the
 * `cfb` package): the WordDocument stream, the table stream (0Table or
 * 1Table, chosen by the FIB) and the optional Data stream.
 */
import CFB from 'cfb';
import { InputError } from '../../model/document.js';

export interface Container {
  stream(name: string): Uint8Array | undefined;
}

/** Top-level streams of other OLE formats, to say what the file is instead. */
const OTHER_FORMATS: [string, string][] = [
  ['EncryptedPackage', 'encrypted .doc: the file is a password-protected Office document; remove the password and save it again'],
  ['Workbook', 'not a Word document: the file is an Excel workbook (.xls)'],
  ['Book', 'not a Word document: the file is an Excel 5/95 workbook'],
  ['PowerPoint Document', 'not a Word document: the file is a PowerPoint presentation (.ppt)'],
  ['Contents', 'not a Word document: the file is a Works or WPS document in an unsupported format'],
];

export function openContainer(bytes: Uint8Array): Container {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(bytes, { type: 'array' });
  } catch (e) {
    throw new InputError(`not a readable .doc (OLE2 container): ${(e as Error).message}`);
  }
  const root = cfb.FullPaths[0] ?? '';
  const byName = new Map<string, Uint8Array>();
  cfb.FullPaths.forEach((path, i) => {
    const entry = cfb.FileIndex[i];
    // Only top-level streams: an embedded object (ObjectPool/…) has its own WordDocument.
    if (entry && entry.type === 2 && path === root + entry.name && entry.content) {
      const c = entry.content;
      byName.set(entry.name.toLowerCase(), c instanceof Uint8Array ? c : Uint8Array.from(c));
    }
  });
  if (!byName.has('worddocument')) {
    const other = OTHER_FORMATS.find(([name]) => byName.has(name.toLowerCase()));
    throw new InputError(other?.[1] ?? 'not a Word document: the OLE2 file has no WordDocument stream');
  }
  return { stream: (name) => byName.get(name.toLowerCase()) };
}
