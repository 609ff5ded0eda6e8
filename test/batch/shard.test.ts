/**
 * `extract --shard i/n`: n deterministic, disjoint parts whose outputs
 * together are one unsharded run's, byte for byte; output names from the
 * report schema's rule (batch/names.ts).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongkai, SAMPLE_DOCS } from '../helpers/cli.js';
import { inShard, parseShard } from '../../src/batch/shard.js';
import { outputNames } from '../../src/batch/names.js';

function outputs(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

describe('shards', () => {
  it('parses i/n and refuses anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '3', 'a/b', '1/3/4']) expect(() => parseShard(bad)).toThrow(RangeError);
  });

  it('puts every name in exactly one shard, spread over all of them', () => {
    const names = Array.from({ length: 300 }, (_, i) => `dir${i % 7}/report-${i}.pdf.json`);
    const sizes = [1, 2, 3].map((index) => names.filter((n) => inShard(n, { index, count: 3 })).length);
    expect(sizes.reduce((a, b) => a + b)).toBe(300);
    for (const s of sizes) expect(s).toBeGreaterThan(60);
    for (const n of names) expect([1, 2, 3].filter((index) => inShard(n, { index, count: 3 }))).toHaveLength(1);
  });

  it('3 shards together write exactly the outputs of one unsharded run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-shard-'));
    const docs = readdirSync(SAMPLE_DOCS).filter((f) => /\.(docx|html)$/.test(f));
    for (const f of docs) {
      const sub = join(dir, 'in', f.endsWith('.docx') ? 'word' : 'web');
      mkdirSync(sub, { recursive: true });
      copyFileSync(join(SAMPLE_DOCS, f), join(sub, f));
    }
    const whole = gongkai(['extract', join(dir, 'in'), '--out', join(dir, 'whole')]);
    expect(whole.code).toBe(1); // the sample that is not a report fails, in every run
    const parts = new Map<string, string>();
    for (const i of [1, 2, 3]) {
      const out = join(dir, `shard${i}`);
      const r = gongkai(['extract', join(dir, 'in'), '--out', out, '--shard', `${i}/3`]);
      expect([0, 1]).toContain(r.code);
      const written = outputs(out);
      expect(written.size).toBeGreaterThan(0);
      for (const [name, text] of written) {
        expect(parts.has(name)).toBe(false);
        parts.set(name, text);
      }
    }
    expect(parts).toEqual(outputs(join(dir, 'whole')));
    expect(parts.size).toBe(docs.length);
  }, 240_000);

  it('refuses a malformed --shard as a usage error', () => {
    const r = gongkai(['extract', SAMPLE_DOCS, '--shard', '0/2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--shard/);
  });
});

describe('output names (report-schema.md, Files)', () => {
  it('keeps paths relative to the deepest folder holding all inputs', () => {
    expect(outputNames(['/d/a/report.pdf', '/d/b/report.pdf'])).toEqual(['a/report.pdf', 'b/report.pdf']);
    expect(outputNames(['/d/a/x/1.pdf', '/d/a/y/2.pdf', '/d/a/3.pdf'])).toEqual(['x/1.pdf', 'y/2.pdf', '3.pdf']);
    expect(outputNames(['/d/a/one.docx'])).toEqual(['one.docx']);
    expect(outputNames(['/ab/x.pdf', '/abc/y.pdf'])).toEqual(['ab/x.pdf', 'abc/y.pdf']);
    expect(outputNames([])).toEqual([]);
  });
});
