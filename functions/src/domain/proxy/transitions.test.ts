import { ProxyStatus } from '@gridlink/shared/proxy';
import { ACCESS_WINDOW, nextProxyStatus, PROXY_TRANSITIONS, type ProxyMove } from './transitions';

const EXPECTED: Record<ProxyMove, Partial<Record<string, string>>> = {
  claim: { open: 'claimed' },
  start: { claimed: 'in_progress' },
  complete: { in_progress: 'done' },
  confirm: { done: 'confirmed' },
  cancel: { open: 'cancelled', claimed: 'cancelled' },
};

describe('proxy-task transition table, exhaustively', () => {
  for (const move of Object.keys(PROXY_TRANSITIONS) as ProxyMove[]) {
    for (const from of ProxyStatus.options) {
      it(`${move} from ${from} → ${EXPECTED[move][from] ?? 'refused'}`, () =>
        expect(nextProxyStatus(move, from)).toBe(EXPECTED[move][from]));
    }
  }
  it('the access window is claimed, in progress and done (before confirmation)', () => {
    expect([...ACCESS_WINDOW]).toEqual(['claimed', 'in_progress', 'done']);
  });
});
