/** The office's review (approve / reject / return for 补正), the applicant's supplement and rating. */
import type { ApplicationStatus } from '@gridlink/shared/applications';
import { APPLICATION_WORKFLOW } from '@gridlink/shared/workflows/applications';
import {
  getApplication,
  getApplicationWithTimeline,
  listApplicationsOf,
  listReviewQueue,
  type ApplicationItem,
} from '../../data/applications';
import { servedCommunities } from '../staff/served';
import type { PageRequest } from '../../data/query';
import { getService } from '../../data/services';
import type { Deltas } from '../../data/stats';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { relationTo } from '../behalf';
import { attachmentLinks, verifyAttachments } from '../uploads';
import { imageKeys, resultNumber, validateForm } from './apply';
import { check, commit, expectVersion } from '../workflow/kernel';
import { APPLICATION_BINDING } from './binding';
import { readerOf, viewApplication } from './view';

const isOffice = (actor: Actor, a: ApplicationItem) => actor.role === 'office' && inScope(actor, a.gridPath);
const isOwner = (actor: Actor, a: ApplicationItem) => a.applicantId === actor.id || a.actedBy?.id === actor.id;

/** office = the service office of the applicant's community; owner = the applicant or whoever acted for them */
const relationsOf = (actor: Actor, a: ApplicationItem) => [
  ...(isOwner(actor, a) ? ['owner'] : []),
  ...(isOffice(actor, a) ? ['office'] : []),
];

async function load(id: string, version?: number) {
  const a = await getApplication(id);
  if (!a) throw notFound('办件不存在');
  expectVersion(a, version);
  return a;
}

type Move = keyof typeof APPLICATION_WORKFLOW.moves;
type MoveInput = { move: Move; before: ApplicationItem; after: ApplicationItem; note?: string; counters?: Deltas };

async function move(actor: Actor, m: MoveInput, refusal: string, now: string) {
  const { item } = await commit(APPLICATION_BINDING, { ...m, actor, as: relationsOf(actor, m.before), refusal, now });
  const reader = await readerOf(actor, item);
  return viewApplication(actor, item, reader ?? 'acted', { withForm: true });
}

const NOTE_MESSAGE: Partial<Record<Move, string>> = { return: '请写明需要补正的内容', reject: '请填写原因' };

export async function review(
  actor: Actor,
  id: string,
  m: 'approve' | 'reject' | 'return',
  note: string | undefined,
  version: number | undefined,
  now: string,
) {
  const a = await load(id, version);
  const refusal = '只有本社区便民服务站可以审核';
  if (APPLICATION_WORKFLOW.moves[m].noteRequired && !note?.trim() && relationsOf(actor, a).includes('office'))
    throw badRequest(NOTE_MESSAGE[m]!, [{ path: 'note', message: '必填' }]);
  const to = check(APPLICATION_WORKFLOW, { move: m, as: relationsOf(actor, a), refusal, before: a, note });
  const after: ApplicationItem = { ...a, ...(note ? { note } : {}) };
  const counters: Deltas = {};
  if (to === 'completed') {
    after.resultNumber = resultNumber(now, a.id);
    after.completedAt = now;
    counters.apps_days_sum = Math.max(0, Math.round((Date.parse(now) - Date.parse(a.createdAt)) / 86400_000));
  }
  return move(actor, { move: m, before: a, after, note, counters }, refusal, now);
}

export async function supplement(
  actor: Actor,
  id: string,
  body: { form: unknown; note?: string; version?: number },
  now: string,
) {
  const a = await load(id, body.version);
  const refusal = '只有申请人可以补正';
  check(APPLICATION_WORKFLOW, { move: 'supplement', as: relationsOf(actor, a), refusal, before: a });
  if (a.actedBy?.id === actor.id && a.applicantId !== actor.id && !(await relationTo(actor, a.applicantId)))
    throw forbidden('代办已结束，不能再代为补正');
  const service = await getService(a.serviceCode);
  const form = validateForm(service!.fields, body.form);
  const keys = imageKeys(service!.fields, form).filter((k) => !a.attachments.includes(k));
  if (keys.length) await verifyAttachments(actor, keys);
  const after: ApplicationItem = {
    ...a,
    form,
    attachments: [...new Set([...a.attachments, ...keys])],
    note: undefined,
  };
  return move(actor, { move: 'supplement', before: a, after, note: body.note }, refusal, now);
}

export async function rateApplication(
  actor: Actor,
  id: string,
  stars: number,
  comment: string | undefined,
  now: string,
) {
  const a = await load(id);
  const refusal = '只有申请人可以评价';
  check(APPLICATION_WORKFLOW, { move: 'rate', as: relationsOf(actor, a), refusal, before: a });
  if (a.rating) throw conflict('已经评价过了');
  const after: ApplicationItem = { ...a, rating: { stars, ...(comment ? { comment } : {}), at: now } };
  const counters = { apps_rated: 1, apps_stars_sum: stars, [`apps_stars_${stars}`]: 1 };
  return move(actor, { move: 'rate', before: a, after, note: comment, counters }, refusal, now);
}

/** Applicant, whoever acted for them (masked once the window closed), and the office of their community may read. */
export async function readApplication(actor: Actor, id: string) {
  const found = await getApplicationWithTimeline(id);
  if (!found) throw notFound('办件不存在');
  const a = found.application;
  const reader = await readerOf(actor, a, found.actorIds);
  if (!reader) throw notFound('办件不存在');
  const out = await viewApplication(actor, a, reader, { events: found.events, withForm: true });
  if (out.attachments?.length) out.attachments = await attachmentLinks(a.attachments);
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
    // filed for someone else: still listed, the applicant's name masked once the window closed
    const views = items.map(async (a) => viewApplication(actor, a, (await readerOf(actor, a, [actor.id])) ?? 'acted'));
    return { items: await Promise.all(views), nextCursor: p.nextCursor };
  }
  if (actor.role !== 'office') throw forbidden('只有便民服务站有审核队列');
  const p = await listReviewQueue(await servedCommunities(actor), page);
  return {
    items: await Promise.all(p.items.map((a) => viewApplication(actor, a, 'office'))),
    nextCursor: p.nextCursor,
  };
}
