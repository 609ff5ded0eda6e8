import { canonical, coverage, labelParts, labelScore, lcs, lcsTable, similarity } from '../../src/text/labels.js';
import { joinWrapped, removeCjkSpaces } from '../../src/text/cjk.js';

describe('labelParts', () => {
  it.each([
    ['（三）不予公开', '(三)', '不予公开'],
    ['(三) 不予公开', '(三)', '不予公开'],
    ['1.属于国家秘密', '1', '属于国家秘密'],
    ['一、本年新收政府信息公开申请数量', '一', '本年新收政府信息公开申请数量'],
    ['3.危及“三安全一稳定”', '3', '危及三安全一稳定'],
    ['规章', '', '规章'],
    ['2020年度', '', '2020年度'],
  ])('splits %s into ordinal %s and core %s', (text, ordinal, core) => {
    expect(labelParts(text)).toEqual({ ordinal, core });
  });
});

describe('label similarity', () => {
  it('scores a label with a typo close to the template wording', () => {
    expect(labelScore('2.其他法律行政止公开', ['2.其他法律行政法规禁止公开'])).toBeGreaterThan(0.8);
  });
  it('ignores full- and half-width punctuation and spaces', () => {
    expect(labelScore('（二）部分公开 (区分处理的，只计这一情形，不计其他情形)', ['(二)部分公开（区分处理的,只计这一情形,不计其他情形）'])).toBe(1);
  });
  it('keeps unrelated labels apart', () => {
    expect(similarity('行政复议', '复议后起诉')).toBeLessThan(0.6);
    expect(labelScore('商业企业', ['科研机构'])).toBe(0);
  });
  it('measures how much of a label another text contains', () => {
    expect(coverage('不予公开', '三本年度办理结果三不予公开')).toBe(1);
    expect(coverage('属于国家秘密', '属于秘密')).toBeCloseTo(4 / 6);
  });
  it('canonicalises full-width digits and Kangxi radicals with NFKC', () => {
    expect(canonical('２０２１ 年 ⽇')).toBe('2021年日');
  });
});

describe('CJK spacing', () => {
  it('removes spaces that touch CJK characters and keeps them between Latin words', () => {
    expect(removeCjkSpaces('潘庄镇 2021 年 政府 信息')).toBe('潘庄镇2021年政府信息');
    expect(removeCjkSpaces('Open Data 平台')).toBe('Open Data平台');
  });
  it('joins wrapped lines without a space in Chinese, with one between English words', () => {
    expect(joinWrapped('本年新收政府信息', '公开申请数量')).toBe('本年新收政府信息公开申请数量');
    expect(joinWrapped('open', 'government')).toBe('open government');
    expect(joinWrapped('http://www.zou', 'cheng.gov.cn')).toBe('http://www.zoucheng.gov.cn');
  });
});

describe('lcs', () => {
  it('bit-parallel gives the table\'s length on random strings up to and past 32 units', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const alphabet = ['一', '二', '公', '开', '申', '请', '其', '他', 'a', '1', '（', '）', '\u{20000}'];
    const word = (n: number) => Array.from({ length: n }, () => alphabet[rand(alphabet.length)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = word(rand(40)), b = word(rand(40));
      expect(lcs(a, b)).toBe(lcsTable(a, b));
    }
    expect(lcs('其他法律行政法规禁止公开', '其他法律行政止公开')).toBe(9);
    expect(lcs('x'.repeat(32), 'x'.repeat(50))).toBe(32);
  });
});
