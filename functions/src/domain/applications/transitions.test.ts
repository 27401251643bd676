import { ApplicationStatus } from '@gridlink/shared/applications';
import { APPLICATION_TRANSITIONS, nextApplicationStatus, type ApplicationMove } from './transitions';

const EXPECTED: Record<ApplicationMove, Partial<Record<string, string>>> = {
  approve: { under_review: 'completed' },
  reject: { under_review: 'rejected' },
  return: { under_review: 'returned' },
  supplement: { returned: 'under_review' },
};

describe('application transition table, exhaustively', () => {
  for (const move of Object.keys(APPLICATION_TRANSITIONS) as ApplicationMove[]) {
    for (const from of ApplicationStatus.options) {
      it(`${move} from ${from} → ${EXPECTED[move][from] ?? 'refused'}`, () =>
        expect(nextApplicationStatus(move, from)).toBe(EXPECTED[move][from]));
    }
  }
  it('reject and return need a note; the office reviews, the owner supplements', () => {
    expect(APPLICATION_TRANSITIONS.reject.noteRequired && APPLICATION_TRANSITIONS.return.noteRequired).toBe(true);
    expect(APPLICATION_TRANSITIONS.supplement.by).toEqual(['owner']);
  });
});
