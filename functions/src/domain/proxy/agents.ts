/** 红色代办员: residents apply, the community approves (through the kernel); an agent profile shows tasks done and rating. */
import { AGENT_APPLICATION_WORKFLOW } from '@gridlink/shared/workflows/proxy';
import {
  agentApplicationPut,
  getAgentApplication,
  listPendingAgentApplications,
  userReplace,
  type AgentApplicationItem,
} from '../../data/agents';
import { servedCommunities } from '../staff/served';
import { getGridItems } from '../../data/grids';
import { getAgentStats } from '../../data/proxy';
import type { PageRequest } from '../../data/query';
import { getUser, type UserItem } from '../../data/users';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { check, commit, type Binding } from '../workflow/kernel';

/** Applications are recorded in the audit log; the applicant's profile is their timeline. */
const AGENT_BINDING: Binding<AgentApplicationItem> = {
  workflow: AGENT_APPLICATION_WORKFLOW,
  put: (after, expected) => agentApplicationPut(after, expected),
};

export async function applyAsAgent(actor: Actor, body: { partyMember: boolean; reason: string }, now: string) {
  const refusal = '只有居民可以申请成为红色代办员';
  check(AGENT_APPLICATION_WORKFLOW, { move: 'apply', as: [actor.role], refusal, actorRole: actor.role });
  if (!actor.unitId) throw badRequest('请先绑定居住单元', [{ path: 'unitId', message: '未绑定' }]);
  if (await getAgentApplication(actor.id)) throw conflict('已提交过申请，请等待社区审核');
  const unit = (await getGridItems([actor.unitId])).get(actor.unitId)!;
  const app: AgentApplicationItem = {
    id: actor.id,
    userId: actor.id,
    name: actor.name,
    communityId: unit.path[2],
    gridPath: unit.path,
    partyMember: body.partyMember,
    reason: body.reason,
    status: 'pending',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await commit(AGENT_BINDING, { move: 'apply', actor, as: [actor.role], refusal, after: app, now });
  } catch (e) {
    if ((e as { code?: string }).code === 'VERSION_CONFLICT') throw conflict('已提交过申请，请等待社区审核');
    throw e;
  }
  return { userId: actor.id, communityId: unit.path[2], status: 'pending', createdAt: now };
}

export async function listAgentApplications(actor: Actor, page: PageRequest) {
  if (!['community_admin', 'grid_leader'].includes(actor.role)) throw forbidden();
  const p = await listPendingAgentApplications(await servedCommunities(actor), page);
  return {
    items: p.items.map((a) => ({
      userId: a.userId,
      name: a.name,
      partyMember: a.partyMember,
      reason: a.reason,
      status: a.status,
      createdAt: a.createdAt,
    })),
    nextCursor: p.nextCursor,
  };
}

/** The community approves: the user becomes an agent serving that community, in the move's transaction. */
export async function approveAgent(actor: Actor, userId: string, now: string) {
  // the application, the user and the counters (the answer's; approving does not change them) at once
  const [app, user, stats] = await Promise.all([getAgentApplication(userId), getUser(userId), getAgentStats(userId)]);
  if (!app) throw notFound('没有这份申请');
  if (!user) throw notFound('用户不存在');
  const as = inScope(actor, app.gridPath) ? [actor.role] : [];
  const promoted = {
    ...user,
    role: 'agent' as const,
    gridIds: [app.communityId],
    version: user.version + 1,
    updatedAt: now,
  };
  await commit(AGENT_BINDING, {
    move: 'approve',
    actor,
    as,
    refusal: '只有本社区可以审批',
    before: app,
    after: { ...app, decidedBy: actor.id, decidedAt: now },
    now,
    extra: [userReplace(promoted, user.version)],
  });
  return profileOf(promoted, stats);
}

export async function agentProfile(userId: string) {
  const [user, s] = await Promise.all([getUser(userId), getAgentStats(userId)]);
  if (!user || user.role !== 'agent') throw notFound('红色代办员不存在');
  return profileOf(user, s);
}

function profileOf(user: UserItem, s: Awaited<ReturnType<typeof getAgentStats>>) {
  return {
    id: user.id,
    name: user.name,
    communityIds: user.gridIds ?? [],
    tasksDone: s.tasksDone,
    ratings: s.ratings,
    averageRating: s.ratings ? Math.round((s.ratingSum / s.ratings) * 100) / 100 : null,
  };
}
