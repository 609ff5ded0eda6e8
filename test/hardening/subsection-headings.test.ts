/**
 * Issue 7, kind 5: an overview whose subsections echo section names
 * (`1.主动公开情况`, `2.依申请公开情况`, unnumbered `主动公开情况`) must not be
 * taken as sections 二 and 三; the locator decides over the whole sequence.
 */
import { locateSections } from '../../src/locate/sections.js';
import { loadTemplates } from '../../src/template/load.js';
import { blocksOf } from '../helpers/model.js';

const sections = loadTemplates().sections;
const TAIL = `<p>二、主动公开政府信息情况</p><table><tr><td>规章</td></tr></table>
  <p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>
  <p>五、存在的主要问题及改进情况</p><p>丙</p><p>六、其他需要报告的事项</p><p>丁</p>`;

function headings(overview: string, tail = TAIL) {
  const blocks = blocksOf(`<p>某县2022年政府信息公开工作年度报告</p><p>一、总体情况</p>${overview}${tail}`);
  return locateSections(blocks, sections, blocks.length).map((s) => `${s.key}:${s.heading}`);
}

const WANT = [
  'overview:一、总体情况',
  'activeDisclosure:二、主动公开政府信息情况',
  'applications:三、收到和处理政府信息公开申请情况',
  'reviewLitigation:四、政府信息公开行政复议、行政诉讼情况',
  'problems:五、存在的主要问题及改进情况',
  'otherMatters:六、其他需要报告的事项',
];

describe('subsection headings echoing section names', () => {
  it.each([
    ['1. 2. subsections', '<p>1.主动公开情况</p><p>全年主动公开信息120条。</p><p>2.依申请公开情况</p><p>全年收到申请5件。</p>'],
    ['1、 2、 subsections', '<p>1、主动公开情况</p><p>全年主动公开信息120条。</p><p>2、依申请公开政府信息情况</p><p>全年收到申请5件。</p>'],
    ['（一） subsections', '<p>（一）主动公开情况</p><p>全年主动公开信息120条。</p><p>（二）依申请公开情况</p><p>全年收到申请5件。</p>'],
    ['unnumbered subsections', '<p>主动公开情况</p><p>全年主动公开信息120条。</p><p>依申请公开政府信息情况</p><p>全年收到申请5件。</p>'],
  ])('keeps %s inside the overview', (_name, overview) => {
    expect(headings(overview)).toEqual(WANT);
  });

  it('takes the later of two unnumbered candidates when headings are unnumbered (the real heading follows the mention)', () => {
    const tail = TAIL.replace('二、', '').replace('三、', '');
    const got = headings('<p>主动公开情况</p><p>全年主动公开信息120条。</p>', tail);
    expect(got[1]).toBe('activeDisclosure:主动公开政府信息情况');
  });

  it('still finds a heading printed with another numeral of the same style (an older outline)', () => {
    const blocks = blocksOf('<p>一、概述</p><p>甲</p><p>二、主动公开政府信息情况</p><p>乙</p><p>四、依申请公开政府信息情况</p><p>丙</p>');
    expect(locateSections(blocks, sections, blocks.length).map((s) => s.key)).toEqual(['overview', 'activeDisclosure', 'applications']);
  });
});
