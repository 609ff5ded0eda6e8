/**
 * Recognises a file's format from a few of its bytes, without reading all of
 * it: the head (magic numbers, `%PDF-`, HTML tags) and, for zip files, the
 * tail (the central directory names `word/document.xml`). Used to find the
 * documents in a folder whatever their names (`.jsp`, `.do`, no extension).
 */
import { open } from 'node:fs/promises';
import { detectFormat, type FormatEntry } from './registry.js';

const HEAD = 8 * 1024;
const TAIL = 64 * 1024;

/** The format the file's bytes show (its name is used only for formats without magic, such as text); undefined when none or unreadable. */
export async function sniffFile(path: string, name: string): Promise<FormatEntry | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (!size) return undefined;
    const head = Buffer.alloc(Math.min(HEAD, size));
    await handle.read(head, 0, head.length, 0);
    let bytes: Uint8Array = head;
    if (head[0] === 0x50 && head[1] === 0x4b && size > HEAD) {
      const tail = Buffer.alloc(Math.min(TAIL, size - HEAD));
      await handle.read(tail, 0, tail.length, size - tail.length);
      bytes = Buffer.concat([head, tail]);
    }
    return detectFormat(bytes, name);
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}
