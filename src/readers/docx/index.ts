/**
 * Reader for Word documents (.docx): mammoth → HTML → the HTML reader's
 * model builder, after repairing in word/document.xml what mammoth loses
 * (automatic numbering, gridBefore/gridAfter; see prepare.ts).
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { InputError, type DocumentModel } from '../../model/document.js';
import { htmlToModel } from '../html/index.js';
import { prepareDocumentXml } from './prepare.js';
import { guardZip } from './zip-guard.js';

/** Custom heading styles reports use, so their paragraphs stay headings (h1…) rather than plain text. */
const STYLE_MAP = [
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='Title'] => h1:fresh",
];

async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new InputError(`not a readable DOCX (zip): ${(e as Error).message}`);
  }
}

async function text(zip: JSZip, name: string): Promise<string | undefined> {
  return zip.file(name)?.async('string');
}

export async function readDocx(bytes: Uint8Array): Promise<DocumentModel> {
  guardZip(bytes);
  const zip = await openZip(bytes);
  const documentXml = await text(zip, 'word/document.xml');
  if (documentXml === undefined) throw new InputError('not a Word document: the file has no word/document.xml');

  const repaired = prepareDocumentXml(documentXml, await text(zip, 'word/numbering.xml'), await text(zip, 'word/styles.xml'));
  let input: { buffer: Buffer };
  if (repaired) {
    zip.file('word/document.xml', repaired);
    input = { buffer: await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }) };
  } else {
    input = { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  }

  let html: string;
  try {
    // Images are not needed: leave them compressed rather than inflate them into data URIs.
    const convertImage = mammoth.images.imgElement(async () => ({ src: '' }));
    html = (await mammoth.convertToHtml(input, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true, convertImage })).value;
  } catch (e) {
    throw new InputError(`cannot convert the DOCX: ${(e as Error).message}`);
  }
  const model = htmlToModel(html, 'docx');
  const title = coreTitle(await text(zip, 'docProps/core.xml'));
  model.metadata = title ? { title } : {};
  return model;
}

function coreTitle(xml: string | undefined): string | undefined {
  const m = xml && /<dc:title>([^<]*)<\/dc:title>/.exec(xml);
  return m ? m[1]!.trim() || undefined : undefined;
}
