import { categorySummary, containsPersonalData, publicSummary } from './summary';

const PHONES = [
  '13904181234',
  '139-0418-1234',
  '139 0418 1234',
  '１３９０４１８１２３４',
  '+86 139 0418 1234',
  '+8613904181234',
];
const IDS = ['210902198001011236', '2109 0219 8001 0112 36', '21090219800101123x', '210902 19800101 123X'];
const CN = ['一三九零四一八一二三四', '幺三九 零四一八'];
const NAMES = ['本人刘淑珍', '我是刘淑珍', '我叫刘淑珍', '姓名：刘淑珍', '联系人 刘淑珍', '楼下刘女士'];

describe('publicSummary', () => {
  it.each([...PHONES, ...IDS, ...CN])('never keeps the number %s (in any position)', (n) => {
    for (const text of [`暖气不热${n}`, `${n}暖气不热很冷`, `暖气不热，电话 ${n}，请尽快`]) {
      const s = publicSummary('供暖', text);
      expect(containsPersonalData(s)).toBe(false);
      expect(s.replace(/\D/g, '')).not.toMatch(/\d{4}/);
      expect(s).not.toMatch(/[一二三四五六七八九零幺]{4}/);
    }
  });

  it.each(NAMES)('never keeps a name introduced as "%s"', (n) => {
    for (const text of [`${n}，楼道灯坏了`, `楼道灯坏了，${n}`, `楼道灯坏了${n}反映`])
      expect(publicSummary('公共设施损坏', text)).not.toContain('刘');
  });

  it('keeps the harmless start of the text, clipped; falls back to the category when doubtful', () => {
    expect(publicSummary('供暖', '暖气不热，室温只有 14 度')).toBe('暖气不热，室温只有 14 度');
    expect(publicSummary('供暖', '暖气不热，联系电话139-0418-1234')).toBe('暖气不热');
    expect(publicSummary('供暖', '本人刘淑珍，家里暖气不热')).toBe(categorySummary('供暖'));
    expect(publicSummary('供暖', '住在 301 室，暖气不热')).toBe(categorySummary('供暖'));
    const long = '楼上装修噪音从早上七点一直持续到晚上十点，严重影响老人和孩子休息，希望社区尽快协调处理一下';
    const s = publicSummary('噪音扰民', long);
    expect(s.endsWith('…')).toBe(true);
    expect([...s].length).toBe(41);
  });
});
