/**
 * Builds tiny PDFs in memory for the reader's end-to-end tests: pages with
 * Chinese text in a non-embedded Adobe-GB1 font (STSong-Light,
 * UniGB-UCS2-H — needs pdfjs's cMaps, like many official documents),
 * optional ruling lines, and optional RC4 encryption (standard security
 * handler, revision 2).
 */

import { createHash } from 'node:crypto';

export interface MiniText {
  text: string;
  x: number;
  /** Baseline, from the page's bottom (PDF user space). */
  y: number;
  size?: number;
  /** Fake bold: fill and stroke the glyphs (render mode 2), as LibreOffice does. */
  bold?: boolean;
}

export interface MiniPage {
  texts?: MiniText[];
  /** Extra raw content-stream operators (lines, rectangles). */
  raw?: string;
}

export interface MiniOptions {
  title?: string;
  userPassword?: string;
}

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const FILE_ID = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');

function ucs2Hex(text: string): string {
  return [...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
}

function contentOf(page: MiniPage): string {
  const texts = (page.texts ?? []).map((t) => `BT ${t.bold ? 2 : 0} Tr /F1 ${t.size ?? 12} Tf ${t.x} ${t.y} Td <${ucs2Hex(t.text)}> Tj ET`);
  return [...texts, page.raw ?? ''].join('\n');
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = [...Array(256).keys()];
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

function md5(...parts: Buffer[]): Buffer {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
}

function padded(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
}

interface Security {
  key: Buffer;
  dict: string;
}

/** Standard security handler R2 (40-bit RC4), owner password = user password. */
function security(userPassword: string): Security {
  const p = -44;
  const o = rc4(md5(padded(userPassword)).subarray(0, 5), padded(userPassword));
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(p);
  const key = md5(padded(userPassword), o, pBytes, FILE_ID).subarray(0, 5);
  const u = rc4(key, PAD);
  return { key, dict: `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${p} >>` };
}

function objectKey(sec: Security, num: number): Buffer {
  const suffix = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
  return md5(sec.key, suffix).subarray(0, 10);
}

export function miniPdf(pages: MiniPage[], options: MiniOptions = {}): Uint8Array {
  const sec = options.userPassword !== undefined ? security(options.userPassword) : null;
  const objects: Array<(num: number) => Buffer> = [];
  const add = (make: (num: number) => Buffer) => objects.push(make) - 1 + 1;
  const plain = (s: string) => () => Buffer.from(s, 'latin1');
  const stream = (data: string) => (num: number) => {
    let body: Buffer = Buffer.from(data, 'latin1');
    if (sec) body = rc4(objectKey(sec, num), body);
    return Buffer.concat([Buffer.from(`<< /Length ${body.length} >>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream', 'latin1')]);
  };
  const string = (num: number, s: string) => {
    const bytes = Buffer.from(`\ufeff${s}`, 'utf16le').swap16();
    return `<${(sec ? rc4(objectKey(sec, num), bytes) : bytes).toString('hex')}>`;
  };
  const catalog = add(plain('<< /Type /Catalog /Pages 2 0 R >>'));
  const pagesObj = add(plain('')); // filled below
  const font = add(plain('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>'));
  add(plain('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>'));
  add(plain('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>'));
  const kids: number[] = [];
  for (const page of pages) {
    const content = add(stream(contentOf(page)));
    kids.push(add(plain(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`)));
  }
  objects[pagesObj - 1] = plain(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  const info = options.title !== undefined ? add((num) => Buffer.from(`<< /Title ${string(num, options.title!)} >>`, 'latin1')) : 0;
  const encrypt = sec ? add(plain(sec.dict)) : 0;

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((make, k) => {
    offsets.push(length);
    const body = Buffer.concat([Buffer.from(`${k + 1} 0 obj\n`, 'latin1'), make(k + 1), Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(body);
    length += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R` : ''} /ID [<${FILE_ID.toString('hex')}> <${FILE_ID.toString('hex')}>] >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + trailer, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
