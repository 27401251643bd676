import { findStored, markStored } from './stored';

describe('stored items', () => {
  const item = () => markStored({ PK: 'REQ#1', SK: 'META', description: '电话13904181234' });

  it('finds a stored item however deep, and through a spread', () => {
    expect(findStored(item())).toBe('$');
    expect(findStored({ items: [{ ok: 1 }, { ...item(), extra: true }] })).toBe('$.items[1]');
    const { PK, ...rest } = item();
    expect(PK).toBe('REQ#1');
    expect(findStored({ nested: { rest } })).toBe('$.nested.rest');
  });

  it('a projection (fields picked into a new object) carries no tag, and JSON never shows one', () => {
    const r = item();
    expect(findStored({ id: '1', description: r.description })).toBeUndefined();
    expect(JSON.stringify(r)).toBe('{"PK":"REQ#1","SK":"META","description":"电话13904181234"}');
  });
});
