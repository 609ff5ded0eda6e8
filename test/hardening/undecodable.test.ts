/**
 * Issue 7, kind 3: a text layer whose fonts carry no Unicode map is not a
 * scan. The warning says what it is, and no number comes from its glyph codes.
 */
import { textLayerProblem, textLayerStats, undecodablePages, UNDECODABLE_TEXT_LAYER } from '../../src/readers/pdf/text-layer.js';
import { item, page } from '../readers/pdf/fixtures.js';

const stats = (...texts: string[]) => textLayerStats([page(1, texts.map((t, i) => item(t, 72, 100 + 20 * i)))]);

describe('text layer problems', () => {
  it('calls a page with (almost) no text a scan', () => {
    expect(textLayerProblem(stats())).toBe('no text');
    expect(textLayerProblem(stats('第1页'))).toBe('no text');
  });

  it('calls control and private-use glyph codes undecodable', () => {
    expect(textLayerProblem(stats('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008', '\u000e\u000f\u0010\u0011\u0012\u0013\u0014', '\ue001\ue002\ue003\ue004\ue005\ue006'))).toBe('undecodable');
  });

  it('calls subset glyph codes read as ASCII punctuation undecodable', () => {
    expect(textLayerProblem(stats('!"#$%&\'()*+,-./0123', '4567!"#$%&\'()*+,-./'))).toBe('undecodable');
  });

  it('calls ideographs in random order undecodable', () => {
    expect(textLayerProblem(stats('丂丄丅丆丏丒丗丟丠両丣並丩丮丯丱丳丵丷丼乀乁乂乄乆乊乑乕乗乚乛乢乣乤乥乧乨乪'))).toBe('undecodable');
  });

  it('has no problem with report text', () => {
    expect(textLayerProblem(stats('2021年，潘庄镇政府信息公开工作情况如下。', '本年度共收到政府信息公开申请0件。'))).toBeUndefined();
  });

  it('names the missing Unicode map, not a scan', () => {
    expect(UNDECODABLE_TEXT_LAYER).toMatch(/Unicode map/);
    expect(UNDECODABLE_TEXT_LAYER).not.toMatch(/scan/);
  });
});

describe('undecodable pages of a readable document', () => {
  it('finds the page whose glyph codes are garbage, even when some look like digits', () => {
    const good = page(1, [item('本年度共收到政府信息公开申请12件。', 72, 100)]);
    const bad = page(2, [item('\u0001\u0002\u0003\u0004 12 \u0005\u0006\u0007\u0008', 72, 100), item('\u000e\u000f01\u0010\u0011', 72, 130)]);
    expect(undecodablePages([good, { ...bad, page: 2 }])).toEqual([2]);
  });
});
