import { RequestStatus } from '@gridlink/shared/requests';
import { nextStatus, REQUEST_TRANSITIONS, type RequestMove } from './transitions';

const EXPECTED: Record<RequestMove, Partial<Record<string, string>>> = {
  accept: { submitted: 'accepted' },
  reject: { submitted: 'rejected' },
  dispatch: { accepted: 'dispatched' },
  resolve: { accepted: 'resolved', dispatched: 'resolved' },
  escalate: { submitted: 'submitted', accepted: 'accepted' },
  rate: { resolved: 'closed' },
  callbackConfirm: { closed: 'closed' },
  reopen: { closed: 'accepted' },
  autoClose: { resolved: 'closed' },
  autoEscalate: { submitted: 'submitted', accepted: 'accepted' },
  markOverdue: { submitted: 'submitted', accepted: 'accepted', dispatched: 'dispatched' },
};

describe('request transition table, exhaustively', () => {
  for (const move of Object.keys(REQUEST_TRANSITIONS) as RequestMove[]) {
    for (const from of RequestStatus.options) {
      it(`${move} from ${from} → ${EXPECTED[move][from] ?? 'refused'}`, () => {
        expect(nextStatus(move, from)).toBe(EXPECTED[move][from]);
      });
    }
  }
  it('terminal states accept no staff move', () => {
    for (const move of ['accept', 'reject', 'dispatch', 'resolve', 'escalate'] as RequestMove[]) {
      expect(nextStatus(move, 'rejected')).toBeUndefined();
      expect(nextStatus(move, 'closed')).toBeUndefined();
    }
  });
});
