import { digestTitle, planSends } from './notify-digest';

const at = (min: number) => new Date(Date.UTC(2026, 11, 2, 1, min)).toISOString();
const n = (id: string, min: number) => ({ id, at: at(min) });

describe('digest rule', () => {
  it('three notices in ten minutes go one by one; a fourth makes one digest', () => {
    const three = planSends([n('a', 0), n('b', 1), n('c', 2)], 3, 10);
    expect(three.map((s) => s.kind)).toEqual(['one', 'one', 'one']);
    const four = planSends([n('a', 0), n('b', 1), n('c', 2), n('d', 9)], 3, 10);
    expect(four).toEqual([{ kind: 'digest', notices: [n('a', 0), n('b', 1), n('c', 2), n('d', 9)] }]);
  });

  it('the window counts from its first notice: a notice after it starts the next window', () => {
    const sends = planSends([n('e', 12), n('a', 0), n('b', 1), n('c', 2), n('d', 3)], 3, 10);
    expect(sends.map((s) => (s.kind === 'one' ? s.notice.id : s.notices.map((x) => x.id).join('')))).toEqual([
      'abcd',
      'e',
    ]);
    expect(digestTitle(5)).toBe('您有 5 条新待办');
  });
});
