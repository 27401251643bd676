import { DISPUTE_STATUSES, PETITION_STATUSES } from '@gridlink/shared/names';
import {
  DISPUTE_TRANSITIONS,
  nextDisputeStatus,
  nextPetitionStatus,
  PETITION_TRANSITIONS,
  type DisputeMove,
  type PetitionMove,
} from './transitions';

const DISPUTE_EXPECTED: Record<DisputeMove, Partial<Record<string, string>>> = {
  session: { registered: 'mediating', mediating: 'mediating' },
  escalate: { registered: 'registered', mediating: 'mediating' },
  agree: { mediating: 'agreed' },
  fail: { mediating: 'failed' },
  close: { agreed: 'closed', failed: 'closed' },
};

const PETITION_EXPECTED: Record<PetitionMove, Partial<Record<string, string>>> = {
  accept: { registered: 'handling' },
  progress: { handling: 'handling' },
  escalate: { registered: 'registered', handling: 'handling' },
  reply: { handling: 'replied' },
  flagKey: { registered: 'registered', handling: 'handling', replied: 'replied' },
  rate: { replied: 'closed' },
  autoEscalate: { registered: 'registered', handling: 'handling' },
  markOverdue: { registered: 'registered', handling: 'handling' },
};

describe('dispute transition table, exhaustively', () => {
  for (const move of Object.keys(DISPUTE_TRANSITIONS) as DisputeMove[]) {
    for (const from of DISPUTE_STATUSES) {
      it(`${move} from ${from} → ${DISPUTE_EXPECTED[move][from] ?? 'refused'}`, () => {
        expect(nextDisputeStatus(move, from)).toBe(DISPUTE_EXPECTED[move][from]);
      });
    }
  }
  it('a closed dispute accepts no move; an agreement needs a mediation session first', () => {
    for (const move of Object.keys(DISPUTE_TRANSITIONS) as DisputeMove[])
      expect(nextDisputeStatus(move, 'closed')).toBeUndefined();
    expect(nextDisputeStatus('agree', 'registered')).toBeUndefined();
  });
  it('failing and closing need a note; residents move nothing', () => {
    expect(DISPUTE_TRANSITIONS.fail.noteRequired && DISPUTE_TRANSITIONS.close.noteRequired).toBe(true);
    for (const t of Object.values(DISPUTE_TRANSITIONS)) expect(t.by).not.toContain('resident');
  });
});

describe('petition transition table, exhaustively', () => {
  for (const move of Object.keys(PETITION_TRANSITIONS) as PetitionMove[]) {
    for (const from of PETITION_STATUSES) {
      it(`${move} from ${from} → ${PETITION_EXPECTED[move][from] ?? 'refused'}`, () => {
        expect(nextPetitionStatus(move, from)).toBe(PETITION_EXPECTED[move][from]);
      });
    }
  }
  it('only leaders flag key cases; grid workers do not; only the system sweeps', () => {
    expect(PETITION_TRANSITIONS.flagKey.by).not.toContain('grid_worker');
    expect(PETITION_TRANSITIONS.autoEscalate.by).toEqual(['system']);
    expect(PETITION_TRANSITIONS.rate.by).toEqual(expect.arrayContaining(['petitioner', 'proxy']));
  });
});
