/**
 * 信访: registered by a grid worker at the first visit (初访) or forwarded from the street; the grid
 * tries first; escalation up the request ladder with a deadline per level (overdue → the sweep
 * escalates); online and offline handling kept in one timeline; a reply, then the petitioner's
 * satisfaction. Key cases (重点信访人/积案) carry a responsible leader and a plan. By proxy: a red
 * proxy agent (with a live proxy task) or a grid worker registers and follows it with consent.
 */
import type * as z from 'zod';
import type {
  CreatePetitionBody,
  KeyCaseBody,
  PetitionRatingBody,
  ProgressBody,
  ReplyBody,
} from '@gridlink/shared/cases';
import {
  LEVEL_NAMES,
  PETITION_DUE_DAYS,
  PETITION_STATUS_NAMES,
  RATING_NAMES,
  type Level,
} from '@gridlink/shared/names';
import { inScope } from '../../auth/policy';
import { duePetitions, getCase, personPointerPut, type PetitionItem } from '../../data/cases';
import { getGridItems } from '../../data/grids';
import { newId } from '../../data/ids';
import { OUTBOX_SHARDS } from '../../data/outbox';
import { getTask } from '../../data/proxy';
import { getUser } from '../../data/users';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { relationTo } from '../behalf';
import { nextLevel } from '../requests/routing';
import { verifyAttachments } from '../uploads';
import { PETITION_WORKFLOW } from '@gridlink/shared/workflows/cases';
import { expectVersion, SYSTEM } from '../workflow/kernel';
import { sweep } from '../workflow/sweep';
import { actorOf, checkCaseMove, commitCase, inboxAt, newCase, namedResident, staffTier, unitInScope } from './common';
import { caseView, handlerOf } from './view';

const PROXY_ROLES = ['agent', 'grid_worker', 'grid_leader'];
const daysLater = (now: string, days: number) => new Date(Date.parse(now) + days * 86400_000).toISOString();
/** the five-level grid tops at the community: settled there is settled inside the grid */
const IN_GRID: Level[] = ['grid', 'community'];

async function petitionerOf(p: z.infer<typeof CreatePetitionBody>['petitioner']): Promise<PetitionItem['petitioner']> {
  if (!p.userId) return { name: p.name!, ...(p.contact ? { contact: p.contact } : {}) };
  const u = await getUser(p.userId);
  if (!u || u.role !== 'resident')
    throw badRequest('信访人不是本系统的居民', [{ path: 'petitioner.userId', message: '居民不存在' }]);
  return namedResident(u, p.contact ?? u.phone);
}

/** The unit, and for an agent: a live proxy task for the petitioner (the access window) and consent. */
async function checkRegistrar(actor: Actor, body: z.infer<typeof CreatePetitionBody>) {
  if (body.byProxy && !PROXY_ROLES.includes(actor.role))
    throw badRequest('代理代办由红色代办员或网格员进行', [{ path: 'byProxy', message: '当前身份不能代理' }]);
  if (actor.role !== 'agent') return unitInScope(actor, body.unitId);
  if (!body.byProxy) throw badRequest('红色代办员须取得信访人授权后代理', [{ path: 'byProxy', message: '必填' }]);
  if (!body.petitioner.userId || (await relationTo(actor, body.petitioner.userId)) !== 'agent')
    throw forbidden('只能为您正在代办的帮扶对象代理信访');
  const unit = (await getGridItems([body.unitId])).get(body.unitId);
  if (!unit || unit.level !== 'unit') throw badRequest('单元不存在', [{ path: 'unitId', message: '不是有效的单元' }]);
  if (!inScope(actor, unit.path)) throw forbidden('只能在您服务的社区代理');
  return unit;
}

