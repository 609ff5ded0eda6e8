/**
 * Reader for web pages: a report saved from a government website.
 * Many such pages are GBK/GB2312/GB18030-encoded: the charset is taken from a
 * byte-order mark or the page's <meta> (see text/decode.ts).
 */
import { load } from 'cheerio';
import type { DocumentModel } from '../../model/document.js';
import { decodeText } from '../../text/decode.js';
import { domToBlocks, titleOf } from './dom-to-model.js';

/** The charset a page declares in a <meta> within its first 4 KiB, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(4096, bytes.byteLength)).toString('latin1');
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

/** HTML markup (already decoded) → document model. Also used for the HTML mammoth makes of a DOCX. */
export function htmlToModel(html: string, format: DocumentModel['format']): DocumentModel {
  const $ = load(html);
  const root = $.root()[0]!.children;
  const title = titleOf(root);
  return {
    format,
    pageCount: null,
    metadata: title ? { title } : {},
    blocks: domToBlocks(root),
    warnings: [],
  };
}

export async function readHtml(bytes: Uint8Array): Promise<DocumentModel> {
  return htmlToModel(decodeText(bytes, declaredCharset(bytes)), 'html');
}
