/**
 * Word 97–2003 documents (.doc, OLE2 compound files). Not read yet: the
 * output is `failed` with a warning that says so, rather than a guess.
 */
import { InputError, type DocumentModel } from '../../model/document.js';

export async function readDoc(): Promise<DocumentModel> {
  throw new InputError('Word 97–2003 .doc files are not supported yet: save the file as .docx or PDF');
}
