/**
 * The review site without a browser: JSON outputs in one folder paired with
 * their documents in another (by sha256), crops for PDF values, raw text and
 * table position for DOCX values, the printed-form layout with its Chinese
 * labels, corrections shown as such.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';
import { buildReviewSite } from '../../src/review/site.js';
import { formLayout } from '../../src/review/forms.js';
import { loadTemplates } from '../../src/template/load.js';

/** The data a page embeds for its script. */
function pageData(file: string): { doc: { sha256: string; cells: Record<string, { raw?: string; text?: string; page: number | null; crop?: string; label: string; flags: string[]; correction?: unknown; value: number | null }>; look: string[] } } {
  const m = /window\.GONGKAI = (.*);<\/script>/.exec(readFileSync(file, 'utf8'));
  return JSON.parse(m![1]!);
}

describe('buildReviewSite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-site-'));
  const docs = join(dir, 'docs');
  const out = join(dir, 'out');
  const site = join(dir, 'site');
  beforeAll(async () => {
    mkdirSync(docs);
    mkdirSync(out);
    for (const f of ['hexi-market-2020.pdf', 'liuwan-town-2021.docx']) {
      copyFileSync(join(SAMPLE_DOCS, f), join(docs, f));
      const r = gongkai(['extract', join(docs, f), '--provenance']);
      writeFileSync(join(out, `${f}.json`), r.stdout);
    }
    const sha = JSON.parse(readFileSync(join(out, 'liuwan-town-2021.docx.json'), 'utf8')).source.sha256;
    const result = await buildReviewSite([out, docs], site, { corrections: [{ sha256: sha, path: 'activeDisclosure.licensing.decisions', value: 13, note: 'n', by: 'b', at: '2026-12-01' }] });
    expect(result.documents.map((d) => [d.file, d.status, d.failed.length, d.corrections])).toEqual([
      ['hexi-market-2020.pdf', 'complete', 3, 0],
      ['liuwan-town-2021.docx', 'complete', 0, 1],
    ]);
  }, 180_000);

  it('pairs outputs with their documents and crops PDF values around their box', () => {
    const d = pageData(join(site, 'doc-hexi-market-2020.pdf.html')).doc;
    const cell = d.cells['applications.granted.total']!;
    expect(cell).toMatchObject({ raw: '13', page: 2, crop: 'crops/doc-hexi-market-2020.pdf/applications.granted.total.png', flags: ['failed'] });
    expect(cell.label).toBe('三、本年度办理结果›（一）予以公开 · 总计');
    expect(readFileSync(join(site, cell.crop!)).subarray(1, 4).toString()).toBe('PNG');
    // The cells of the three failed checks, in reading order.
    expect(d.look[0]).toBe('applications.granted.naturalPerson');
    expect(d.look).toContain('reviewLitigation.review.total');
    expect(readFileSync(join(site, 'doc-hexi-market-2020.pdf.html'), 'utf8')).toContain('href="../docs/hexi-market-2020.pdf"');
    // Meta fields show where the PDF printed them: the signature, the date under it, the title.
    for (const key of ['agency', 'publishedAt', 'title', 'year']) expect(d.cells[`meta.${key}`]!.crop).toBe(`crops/doc-hexi-market-2020.pdf/meta.${key}.png`);
    expect(d.cells['meta.agency']).toMatchObject({ text: '云州市河西区市场监督管理局', page: 3 });
  });

  it('gives DOCX values their raw text and table position, and shows corrections as such', () => {
    const d = pageData(join(site, 'doc-liuwan-town-2021.docx.html')).doc;
    expect(d.cells['applications.newReceived.total']).toMatchObject({ raw: '4', page: null, value: 4 });
    expect(d.cells['applications.newReceived.total']!.crop).toBeUndefined();
    expect(existsSync(join(site, 'crops/doc-liuwan-town-2021.docx'))).toBe(false);
    expect(d.cells['meta.agency']).toMatchObject({ text: '柳湾镇人民政府', raw: '柳湾镇人民政府', page: null });
    expect(d.cells['activeDisclosure.licensing.decisions']).toMatchObject({ value: 13, correction: { printed: 12, value: 13 } });
    expect(readFileSync(join(site, 'doc-liuwan-town-2021.docx.html'), 'utf8')).toMatch(/class="v corrected" data-path="activeDisclosure\.licensing\.decisions"[^>]*><span class="shown"><s class="printed">12<\/s> 13</);
  });
});

