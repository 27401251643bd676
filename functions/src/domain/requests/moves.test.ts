import { ROLES } from '@gridlink/shared/names';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import type { RequestItem } from '../../data/requests';
import type { Actor } from '../../auth/actor';
import { checkRequestMove, type RequestMove } from './commit';

const PATH = ['hz', 'hz-hp', 'hz-hp-xh', 'hz-hp-xh-c1', 'hz-hp-xh-c1-a1', 'hz-hp-xh-c1-a1-b1', 'hz-hp-xh-c1-a1-b1-u1'];
/** each role's grid on that path (residents and agents serve none) */
const GRIDS: Record<string, string[]> = {
  grid_worker: ['hz-hp-xh-c1-a1-b1'],
  grid_leader: ['hz-hp-xh'],
  community_admin: ['hz-hp-xh'],
  street_admin: ['hz-hp'],
  district_admin: ['hz'],
  office: ['hz-hp-xh'],
  department: ['hz'],
  resident: [],
  agent: ['hz-hp-xh'],
};
const actor = (role: (typeof ROLES)[number]): Actor => ({
  id: `x-${role}`,
  role,
  name: role,
  gridIds: GRIDS[role],
  departmentId: role === 'department' ? 'dept-housing' : undefined,
});
const req = (level: RequestItem['level'], status: RequestItem['status']): RequestItem =>
  ({ gridPath: PATH, level, status, departmentId: 'dept-housing', reporterId: 'someone' }) as RequestItem;
const STAFF_MOVES: RequestMove[] = ['accept', 'reject', 'dispatch', 'resolve', 'escalate'];
const RANK = { grid: 0, community: 1, street: 2, district: 3 } as const;
const TIER: Record<string, number> = {
  grid_worker: 0,
  grid_leader: 1,
  community_admin: 1,
  street_admin: 2,
  district_admin: 3,
};
const FROM: Record<string, RequestItem['status']> = { dispatch: 'accepted', resolve: 'accepted' };

describe('who may make each staff move: every move × role × handling level', () => {
  for (const move of STAFF_MOVES)
    for (const role of ROLES)
      for (const level of ['grid', 'community', 'street', 'district'] as const) {
        const status = move === 'resolve' && role === 'department' ? 'dispatched' : (FROM[move] ?? 'submitted');
        const byTable = (REQUEST_WORKFLOW.moves[move].by as readonly string[]).includes(role);
        const expected = byTable && (role === 'department' ? status === 'dispatched' : TIER[role] >= RANK[level]);
        it(`${move} by ${role} at ${level} level → ${expected ? 'allowed' : '403'}`, () => {
          const run = () => checkRequestMove(actor(role), req(level, status), move, 'note');
          if (expected) expect(run).not.toThrow();
          else expect(run).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
        });
      }
});
