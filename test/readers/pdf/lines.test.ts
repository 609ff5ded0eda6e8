import { buildLines } from '../../../src/readers/pdf/lines.js';
import { foldRadicals } from '../../../src/text/cjk.js';
import { item } from './fixtures.js';

describe('buildLines', () => {
  it('rebuilds lines from positions, not from the order items arrive in', () => {
    const items = [
      item('第二行', 72, 120),
      item('第一行后半', 132, 100),
      item('第一行', 72, 100),
    ];
    expect(buildLines(items).map((l) => l.text)).toEqual(['第一行第一行后半', '第二行']);
  });

  it('removes spaces between CJK characters and between CJK and digits', () => {
    const items = [item('潘庄镇', 72, 100), item('2021', 110, 100), item('年 政 府', 140, 100)];
    expect(buildLines(items)[0]!.text).toBe('潘庄镇2021年政府');
  });

  it('closes up single digits spaced out by justification', () => {
    const items = [item('2', 72, 100), item('0', 84, 100), item('2', 96, 100), item('1', 108, 100), item('年', 120, 100)];
    expect(buildLines(items)[0]!.text).toBe('2021年');
  });

  it('keeps one space between two Latin words set apart', () => {
    const items = [item('www.example', 72, 100), item('gov', 150, 100)];
    expect(buildLines(items)[0]!.text).toBe('www.example gov');
  });

  it('keeps items on slightly different baselines in one line', () => {
    const items = [item('上', 72, 100), item('下', 82, 102)];
    expect(buildLines(items)).toHaveLength(1);
  });

  it('drops a run printed twice at the same place (fake bold by overprinting)', () => {
    const items = [item('标题', 72, 100), item('标题', 72.3, 100)];
    expect(buildLines(items)[0]!.text).toBe('标题');
  });

  it('marks a line bold when most of its characters are bold', () => {
    const items = [item('一、总体情况', 72, 100, { bold: true }), item('x', 140, 100)];
    expect(buildLines(items)[0]!.bold).toBe(true);
  });
});

describe('foldRadicals', () => {
  it('folds Kangxi radicals and radical supplement forms into ordinary ideographs', () => {
    expect(foldRadicals('\u2F00\u2F08\u2EA0\u653F\u5E9C（：')).toBe('一人民政府（：');
  });
});
