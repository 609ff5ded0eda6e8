/**
 * Minimal PDFs written by hand for hostile-input tests: a correct header,
 * objects, cross-reference table and trailer around whatever objects a test
 * needs (thousands of pages, absurd nesting); and a PDF's page primitives as
 * JSON, for comparing the text-only pdf.js copy with the original.
 */
import { readPrimitives } from '../../src/readers/pdf/index.js';

export function pdfOf(objects: string[]): Buffer {
  let body = '%PDF-1.7\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A PDF of `n` empty pages (object 1 catalog, 2 page tree, 3… pages). */
export function manyPagesPdf(n: number): Buffer {
  const kids = Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ');
  const pages = Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  return pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, ...pages]);
}

/** A one-page PDF whose page carries an array nested `depth` deep. */
export function deeplyNestedPdf(depth: number): Buffer {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Junk ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
  ]);
}

/** A PDF's page primitives (every page's drawings read) or its error, as JSON, read with the text-only pdf.js copy or (`full`) the original pdf.js. */
export async function primitivesJson(bytes: Uint8Array, full: boolean, password?: string): Promise<string> {
  if (full) process.env.GONGKAI_FULL_PDFJS = '1';
  try {
    const p = await readPrimitives(bytes, password).catch((e: Error) => ({ error: e.message }));
    return JSON.stringify(p);
  } finally {
    delete process.env.GONGKAI_FULL_PDFJS;
  }
}
