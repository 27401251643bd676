import { findNumbers, maskNumbers } from './pii';

const phone = (v: string) => ({ kind: 'phone', value: v });
const id = (v: string) => ({ kind: 'idNumber', value: v });

describe('findNumbers: the spellings people type', () => {
  it.each([
    ['电话13904181234', phone('13904181234')],
    ['打139-0418-1234找我', phone('13904181234')],
    ['139 0418 1234', phone('13904181234')],
    ['+86 139 0418 1234', phone('13904181234')],
    ['１３９０４１８１２３４', phone('13904181234')],
    ['一三九零四一八一二三四', phone('13904181234')],
    ['幺三九〇四一八一二三四', phone('13904181234')],
    ['身份证210902198503152020', id('210902198503152020')],
    ['210902 19850315 2020', id('210902198503152020')],
    ['21090219450812002x', id('21090219450812002X')],
  ])('%s', (text, found) => {
    expect(findNumbers(text)).toEqual([found]);
  });

  it.each([
    '139****1234',
    '2109**********2020',
    '2026-12-01T10:00:00.000Z',
    '1764547200000',
    '01JD3K13904181234ZZ',
    '一楼三单元',
    '12345 热线',
  ])('finds nothing in %s', (text) => {
    expect(findNumbers(text)).toEqual([]);
  });
});

describe('maskNumbers', () => {
  it('masks every spelling in place and keeps the rest of the text', () => {
    expect(maskNumbers('请打139-0418-1234或１３９０４１８１２３４，身份证210902 19850315 2020。')).toBe(
      '请打139****1234或139****1234，身份证2109**********2020。',
    );
    expect(maskNumbers('三楼漏水')).toBe('三楼漏水');
  });
});
