/** The library as README promises it (issue 10, item 8). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract.js';
import { hasTables, isLegacy, isActiveDisclosure2021 } from '../../src/report/guards.js';
import { SAMPLE_DOCS } from '../helpers/cli.js';

const DOCX = join(SAMPLE_DOCS, 'liuwan-town-2021.docx');

describe('extract()', () => {
  const bytes = readFileSync(DOCX);

  it('accepts a path, a Buffer, a Uint8Array and an ArrayBuffer, with the same result', async () => {
    const fromPath = await extract(DOCX);
    const fromBuffer = await extract(bytes, { fileName: 'liuwan-town-2021.docx' });
    const fromUint8 = await extract(new Uint8Array(bytes), { fileName: 'liuwan-town-2021.docx' });
    const fromArrayBuffer = await extract(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { fileName: 'liuwan-town-2021.docx' });
    expect(fromPath.status).toBe('complete');
    for (const r of [fromBuffer, fromUint8, fromArrayBuffer]) expect(r).toEqual(fromPath);
  });

  it.each([[42], [null], [undefined], [{ path: 'x.pdf' }], [new Blob(['x'])]])('returns a failed report, never throws, for %p', async (input) => {
    const r = await extract(input as unknown as string);
    expect(r.status).toBe('failed');
    expect(r.source.sha256).toBeNull();
    expect(r.warnings[0]).toMatch(/^unsupported input: /);
  });

  it('gives up after timeoutMs with a failed report that keeps the sha256', async () => {
    const r = await extract(bytes, { timeoutMs: 1 });
    expect(r).toMatchObject({ status: 'failed', warnings: ['timed out after 0.001 s'] });
    expect(r.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives up when its signal aborts', async () => {
    const r = await extract(DOCX, { signal: AbortSignal.abort() });
    expect(r).toMatchObject({ status: 'failed', warnings: ['aborted'] });
  });

  it('never names a command-line flag in its warnings', async () => {
    const r = await extract(bytes, { maxBytes: 10 });
    expect(r.warnings[0]).toMatch(/^file too large/);
    expect(r.warnings.join(' ')).not.toMatch(/--[a-z]/);
  });
});

describe('type guards', () => {
  it('narrow a report to its tables without probing keys', async () => {
    const r = await extract(DOCX);
    expect(hasTables(r)).toBe(true);
    expect(isLegacy(r)).toBe(false);
    if (hasTables(r)) expect(r.applications?.newReceived.total).toBe(4);
    expect(isActiveDisclosure2021(r.activeDisclosure)).toBe(true);
  });

  it('say a failed report has no table sections to narrow', async () => {
    const r = await extract(new Uint8Array([1, 2, 3]));
    expect(hasTables(r)).toBe(true); // every table section is null
    expect(r.applications).toBeNull();
  });
});
