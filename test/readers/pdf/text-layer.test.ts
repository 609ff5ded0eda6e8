import { ASCII_PUNCT, GARBAGE, hasUsableText, IDEOGRAPH, isAsciiPunctuation, isGarbage, isIdeograph, isJsWhitespace, textLayerStats } from '../../../src/readers/pdf/text-layer.js';
import { item, page } from './fixtures.js';

const stats = (...texts: string[]) => textLayerStats([page(1, texts.map((t, i) => item(t, 72, 100 + 20 * i)))]);

describe('text layer check', () => {
  it('accepts Chinese report text', () => {
    expect(hasUsableText(stats('2021年，潘庄镇政府信息公开工作情况如下。', '本年度共收到政府信息公开申请0件。'))).toBe(true);
  });

  it('rejects a page without text (a scan)', () => {
    expect(hasUsableText(stats())).toBe(false);
  });

  it('rejects glyph codes read without a ToUnicode map', () => {
    expect(hasUsableText(stats('!"#$%&\'()*+,-./0123', '4567!"#$%&\'()*+,-./', '\u0003\u0004\u0005\u0006\u0007'))).toBe(false);
  });

  it('rejects ideographs in random order (a wrong glyph mapping)', () => {
    expect(hasUsableText(stats('丂丄丅丆丏丒丗丟丠両丣並丩丮丯丱丳丵丷丼乀乁乂乄乆乊乑乕乗乚乛乢乣乤乥乧乨乪'))).toBe(false);
  });
});

describe('text layer character classes', () => {
  it('are exactly the regular expressions they stand for, on every code point', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : 97) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // lone surrogates: not a character String.fromCodePoint makes whole
      const ch = String.fromCodePoint(cp);
      if (isJsWhitespace(cp) !== /\s/.test(ch)) wrong.push(`space U+${cp.toString(16)}`);
      if (isIdeograph(cp) !== IDEOGRAPH.test(ch)) wrong.push(`ideograph U+${cp.toString(16)}`);
      if (isGarbage(cp) !== GARBAGE.test(ch)) wrong.push(`garbage U+${cp.toString(16)}`);
      if (isAsciiPunctuation(cp) !== ASCII_PUNCT.test(ch)) wrong.push(`punctuation U+${cp.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
});