export async function createPetition(actor: Actor, body: z.infer<typeof CreatePetitionBody>, now: string) {
  const unit = await checkRegistrar(actor, body);
  const petitioner = await petitionerOf(body.petitioner);
  if (body.byProxy?.proxyTaskId) {
    const task = await getTask(body.byProxy.proxyTaskId);
    if (!task || task.recipientId !== petitioner.userId || (actor.role === 'agent' && task.agentId !== actor.id))
      throw badRequest('代办任务与信访人不符', [{ path: 'byProxy.proxyTaskId', message: '不是该信访人的代办任务' }]);
  }
  if (body.attachments?.length) await verifyAttachments(actor, body.attachments);
  const source = actor.role === 'street_admin' || actor.role === 'district_admin' ? 'street_forwarded' : 'first_visit';
  const id = newId(Date.parse(now));
  const proxy = body.byProxy
    ? {
        ...actorOf(actor),
        consent: body.byProxy.consent,
        ...(body.byProxy.proxyTaskId ? { proxyTaskId: body.byProxy.proxyTaskId } : {}),
      }
    : undefined;
  const personIds = [...new Set([petitioner.userId, proxy?.id].filter((x): x is string => !!x))];
  const p: PetitionItem = {
    kind: 'petition',
    // the grid tries first, also when the street forwards it
    ...(await newCase(actor, { id, unit, level: 'grid', now, attachments: body.attachments, personIds })),
    subject: body.subject,
    content: body.content,
    channel: body.channel,
    source,
    dueAt: daysLater(now, PETITION_DUE_DAYS.grid),
    overdue: false,
    escalations: 0,
    petitioner,
    ...(proxy ? { proxy } : {}),
  };
  await commitCase({
    after: p,
    action: 'register',
    actor: actorOf(actor),
    as: [actor.role],
    note: proxy
      ? `代理代办（${proxy.name}），已取得授权`
      : source === 'street_forwarded'
        ? '街道转办，网格先行化解'
        : undefined,
    now,
    counters: {
      pet_total: 1,
      [source === 'first_visit' ? 'pet_first_visit' : 'pet_forwarded']: 1,
      [`pet_ch_${body.channel}`]: 1,
      ...(proxy ? { pet_by_proxy: 1 } : {}),
    },
    extra: personIds.map((u) => personPointerPut(p, u)),
    notice: { title: `信访事项：${PETITION_STATUS_NAMES.registered}`, body: `“${body.subject}”已登记，网格将先行化解` },
  });
  return caseView(actor, p, handlerOf(actor), []);
}

async function load(id: string, version?: number) {
  const p = await getCase('petition', id);
  if (!p) throw notFound('信访事项不存在');
  expectVersion(p, version);
  return p;
}

const nameAfter = (move: keyof typeof PETITION_WORKFLOW.moves, p: PetitionItem) => {
  const to = PETITION_WORKFLOW.moves[move].to;
  return PETITION_STATUS_NAMES[to === 'same' ? p.status : to];
};

type StaffMove = 'accept' | 'progress' | 'escalate' | 'reply';
type Bodies = {
  accept: { note?: string; version?: number };
  escalate: { note?: string; version?: number };
  progress: z.infer<typeof ProgressBody>;
  reply: z.infer<typeof ReplyBody>;
};

export async function actOnPetition<M extends StaffMove>(
  actor: Actor,
  id: string,
  move: M,
  body: Bodies[M],
  now: string,
) {
  const p = await load(id, body.version);
  let note = body && 'note' in body ? body.note : undefined;
  const { as } = checkCaseMove(actor, p, move, { note: move === 'reply' ? (body as Bodies['reply']).reply : note });
  const after: PetitionItem = { ...p };
  const by = actorOf(actor);
  const counters: Record<string, number> = {};
  let channel: 'online' | 'offline' | undefined;
  switch (move) {
    case 'progress':
      channel = (body as Bodies['progress']).channel;
      counters[`pet_progress_${channel}`] = 1;
      break;
    case 'escalate': {
      const level = nextLevel(p.level);
      if (!level) throw conflict('已在区级办理，不能再上报', 'INVALID_TRANSITION');
      Object.assign(after, await raised(p, level, now));
      counters.pet_escalated = 1;
      note = `上报${LEVEL_NAMES[level]}${note ? `：${note}` : ''}`;
      break;
    }
    case 'reply': {
      const b = body as Bodies['reply'];
      after.reply = { text: b.reply, channel: b.channel, by, level: p.level, at: now };
      after.dueAt = null;
      channel = b.channel;
      note = b.reply;
      counters.pet_replied = 1;
      counters[`pet_settled_${p.level}`] = 1;
      break;
    }
  }
  const moved = await commitCase({
    before: p,
    after,
    action: move,
    actor: by,
    as,
    note,
    channel,
    now,
    counters,
    notice: {
      title: `信访事项：${nameAfter(move, p)}`,
      body: move === 'reply' ? '已答复，请对办理结果进行评价' : PETITION_WORKFLOW.moves[move].label,
    },
  });
  return caseView(actor, moved.item as PetitionItem, handlerOf(actor));
}

