import { inSample, sampleValue } from './sampling';

describe('deterministic sampling by request id', () => {
  const ids = Array.from({ length: 4000 }, (_, i) => `01M8TEST${String(i).padStart(18, '0')}`);

  it('the same id gives the same answer; each sample has its own draw', () => {
    expect(sampleValue('callback3', ids[0])).toBe(sampleValue('callback3', ids[0]));
    expect(ids.some((id) => inSample('callback3', id, 0.5) !== inSample('audit5', id, 0.5))).toBe(true);
  });

  it('a share of 0 samples none, 1 all, 0.2 about a fifth', () => {
    expect(ids.filter((id) => inSample('audit5', id, 0)).length).toBe(0);
    expect(ids.filter((id) => inSample('audit5', id, 1)).length).toBe(ids.length);
    const share = ids.filter((id) => inSample('audit5', id, 0.2)).length / ids.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.23);
  });
});
