import { actorTier, inboxFor, nextLevel } from './routing';

const path = ['hz', 'hz-hp', 'hz-hp-xh', 'c1', 'a1', 'b1', 'u1'];

describe('request routing', () => {
  it('walks up from the unit to the nearest staffed grid, falling back to the community', () => {
    expect(inboxFor('grid', path, new Set(['b1']))).toBe('b1');
    expect(inboxFor('grid', path, new Set(['a1']))).toBe('a1');
    expect(inboxFor('grid', path, new Set())).toBe('hz-hp-xh');
    expect(inboxFor('community', path, new Set(['b1']))).toBe('hz-hp-xh');
    expect(inboxFor('street', path, new Set())).toBe('hz-hp');
    expect(inboxFor('district', path, new Set())).toBe('hz');
  });
  it('escalates one level at a time and stops at the district', () => {
    expect(nextLevel('grid')).toBe('community');
    expect(nextLevel('street')).toBe('district');
    expect(nextLevel('district')).toBeUndefined();
  });
  it('knows the tier an actor serves on a path', () => {
    expect(actorTier({ gridIds: ['b1'] }, path)).toBe('grid');
    expect(actorTier({ gridIds: ['hz-hp-xh'] }, path)).toBe('community');
    expect(actorTier({ gridIds: ['b2', 'hz-hp'] }, path)).toBe('street');
    expect(actorTier({ gridIds: ['hz-xs'] }, path)).toBeUndefined();
  });
});
