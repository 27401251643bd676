/** The office's review (approve / reject / return for 补正), the applicant's supplement and rating. */
import { APPLICATION_STATUS_NAMES, type ApplicationStatus } from '@gridlink/shared/applications';
import {
  applicationEventPut,
  applicationPut,
  getApplication,
  getApplicationWithTimeline,
  listApplicationsOf,
  listReviewQueue,
  type ApplicationItem,
} from '../../data/applications';
import { auditPut, writeAudit } from '../../data/audit';
import { newId } from '../../data/ids';
import { outboxPut } from '../../data/outbox';
import type { PageRequest } from '../../data/query';
import { transact } from '../../data/requests';
import { getService } from '../../data/services';
import { statsUpdates, type Deltas } from '../../data/stats';
import { DomainError, badRequest, forbidden, notFound, versionConflict } from '../errors';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { relationTo } from '../behalf';
import { attachmentLinks, verifyAttachments } from '../uploads';
import { imageKeys, resultNumber, validateForm } from './apply';
import { APPLICATION_TRANSITIONS, nextApplicationStatus, type ApplicationMove } from './transitions';
import { toApplication } from './view';

const isOffice = (actor: Actor, a: ApplicationItem) => actor.role === 'office' && inScope(actor, a.gridPath);
const isOwner = (actor: Actor, a: ApplicationItem) => a.applicantId === actor.id || a.actedBy?.id === actor.id;

async function load(id: string, version?: number) {
  const a = await getApplication(id);
  if (!a) throw notFound('办件不存在');
  if (version !== undefined && version !== a.version) throw versionConflict();
  return a;
}

async function commit(
  before: ApplicationItem,
  after: ApplicationItem,
  actor: Actor,
  move: string,
  note: string | undefined,
  now: string,
  counters: Deltas,
) {
  try {
    await transact([
      applicationPut(after, { version: before.version, status: before.status }),
      applicationEventPut(after.id, {
        id: newId(Date.parse(now)),
        at: now,
        actorId: actor.id,
        actorName: actor.name,
        actorRole: actor.role,
        action: move,
        from: before.status,
        to: after.status,
        note,
      }),
      ...statsUpdates(after.gridPath, counters, now),
      auditPut({
        actorId: actor.id,
        actorRole: actor.role,
        action: `application.${move}`,
        target: `application:${after.id}`,
        from: before.status,
        to: after.status,
        at: now,
      }),
      outboxPut({
        userIds: [...new Set([after.applicantId, ...(after.actedBy ? [after.actedBy.id] : [])])],
        template: 'application_status',
        title: `${after.serviceName}：${APPLICATION_STATUS_NAMES[after.status]}`,
        body: note ?? APPLICATION_TRANSITIONS[move as ApplicationMove]?.label ?? '已评价',
        page: `/pkg-services/pages/application/index?id=${after.id}`,
        at: now,
      }),
    ]);
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException') throw versionConflict();
    throw e;
  }
  return toApplication(after, { withForm: true });
}

const statusDelta = (from: ApplicationStatus, to: ApplicationStatus): Deltas => ({
  [`apps_${from}`]: -1,
  [`apps_${to}`]: 1,
});

export async function review(
  actor: Actor,
  id: string,
  move: 'approve' | 'reject' | 'return',
  note: string | undefined,
  version: number | undefined,
  now: string,
) {
  const a = await load(id, version);
  if (!isOffice(actor, a)) throw forbidden('只有本社区便民服务站可以审核');
  const to = nextApplicationStatus(move, a.status);
  if (!to)
    throw new DomainError(
      'INVALID_TRANSITION',
      `当前状态（${APPLICATION_STATUS_NAMES[a.status]}）不能${APPLICATION_TRANSITIONS[move].label}`,
    );
  if (APPLICATION_TRANSITIONS[move].noteRequired && !note)
    throw badRequest(move === 'return' ? '请写明需要补正的内容' : '请填写原因', [{ path: 'note', message: '必填' }]);
  const after: ApplicationItem = {
    ...a,
    status: to,
    version: a.version + 1,
    updatedAt: now,
    ...(note ? { note } : {}),
  };
  const counters = statusDelta(a.status, to);
  if (to === 'completed') {
    after.resultNumber = resultNumber(now, a.id);
    after.completedAt = now;
    counters.apps_days_sum = Math.max(0, Math.round((Date.parse(now) - Date.parse(a.createdAt)) / 86400_000));
  }
  return commit(a, after, actor, move, note, now, counters);
}

