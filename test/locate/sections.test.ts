import { locateSections, matchHeading, sectionText } from '../../src/locate/sections.js';
import { loadTemplates } from '../../src/template/load.js';
import { blocksOf } from '../helpers/model.js';

const sections = loadTemplates().sections;
const byKey = (k: string) => sections.find((s) => s.key === k)!;

describe('matchHeading', () => {
  it.each([
    ['一、总体情况', 'overview', '一、总体情况'],
    ['一、 总体情况', 'overview', '一、总体情况'],
    ['一. 总体情况', 'overview', '一.总体情况'],
    ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 'reviewLitigation', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
    ['五、存在问题及改进情况', 'problems', '五、存在问题及改进情况'],
    ['五、政府信息公开工作存在的主要问题及改进情况', 'problems', '五、政府信息公开工作存在的主要问题及改进情况'],
  ])('recognises %s', (text, key, heading) => {
    expect(matchHeading(text, byKey(key))?.heading).toBe(heading);
  });

  it.each([
    ['一是公开政府信息的主动性不够强。', 'overview'],
    ['一、本年新收政府信息公开申请数量', 'overview'],
    ['全文包括总体情况、主动公开政府信息情况等六个部分。', 'overview'],
  ])('does not take %s for a heading', (text, key) => {
    expect(matchHeading(text, byKey(key))).toBeUndefined();
  });

  it('splits a heading from the body text printed after it in one paragraph', () => {
    expect(matchHeading('六、其他需要报告的事项 本年度无其他需要报告的事项。', byKey('otherMatters'))).toEqual({
      score: 1,
      heading: '六、其他需要报告的事项',
      inlineText: '本年度无其他需要报告的事项。',
    });
  });
});

describe('locateSections', () => {
  it('finds the headings in order, each section ending where the next begins', () => {
    const blocks = blocksOf(`<p>标题</p><p>一、总体情况</p><p>甲</p><p>（一）主动公开</p><p>乙</p>
      <p>二、主动公开政府信息情况</p><table><tr><td>规章</td></tr></table>
      <p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>
      <p>五、存在的主要问题及改进情况</p><p>丙</p><p>六、其他需要报告的事项</p><p>丁</p>`);
    const found = locateSections(blocks, sections, blocks.length);
    expect(found.map((s) => s.key)).toEqual(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters']);
    expect(sectionText(blocks, found[0]!)).toBe('甲\n（一）主动公开\n乙');
    expect(sectionText(blocks, found[1]!)).toBe('');
    expect(sectionText(blocks, found[5]!)).toBe('丁');
  });

  it('leaves out a section whose heading is missing', () => {
    const blocks = blocksOf('<p>一、总体情况</p><p>甲</p><p>三、收到和处理政府信息公开申请情况</p>');
    expect(locateSections(blocks, sections, blocks.length).map((s) => s.key)).toEqual(['overview', 'applications']);
  });
});
