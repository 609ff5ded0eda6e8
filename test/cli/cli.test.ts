import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'gongkai-cli-'));

describe('gongkai extract', () => {
  it('writes a single input as JSON to stdout and a summary line to stderr, exit 0 when complete', () => {
    const r = gongkai(['extract', join(SAMPLE_DOCS, 'liuwan-town-2021.docx'), '--verbose']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.meta.title).toBe('柳湾镇人民政府2021年政府信息公开工作年度报告');
    expect(r.stderr).toMatch(/^complete\s+\S*liuwan-town-2021\.docx\n$/);
  });

  it('writes one file per input under --out, keeping folder structure so equal names never collide', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in/a'), { recursive: true });
    mkdirSync(join(dir, 'in/b'), { recursive: true });
    copyFileSync(join(SAMPLE_DOCS, 'liuwan-town-2021.docx'), join(dir, 'in/a/report.docx'));
    copyFileSync(join(SAMPLE_DOCS, 'tongchuan-county-gov-2024.docx'), join(dir, 'in/b/report.docx'));
    writeFileSync(join(dir, 'in/notes.json'), '{}'); // not a document format: skipped inside a folder
    const r = gongkai(['extract', join(dir, 'in'), '--out', join(dir, 'out'), '--pretty']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out'), { recursive: true }).sort()).toEqual(['.gongkai-ledger.ndjson', 'a', 'a/report.docx.json', 'b', 'b/report.docx.json']);
    const text = readFileSync(join(dir, 'out/b/report.docx.json'), 'utf8');
    expect(text).toMatch(/^{\n  "schemaVersion": "1",/);
    expect(JSON.parse(text).meta.agency).toBe('桐川县人民政府办公室');
  });

  it('gives a failed output and exit 1 for a document that is not such a report, bad bytes and a missing file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'noise.pdf'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 9]));
    copyFileSync(join(SAMPLE_DOCS, 'meeting-notice-2023.docx'), join(dir, 'meeting-notice-2023.docx'));
    const r = gongkai(['extract', join(dir, 'meeting-notice-2023.docx'), join(dir, 'noise.pdf'), join(dir, 'missing.docx'), '--out', join(dir, 'out'), '--verbose']);
    expect(r.code).toBe(1);
    const read = (f: string) => JSON.parse(readFileSync(join(dir, 'out', f), 'utf8'));
    expect(read('meeting-notice-2023.docx.json')).toMatchObject({ status: 'failed', warnings: [expect.stringMatching(/not a government information disclosure annual report/)] });
    expect(read('noise.pdf.json')).toMatchObject({ status: 'failed', warnings: ['unrecognised file format: not a PDF, DOCX, DOC, HTML or text file'] });
    expect(read('missing.docx.json')).toMatchObject({ status: 'failed', warnings: ['cannot read the file: no such file'], source: { sha256: null } });
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack traces
    expect(r.stderr).toContain(`gongkai: cannot read ${join(dir, 'missing.docx')}: no such file\n`);
    expect(r.stderr.trim().split('\n')).toHaveLength(4); // three documents and the run's total
  });

  it('exits 1 when a report is only partly read', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'half.html'), '<p>某镇2021年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>');
    const r = gongkai(['extract', join(dir, 'half.html')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.status).toBe('partial');
    expect(report.warnings).toContain('section 五、存在的主要问题及改进情况 (problems) not found');
  });

  it('records where each cell was read with --provenance', () => {
    const r = gongkai(['extract', join(SAMPLE_DOCS, 'liuwan-town-2021.pdf'), '--provenance']);
    const report = JSON.parse(r.stdout);
    const p = report.provenance['applications.newReceived.total'];
    expect(p.page).toBeGreaterThan(0);
    expect(p.bbox).toHaveLength(4);
    expect(p.raw).toBe(String(report.applications.newReceived.total));
  });

  it('exits 2 on usage errors', () => {
    expect(gongkai([]).code).toBe(2);
    expect(gongkai(['extract']).code).toBe(2);
    expect(gongkai(['extract', 'x', '--no-such-option']).code).toBe(2);
    expect(gongkai(['frobnicate']).code).toBe(2);
  });
});

describe('gongkai schema', () => {
  it('prints the JSON Schema of the output', () => {
    const r = gongkai(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(schema.properties)).toEqual([
      'schemaVersion', 'source', 'meta', 'status', 'overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters', 'checks', 'warnings', 'corrections', 'provenance', 'legacy',
    ]);
  });
});