async function raised(p: PetitionItem, level: Level, now: string) {
  return {
    level,
    inbox: await inboxAt(level, p.gridPath),
    dueAt: daysLater(now, PETITION_DUE_DAYS[level]),
    overdue: false,
    escalations: p.escalations + 1,
  };
}

/** 列为重点: a leader in scope names the responsible leader (包案领导) and the plan; updating keeps the count. */
export async function flagKeyCase(actor: Actor, id: string, body: z.infer<typeof KeyCaseBody>, now: string) {
  const p = await load(id, body.version);
  const { as } = checkCaseMove(actor, p, 'flagKey');
  const after: PetitionItem = { ...p };
  after.keyCase = {
    kind: body.kind,
    leaderName: body.leaderName,
    ...(body.leaderId ? { leaderId: body.leaderId } : {}),
    plan: body.plan,
    by: actorOf(actor),
    at: now,
  };
  const counters: Record<string, number> = p.keyCase
    ? {}
    : { pet_key_total: 1, pet_key_open: 1, [`pet_key_${body.kind}`]: 1 };
  const moved = await commitCase({
    before: p,
    after,
    action: 'flagKey',
    actor: actorOf(actor),
    as,
    note: `包案领导：${body.leaderName}`,
    now,
    counters,
    notice: { title: '信访事项', body: '已安排专人包案化解' },
  });
  return caseView(actor, moved.item as PetitionItem, handlerOf(actor));
}

/** The petitioner (or their proxy) rates the reply; staff may record an offline petitioner's evaluation. */
export async function ratePetition(actor: Actor, id: string, body: z.infer<typeof PetitionRatingBody>, now: string) {
  const p = await load(id, body.version);
  const self = p.petitioner.userId === actor.id;
  const proxy = p.proxy?.id === actor.id;
  if (!self && !proxy && !staffTier(actor, p.gridPath)) throw notFound('信访事项不存在');
  const { as } = checkCaseMove(actor, p, 'rate', { anyLevel: true });
  const after: PetitionItem = { ...p };
  after.rating = {
    stars: body.stars,
    ...(body.comment ? { comment: body.comment } : {}),
    recordedBy: actorOf(actor),
    at: now,
  };
  const settledIn = p.reply?.level ?? p.level;
  const satisfied = body.stars >= 3;
  const counters: Record<string, number> = {
    pet_rated: 1,
    pet_stars_sum: body.stars,
    [`pet_stars_${body.stars}`]: 1,
  };
  if (satisfied) counters.pet_satisfied = 1;
  if (p.source === 'first_visit') {
    counters.pet_first_concluded = 1;
    if (satisfied && IN_GRID.includes(settledIn)) counters.pet_first_in_grid = 1;
  }
  if (p.keyCase) Object.assign(counters, { pet_key_open: -1, pet_key_closed: 1 });
  const note = `${RATING_NAMES[body.stars]}${body.comment ? `：${body.comment}` : ''}${self || proxy ? '' : '（工作人员代为记录）'}`;
  const moved = await commitCase({
    before: p,
    after,
    action: 'rate',
    actor: actorOf(actor),
    as,
    note,
    now,
    counters,
    notice: { title: `信访事项：${PETITION_STATUS_NAMES.closed}`, body: '感谢您的评价' },
  });
  const v = self || proxy ? { as: 'person' as const, userId: actor.id } : handlerOf(actor);
  return caseView(actor, moved.item as PetitionItem, v);
}

/** Scheduled: open petitions past their deadline go up one level (at the district: marked overdue). */
export async function petitionSweep(now = new Date().toISOString()) {
  return sweep(
    OUTBOX_SHARDS,
    (shard) => duePetitions(shard, now),
    async (p) => {
      const level = nextLevel(p.level);
      const after: PetitionItem = { ...p, ...(level ? await raised(p, level, now) : { dueAt: null }), overdue: true };
      await commitCase({
        before: p,
        after,
        action: level ? 'autoEscalate' : 'markOverdue',
        actor: SYSTEM,
        as: ['system'],
        note: level ? `超过${LEVEL_NAMES[p.level]}办理时限，自动上报${LEVEL_NAMES[level]}` : '超过办理时限',
        now,
        counters: { pet_overdue: 1, ...(level ? { pet_escalated: 1 } : {}) },
        notice: { title: '信访事项', body: level ? `已转${LEVEL_NAMES[level]}办理` : '正在加快办理' },
      });
    },
  );
}
