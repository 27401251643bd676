import { chinaDate, chinaInstant, chinaMonth } from './time';

describe('China time', () => {
  it('puts 16:00Z and later on the next China day', () => {
    expect(chinaDate('2026-11-30T15:59:59.000Z')).toBe('2026-11-30');
    expect(chinaDate('2026-11-30T16:00:00.000Z')).toBe('2026-12-01');
    expect(chinaMonth('2026-11-30T16:00:00.000Z')).toBe('2026-12');
  });
  it('turns a China wall-clock time into UTC', () => {
    expect(chinaInstant('2026-12-01', '08:00')).toBe('2026-12-01T00:00:00.000Z');
    expect(chinaInstant('2026-12-01')).toBe('2026-11-30T16:00:00.000Z');
  });
});
