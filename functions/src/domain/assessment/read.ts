/**
 * Who sees an assessment: a worker their own; leaders (grid leader and up) the workers serving in
 * their scope; the community's own staff and those above it the community's. Everyone else: 403.
 */
import type { Assessment } from '@gridlink/shared/centre';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { getGridItems } from '../../data/grids';
import { getUser } from '../../data/users';
import { readMonthOf, readStatsOf } from '../../data/stats';
import { readWorkerStats } from '../../data/worker-stats';
import { forbidden, notFound } from '../errors';
import { daysInMonth, monthOf } from '../centre/period';
import { communityAssessment, workerAssessment } from './score';
import { weightsOf } from './weights';

const LEADER_ROLES = ['grid_leader', 'community_admin', 'street_admin', 'district_admin'];
const WORKER_ROLES = ['grid_worker', 'grid_leader'];

export async function workerBreakdown(actor: Actor, userId: string, month: string | undefined, now: string) {
  const user = await getUser(userId);
  if (!user || !WORKER_ROLES.includes(user.role)) throw notFound('网格员不存在');
  const grids = await getGridItems(user.gridIds ?? []);
  const own = actor.id === userId;
  const leads = LEADER_ROLES.includes(actor.role) && [...grids.values()].some((g) => inScope(actor, g.path));
  if (!own && !leads) throw forbidden('只能查看本人或所辖网格员的考核');
  const districtId = [...grids.values()][0]?.path[0];
  if (!districtId) throw notFound('网格员尚未分配网格');
  const m = monthOf(month, now);
  const [counters, w] = await Promise.all([readWorkerStats([userId], m), weightsOf(districtId)]);
  return workerAssessment({ id: user.id, name: user.name }, m, counters.get(userId) ?? {}, w);
}

export async function communityBreakdown(
  actor: Actor,
  communityId: string,
  month: string | undefined,
  now: string,
): Promise<Assessment> {
  const c = (await getGridItems([communityId])).get(communityId);
  if (!c || c.level !== 'community') throw notFound('社区不存在');
  if (!LEADER_ROLES.includes(actor.role) || !inScope(actor, c.path)) throw forbidden('只能查看所辖社区的考核');
  const m = monthOf(month, now);
  const [period, totals, w] = await Promise.all([readMonthOf([c.id], m), readStatsOf([c.id]), weightsOf(c.path[0])]);
  return communityAssessment(c, m, daysInMonth(m), period.get(c.id) ?? {}, totals.get(c.id) ?? {}, w);
}
