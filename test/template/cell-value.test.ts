import { looksNumeric, parseCellValue, unitInHeader } from '../../src/template/cell-value.js';

describe('parseCellValue', () => {
  it.each(['', ' ', '0', '—', '——', '-', '/', '无', '０'])('reads the zero mark %j as 0', (raw) => {
    expect(parseCellValue(raw)).toEqual({ value: 0 });
  });
  it.each([
    ['12', 12],
    ['１２', 12],
    [' 1,462 ', 1462],
    ['1，462', 1462],
    ['387.8189', 387.8189],
    ['+3', 3],
    ['-2', -2],
    ['增3', 3],
    ['减2', -2],
    ['增加 5', 5],
    ['12件', 12],
  ])('reads %j as %p', (raw, value) => {
    expect(parseCellValue(raw).value).toBe(value);
  });
  it('reads a unit printed with an amount', () => {
    expect(parseCellValue('251000元')).toEqual({ value: 251000, unit: '元' });
    expect(parseCellValue('3.5万元')).toEqual({ value: 3.5, unit: '万元' });
  });
  it('gives null for text that is not a number', () => {
    expect(parseCellValue('见附件').value).toBeNull();
    expect(parseCellValue('1.2.3').value).toBeNull();
    expect(looksNumeric('规章')).toBe(false);
    expect(looksNumeric('—')).toBe(true);
  });
  it('finds the unit in a column header', () => {
    expect(unitInHeader('采购总金额（单位：万元）')).toBe('万元');
    expect(unitInHeader('采购总金额(元)')).toBe('元');
    expect(unitInHeader('采购总金额')).toBeUndefined();
  });
});