describe('formLayout', () => {
  it('lays table 三 out like the printed form: group labels spanning their rows, column groups over their columns', () => {
    const t = loadTemplates().editions.find((e) => e.id === '2021')!.tables['applications']!;
    const row = () => ({ naturalPerson: 0, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 0 });
    const section: Record<string, unknown> = { heading: '三', newReceived: row(), carriedOver: row(), granted: row(), partiallyGranted: row(), totalProcessed: row(), carriedForward: row() };
    section['denied'] = Object.fromEntries(['stateSecret', 'lawForbidden', 'threeSafetiesOneStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementCaseFile', 'administrativeQuery'].map((k) => [k, row()]));
    section['unableToProvide'] = Object.fromEntries(['notHeld', 'needsCreation', 'unclear'].map((k) => [k, row()]));
    section['notProcessed'] = Object.fromEntries(['complaint', 'repeated', 'publication', 'massive', 'confirmation'].map((k) => [k, row()]));
    section['otherHandling'] = { total: row() };
    const layout = formLayout(t, 'applications', section)!;
    const cells = layout.rows.flat();
    expect(cells.find((c) => c.text === '三、本年度办理结果')).toMatchObject({ rowspan: 2 + 8 + 3 + 5 + 1 + 1, head: true });
    expect(cells.find((c) => c.text === '（三）不予公开')).toMatchObject({ rowspan: 8 });
    expect(cells.find((c) => c.text === '一、本年新收政府信息公开申请数量')).toMatchObject({ colspan: 3 });
    expect(cells.filter((c) => c.path).length).toBe(23 * 7);
    expect(layout.rows[0]!.map((c) => c.text)).toEqual(['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '法人或其他组织', '总计']);
    expect(layout.labels.get('applications.otherHandling.total.total')).toBe('三、本年度办理结果›（六）其他处理 · 总计');
  });
});

describe('legacy reports', () => {
  it("renders the statistics table and the text's figures of a report's legacy object, its values as cells with evidence", async () => {
    const { documentData } = await import('../../src/review/document-data.js');
    const { documentPage } = await import('../../src/review/page-document.js');
    const report = {
      schemaVersion: '1',
      source: { file: 'old.docx', format: 'docx', sha256: 'c'.repeat(64), pages: null },
      meta: { title: '2015年政府信息公开工作年度报告', agency: '某县人民政府', year: 2015, publishedAt: null, edition: 'legacy' },
      status: 'partial',
      overview: { heading: '一、概述', text: '' },
      activeDisclosure: { heading: '二、主动公开' },
      applications: null,
      reviewLitigation: null,
      problems: null,
      otherMatters: null,
      checks: [],
      warnings: [],
      legacy: {
        sections: [],
        statistics: { template: 'gov2014', heading: '2015年政府信息公开情况统计表', rows: [{ path: 'requests.received', label: '（一）收到申请数', code: null, unit: '件', value: 12, raw: '12' }, { path: null, label: '本地指标', code: '7', unit: '条', value: 40, raw: '40' }], values: { requests: { received: 12 } } },
        figures: [{ key: 'activeDisclosure.total', value: 339, unit: '条', qualifier: null, zero: false, section: 'activeDisclosure', sentence: '2015年度共主动公开政府信息339条。', raw: '339' }],
      },
      provenance: { 'legacy.statistics.values.requests.received': { page: null, raw: '12' } },
    };
    const d = documentData('doc-old', report as never, loadTemplates(), { href: null, crops: new Map(), minConfidence: 0.8 });
    expect(d.cells['legacy.statistics.values.requests.received']).toMatchObject({ value: 12, raw: '12', label: '2015年政府信息公开情况统计表 › （一）收到申请数' });
    const html = documentPage(d);
    expect(html).toContain('data-path="legacy.statistics.values.requests.received"');
    expect(html).toContain('<th>本地指标</th><td>7</td><td>条</td><td>40</td>');
    expect(html).toContain('2015年度共主动公开政府信息339条。');
  });
});
