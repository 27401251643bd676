/**
 * 矛盾纠纷: registered (by staff, or from a resident's 邻里纠纷 request) → mediating (sessions) →
 * agreed (调解协议书) | failed (referred on) → closed after a follow-up visit. Who mediated at which
 * level is recorded with the agreement, so "on the spot by grid workers" and "by community
 * mediators" are counted as they happen.
 */
import type * as z from 'zod';
import { DISPUTE_WORKFLOW } from '@gridlink/shared/workflows/cases';
import type { AgreeBody, CloseDisputeBody, CreateDisputeBody, FailBody, SessionBody } from '@gridlink/shared/cases';
import { DISPUTE_KIND_NAMES, DISPUTE_STATUS_NAMES, LEVEL_NAMES, REFERRAL_NAMES } from '@gridlink/shared/names';
import {
  getCase,
  getRequestDispute,
  personPointerPut,
  requestToDisputeItems,
  type DisputeItem,
} from '../../data/cases';
import { getGridItems } from '../../data/grids';
import { newId } from '../../data/ids';
import { eventPut, getRequest } from '../../data/requests';
import { getUser } from '../../data/users';
import { badRequest, conflict, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { nextLevel } from '../requests/routing';
import { verifyAttachments } from '../uploads';
import { expectVersion } from '../workflow/kernel';
import { actorOf, checkCaseMove, commitCase, inboxAt, newCase, namedResident, staffTier, unitInScope } from './common';

export type DisputeMove = 'session' | 'escalate' | 'agree' | 'fail' | 'close';
import { caseView, handlerOf } from './view';

/** request categories that can become a dispute, and the dispute type they become */
const FROM_CATEGORY: Record<string, DisputeItem['disputeKind']> = { 'neighbor-dispute': 'neighbor' };
/** disputes go up to the street's mediation committee; beyond it: fail and refer (court guidance) */
const TOP_LEVEL = 'street';

type Party = DisputeItem['parties'][number];

async function partiesOf(input: NonNullable<z.infer<typeof CreateDisputeBody>['parties']>): Promise<Party[]> {
  return Promise.all(
    input.map(async (p, i): Promise<Party> => {
      if (!p.userId) return { role: p.role, name: p.name!, ...(p.contact ? { contact: p.contact } : {}) };
      const u = await getUser(p.userId);
      if (!u || u.role !== 'resident')
        throw badRequest('当事人不是本系统的居民', [{ path: `parties.${i}.userId`, message: '居民不存在' }]);
      return { role: p.role, ...(await namedResident(u, p.contact ?? u.phone)) };
    }),
  );
}

export async function createDispute(actor: Actor, body: z.infer<typeof CreateDisputeBody>, now: string) {
  let unitId = body.unitId;
  const parties = await partiesOf(body.parties ?? []);
  let kind = body.kind;
  let fromRequest: Awaited<ReturnType<typeof getRequest>>;
  if (body.fromRequestId) {
    fromRequest = await getRequest(body.fromRequestId);
    if (!fromRequest || !staffTier(actor, fromRequest.gridPath)) throw notFound('诉求不存在');
    if (!FROM_CATEGORY[fromRequest.category])
      throw badRequest('只有邻里纠纷类诉求可以转为纠纷调解', [{ path: 'fromRequestId', message: '类别不符' }]);
    if (fromRequest.status === 'rejected') throw conflict('该诉求已不予受理', 'INVALID_TRANSITION');
    const linked = await getRequestDispute(fromRequest.id);
    if (linked) throw conflict(`该诉求已转为纠纷调解（${linked}）`);
    unitId ??= fromRequest.unitId;
    kind = FROM_CATEGORY[fromRequest.category];
    if (!parties.some((p) => p.userId === fromRequest!.reporterId)) {
      const u = await getUser(fromRequest.reporterId);
      parties.unshift({
        role: 'applicant',
        ...(u ? await namedResident(u, u.phone) : { userId: fromRequest.reporterId, name: fromRequest.reporterName }),
      });
    }
  }
  if (parties.length < 2) throw badRequest('纠纷至少有两方当事人', [{ path: 'parties', message: '至少两方当事人' }]);
  const unit = await unitInScope(actor, unitId);
  if (body.attachments?.length) await verifyAttachments(actor, body.attachments);
  const tier = staffTier(actor, unit.path)!;
  const level = tier === 'district' ? TOP_LEVEL : tier;
  const id = newId(Date.parse(now));
  const personIds = [...new Set(parties.flatMap((p) => (p.userId ? [p.userId] : [])))];
  const d: DisputeItem = {
    kind: 'dispute',
    ...(await newCase(actor, { id, unit, level, now, attachments: body.attachments, personIds })),
    disputeKind: kind,
    facts: body.facts,
    parties,
    sessions: [],
    ...(fromRequest ? { fromRequestId: fromRequest.id } : {}),
  };
  const extra: unknown[] = personIds.map((u) => personPointerPut(d, u));
  if (fromRequest) {
    // both timelines name the other: the request's gets an event (its status does not change)
    const r = fromRequest;
    extra.push(...requestToDisputeItems(r.id, r.version, id, now));
    extra.push(
      eventPut(r.id, {
        id: newId(Date.parse(now)),
        at: now,
        actorId: actor.id,
        actorName: actor.name,
        actorRole: actor.role,
        action: 'toDispute',
        from: r.status,
        to: r.status,
        level: r.level,
        note: `已转为矛盾纠纷调解（纠纷编号 ${id}）`,
      }),
    );
  }
  await commitCase({
    after: d,
    action: 'register',
    actor: actorOf(actor),
    as: [actor.role],
    note: fromRequest ? `由诉求 ${fromRequest.id}（${fromRequest.categoryName}）转为纠纷调解` : undefined,
    now,
    counters: {
      disp_total: 1,
      [`disp_kind_${kind}`]: 1,
      ...(fromRequest ? { disp_from_request: 1 } : {}),
    },
    extra,
    notice: { title: `${DISPUTE_KIND_NAMES[kind]}：已登记`, body: '网格员已登记您的纠纷，将尽快组织调解' },
  });
  return caseView(actor, d, handlerOf(actor), []);
}

async function load(id: string, version?: number) {
  const d = await getCase('dispute', id);
  if (!d) throw notFound('纠纷不存在');
  expectVersion(d, version);
  return d;
}

type Bodies = {
  session: z.infer<typeof SessionBody>;
  escalate: { note?: string; version?: number };
  agree: z.infer<typeof AgreeBody>;
  fail: z.infer<typeof FailBody>;
  close: z.infer<typeof CloseDisputeBody>;
};

export async function actOnDispute<M extends DisputeMove>(
  actor: Actor,
  id: string,
  move: M,
  body: Bodies[M],
  now: string,
) {
  const d = await load(id, body.version);
  const { tier, as } = checkCaseMove(actor, d, move, { note: 'note' in body ? body.note : undefined });
  const after: DisputeItem = { ...d };
  const counters: Record<string, number> = {};
  const by = actorOf(actor);
  let note: string | undefined;
  let body_ = '';
  switch (move) {
    case 'session': {
      const b = body as Bodies['session'];
      if (d.sessions.length >= 30) throw conflict('调解记录已达 30 次，请结案或引导分流');
      after.sessions = [
        ...d.sessions,
        {
          id: newId(Date.parse(now)),
          date: b.date,
          place: b.place,
          participants: b.participants,
          notes: b.notes,
          by,
          level: tier,
          at: now,
        },
      ];
      counters.disp_sessions = 1;
      note = `${b.date} 在${b.place}调解：${b.notes}`;
      body_ = `${b.date} 在${b.place}组织调解`;
      break;
    }
    case 'escalate': {
      const level = nextLevel(d.level);
      if (!level || d.level === TOP_LEVEL)
        throw conflict('已在街道调解，请选择“调解未成”并引导诉讼', 'INVALID_TRANSITION');
      after.level = level;
      after.inbox = await inboxAt(level, d.gridPath);
      counters.disp_escalated = 1;
      const n = (body as Bodies['escalate']).note;
      note = n ? `提交${LEVEL_NAMES[level]}调解：${n}` : `提交${LEVEL_NAMES[level]}调解`;
      body_ = `已提交${LEVEL_NAMES[level]}调解`;
      break;
    }
    case 'agree': {
      const b = body as Bodies['agree'];
      const names = await getGridItems([d.gridPath[1], d.gridPath[2]]);
      const org =
        (tier === 'street' || tier === 'district' ? names.get(d.gridPath[1]) : names.get(d.gridPath[2]))?.name ?? '';
      after.mediator = { ...by, level: tier };
      after.agreement = {
        number: `海调〔${now.slice(0, 4)}〕${d.id.slice(-6)}号`,
        terms: b.terms,
        ...(b.performBy ? { performBy: b.performBy } : {}),
        signedAt: now,
        organisation: `${org}人民调解委员会`,
      };
      counters.disp_agreed_total = 1;
      counters[`disp_mediated_${tier}`] = 1;
      counters[`disp_${d.disputeKind}_agreed`] = 1;
      note = `达成调解协议（${LEVEL_NAMES[tier]}调解）`;
      body_ = '已达成调解协议，可查看调解协议书';
      break;
    }
    case 'fail': {
      const b = body as Bodies['fail'];
      after.mediator = { ...by, level: tier };
      after.referral = { to: b.referral, ...(b.referralNote ? { note: b.referralNote } : {}), reason: b.note, at: now };
      counters.disp_failed_total = 1;
      counters[`disp_ref_${b.referral}`] = 1;
      counters[`disp_${d.disputeKind}_failed`] = 1;
      note = `调解未成：${b.note}；引导至${REFERRAL_NAMES[b.referral]}${b.referralNote ? `（${b.referralNote}）` : ''}`;
      body_ = `调解未成，已引导至${REFERRAL_NAMES[b.referral]}`;
      break;
    }
    case 'close': {
      const b = body as Bodies['close'];
      if (d.status === 'agreed' && b.fulfilled === undefined)
        throw badRequest('请确认协议是否履行', [{ path: 'fulfilled', message: '必填' }]);
      after.followUp = { note: b.note, ...(b.fulfilled !== undefined ? { fulfilled: b.fulfilled } : {}), by, at: now };
      if (b.fulfilled) counters.disp_fulfilled = 1;
      note = `回访：${b.note}`;
      body_ = '回访完成，纠纷已结案';
      break;
    }
  }
  const to = DISPUTE_WORKFLOW.moves[move].to;
  const toName = DISPUTE_STATUS_NAMES[to === 'same' ? d.status : to];
  const moved = await commitCase({
    before: d,
    after,
    action: move,
    actor: by,
    as,
    note,
    now,
    counters,
    notice: { title: `${DISPUTE_KIND_NAMES[d.disputeKind]}：${toName}`, body: body_ },
  });
  return caseView(actor, moved.item, handlerOf(actor));
}
