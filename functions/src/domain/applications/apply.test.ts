import { addWorkingDays } from './apply';

describe('promised days are working days (Beijing time)', () => {
  it('skips the weekend', () => {
    // Friday 2026-11-27 10:00 Beijing + 1 working day → Monday 2026-11-30
    expect(addWorkingDays('2026-11-27T02:00:00.000Z', 1)).toBe('2026-11-30T02:00:00.000Z');
    // Monday + 5 working days → next Monday
    expect(addWorkingDays('2026-11-23T02:00:00.000Z', 5)).toBe('2026-11-30T02:00:00.000Z');
  });
  it('0 days (same-day services) are due by the next day', () => {
    expect(addWorkingDays('2026-11-28T02:00:00.000Z', 0)).toBe('2026-11-29T02:00:00.000Z');
  });
});
