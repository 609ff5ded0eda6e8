/**
 * Reader for Word 97–2003 documents (.doc, [MS-DOC] binary format in an
 * OLE2 compound file). Reads the FIB, the piece table, paragraph and
 * character properties, styles, list numbering and table rows, and builds
 * the document model directly (no conversion through HTML).
 */
import { InputError, type DocumentModel } from '../../model/document.js';
import { Bytes, CorruptDoc } from './bytes.js';
import { openContainer, type Container } from './container.js';
import { readFib } from './fib.js';
import { readChpxRuns, readPapxRuns } from './fkp.js';
import { NumberingRenderer, readNumbering } from './lists.js';
import { readPieces } from './pieces.js';
import { readStyles } from './styles.js';
import { toBlocks } from './structure.js';
import { summaryTitle } from './summary.js';
import { readParagraphs } from './text.js';

/** sprmPHugePapx → PrcData in the Data stream: a 2-byte size, then the grpprl. */
function hugePapx(data: Uint8Array | undefined): (offset: number) => Uint8Array | undefined {
  if (!data) return () => undefined;
  const bytes = new Bytes(data, 'Data');
  return (offset) => {
    if (offset + 2 > bytes.length) return undefined;
    const cb = bytes.u16(offset);
    return offset + 2 + cb <= bytes.length ? bytes.data.subarray(offset + 2, offset + 2 + cb) : undefined;
  };
}

function parse(container: Container): DocumentModel {
  const word = new Bytes(container.stream('WordDocument')!, 'WordDocument');
  const fib = readFib(word);
  const tableData = container.stream(fib.tableStream);
  if (!tableData) throw new CorruptDoc(`the ${fib.tableStream} stream named by the FIB is missing`);
  const table = new Bytes(tableData, fib.tableStream);
  const warnings: string[] = [];

  const pieces = readPieces(table, fib.clx, word);
  const raw = readParagraphs({
    word,
    pieces,
    ccpText: fib.ccpText,
    papx: readPapxRuns(word, table, fib.plcfBtePapx),
    chpx: readChpxRuns(word, table, fib.plcfBteChpx),
    styles: readStyles(table, fib.stshf),
    huge: hugePapx(container.stream('Data')),
  });
  const numbering = new NumberingRenderer(readNumbering(table, fib.plfLst, fib.plfLfo, warnings));
  const blocks = toBlocks(raw, numbering, warnings);
  const title = summaryTitle(container.stream('\x05SummaryInformation'));
  return { format: 'doc', pageCount: null, metadata: title ? { title } : {}, blocks, warnings };
}

export async function readDoc(bytes: Uint8Array): Promise<DocumentModel> {
  const container = openContainer(bytes);
  try {
    return parse(container);
  } catch (e) {
    if (e instanceof CorruptDoc || e instanceof RangeError) throw new InputError(`corrupt .doc: ${e.message}`);
    throw e;
  }
}
