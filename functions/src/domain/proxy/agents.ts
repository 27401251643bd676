/** 红色代办员: residents apply, the community approves; an agent profile shows tasks done and rating. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../data/audit';
import { db, table } from '../../data/client';
import { getGridItems } from '../../data/grids';
import { keys } from '../../data/keys';
import { getAgentStats } from '../../data/proxy';
import type { PageRequest } from '../../data/query';
import { queryPage } from '../../data/query';
import { transact } from '../../data/requests';
import { getUser, type UserItem } from '../../data/users';
import { DomainError, badRequest, forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';

export async function applyAsAgent(actor: Actor, body: { partyMember: boolean; reason: string }, now: string) {
  if (actor.role !== 'resident') throw forbidden('只有居民可以申请成为红色代办员');
  if (!actor.unitId) throw badRequest('请先绑定居住单元', [{ path: 'unitId', message: '未绑定' }]);
  const unit = (await getGridItems([actor.unitId])).get(actor.unitId)!;
  try {
    await transact([
      {
        Put: {
          TableName: table(),
          Item: {
            ...keys.agentApplication(actor.id),
            ...keys.agentApplications(unit.path[2], now, actor.id),
            type: 'agent_application',
            userId: actor.id,
            name: actor.name,
            communityId: unit.path[2],
            gridPath: unit.path,
            partyMember: body.partyMember,
            reason: body.reason,
            status: 'pending',
            createdAt: now,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR #s = :rejected',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':rejected': 'rejected' },
        },
      },
      auditPut({
        actorId: actor.id,
        actorRole: actor.role,
        action: 'agent.apply',
        target: `user:${actor.id}`,
        to: 'pending',
        at: now,
      }),
    ]);
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException')
      throw new DomainError('CONFLICT', '已提交过申请，请等待社区审核');
    throw e;
  }
  return { userId: actor.id, communityId: unit.path[2], status: 'pending', createdAt: now };
}

export async function listAgentApplications(actor: Actor, page: PageRequest) {
  if (!['community_admin', 'grid_leader'].includes(actor.role)) throw forbidden();
  const p = await queryPage(
    { index: 'GSI2', pk: keys.agentApplicationsPk(actor.gridIds[0]), newestFirst: true },
    page,
    (i) => ({
      userId: i.userId as string,
      name: i.name as string,
      partyMember: i.partyMember as boolean,
      reason: i.reason as string,
      status: i.status as string,
      createdAt: i.createdAt as string,
    }),
  );
  return p;
}

/** The community approves: the user becomes an agent serving that community (one transaction with the audit record). */
export async function approveAgent(actor: Actor, userId: string, now: string) {
  // the application, the user and the counters (the answer's; approving does not change them) at once
  const [{ Item: app }, user, stats] = await Promise.all([
    db().send(new GetCommand({ TableName: table(), Key: keys.agentApplication(userId) })),
    getUser(userId),
    getAgentStats(userId),
  ]);
  if (!app) throw notFound('没有这份申请');
  if (!['community_admin', 'grid_leader'].includes(actor.role) || !inScope(actor, app.gridPath as string[]))
    throw forbidden('只有本社区可以审批');
  if (app.status !== 'pending') throw new DomainError('INVALID_TRANSITION', '申请已处理');
  if (!user) throw notFound('用户不存在');
  await transact([
    {
      Update: {
        TableName: table(),
        Key: keys.agentApplication(userId),
        UpdateExpression: 'SET #s = :a, decidedBy = :by, decidedAt = :now REMOVE GSI2PK, GSI2SK',
        ConditionExpression: '#s = :p',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':a': 'approved', ':p': 'pending', ':by': actor.id, ':now': now },
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.user(userId),
        UpdateExpression: 'SET #r = :agent, gridIds = :g, version = version + :one, updatedAt = :now',
        ConditionExpression: 'version = :v',
        ExpressionAttributeNames: { '#r': 'role' },
        ExpressionAttributeValues: {
          ':agent': 'agent',
          ':g': [app.communityId],
          ':one': 1,
          ':now': now,
          ':v': user.version,
        },
      },
    },
    auditPut({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'agent.approve',
      target: `user:${userId}`,
      from: user.role,
      to: 'agent',
      at: now,
    }),
  ]);
  return profileOf({ ...user, role: 'agent', gridIds: [app.communityId as string] }, stats); // the user as written
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