export async function supplement(
  actor: Actor,
  id: string,
  body: { form: unknown; note?: string; version?: number },
  now: string,
) {
  const a = await load(id, body.version);
  if (!isOwner(actor, a)) throw forbidden('只有申请人可以补正');
  if (a.actedBy?.id === actor.id && a.applicantId !== actor.id && !(await relationTo(actor, a.applicantId)))
    throw forbidden('代办已结束，不能再代为补正');
  const to = nextApplicationStatus('supplement', a.status);
  if (!to) throw new DomainError('INVALID_TRANSITION', '只有退回补正的办件可以补正');
  const service = await getService(a.serviceCode);
  const form = validateForm(service!.fields, body.form);
  const keys = imageKeys(service!.fields, form).filter((k) => !a.attachments.includes(k));
  if (keys.length) await verifyAttachments(actor, keys);
  const after: ApplicationItem = {
    ...a,
    status: to,
    version: a.version + 1,
    updatedAt: now,
    form,
    attachments: [...new Set([...a.attachments, ...keys])],
    note: undefined,
  };
  return commit(a, after, actor, 'supplement', body.note, now, statusDelta(a.status, to));
}

export async function rateApplication(
  actor: Actor,
  id: string,
  stars: number,
  comment: string | undefined,
  now: string,
) {
  const a = await load(id);
  if (!isOwner(actor, a)) throw forbidden('只有申请人可以评价');
  if (a.status !== 'completed') throw new DomainError('INVALID_TRANSITION', '办结后才能评价');
  if (a.rating) throw new DomainError('CONFLICT', '已经评价过了');
  const after: ApplicationItem = {
    ...a,
    version: a.version + 1,
    updatedAt: now,
    rating: { stars, ...(comment ? { comment } : {}), at: now },
  };
  return commit(a, after, actor, 'rate', comment, now, {
    apps_rated: 1,
    apps_stars_sum: stars,
    [`apps_stars_${stars}`]: 1,
  });
}

/** Applicant, whoever acted for them, and the office of their community may read; office reads are audited. */
export async function readApplication(actor: Actor, id: string) {
  const found = await getApplicationWithTimeline(id);
  if (!found) throw notFound('办件不存在');
  const a = found.application;
  const owner = isOwner(actor, a) || found.actorIds.includes(actor.id);
  if (!owner && !isOffice(actor, a)) throw notFound('办件不存在');
  if (!owner)
    await writeAudit({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'pii.read',
      target: `application:${a.id}`,
      at: new Date().toISOString(),
    });
  const out = toApplication(a, { events: found.events, withForm: true });
  out.attachments = await attachmentLinks(a.attachments);
  return out;
}

export async function listApplications(
  actor: Actor,
  q: PageRequest & { view: 'mine' | 'review'; status?: ApplicationStatus },
) {
  const page = { limit: q.limit, cursor: q.cursor };
  if (q.view === 'mine') {
    const p = await listApplicationsOf(actor.id, page);
    const items = q.status ? p.items.filter((a) => a.status === q.status) : p.items;
    return { items: items.map((a) => toApplication(a)), nextCursor: p.nextCursor };
  }
  if (actor.role !== 'office') throw forbidden('只有便民服务站有审核队列');
  const p = await listReviewQueue(actor.gridIds[0], page);
  return { items: p.items.map((a) => toApplication(a)), nextCursor: p.nextCursor };
}
