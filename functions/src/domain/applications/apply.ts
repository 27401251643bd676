/** Applying for a service: validate the form against the service's field list; online-direct ones complete at once. */
import type * as z from 'zod';
import type { CreateApplicationBody } from '@gridlink/shared/applications';
import { formSchema } from '@gridlink/shared/fields';
import type { ApplicationItem } from '../../data/applications';
import { getGridItems } from '../../data/grids';
import { newId } from '../../data/ids';
import { getService } from '../../data/services';
import { actorUser, getUser } from '../../data/users';
import { badRequest, forbidden, notFound, zodDetails } from '../errors';
import type { Actor } from '../../auth/actor';
import { relationTo } from '../behalf';
import { verifyAttachments } from '../uploads';
import { commit } from '../workflow/kernel';
import { APPLICATION_BINDING } from './binding';
import { viewApplication } from './view';

const DAY = 86400_000;

export function validateForm(fields: Parameters<typeof formSchema>[0], form: unknown) {
  const res = (formSchema(fields) as z.ZodType).safeParse(form, { reportInput: true });
  if (!res.success) throw badRequest('表单填写有误，请检查后重试', zodDetails(res.error, 'form'));
  return res.data as Record<string, unknown>;
}

/** Image fields hold upload keys: they are attachments too and are verified the same way. */
export function imageKeys(fields: { name: string; type: string }[], form: Record<string, unknown>) {
  return fields
    .filter((f) => f.type === 'image')
    .flatMap((f) => (Array.isArray(form[f.name]) ? (form[f.name] as string[]) : []));
}

/** N working days later (Monday–Friday, Beijing time; public holidays not modelled); 0 = by the next day. */
export function addWorkingDays(from: string, days: number): string {
  const d = new Date(Date.parse(from));
  if (days <= 0) return new Date(d.getTime() + DAY).toISOString();
  let left = days;
  while (left > 0) {
    d.setTime(d.getTime() + DAY);
    const weekday = new Date(d.getTime() + 8 * 3600_000).getUTCDay(); // Beijing
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d.toISOString();
}

export const resultNumber = (now: string, id: string) => `HZ${now.slice(0, 10).replace(/-/g, '')}${id.slice(-6)}`;

export async function apply(actor: Actor, body: CreateApplicationBody, now: string) {
  const service = await getService(body.serviceCode);
  if (!service) throw notFound('事项不存在，请从事项清单中选择');
  const applicantId = body.onBehalfOf ?? actor.id;
  if (body.onBehalfOf && body.onBehalfOf !== actor.id && !(await relationTo(actor, body.onBehalfOf)))
    throw forbidden('代办需要有进行中的代办任务或已确认的家属关系');
  const applicant = applicantId === actor.id ? await actorUser(actor) : await getUser(applicantId);
  if (!applicant) throw notFound('申请人不存在');
  if (!applicant.unitId)
    throw badRequest('申请人尚未绑定居住单元，无法确定受理社区', [{ path: 'onBehalfOf', message: '未绑定单元' }]);
  const form = validateForm(service.fields, body.form);
  const attachments = [...imageKeys(service.fields, form), ...(body.attachments ?? [])];
  if (attachments.length) await verifyAttachments(actor, attachments);
  const unit = (await getGridItems([applicant.unitId])).get(applicant.unitId);
  if (!unit) throw badRequest('申请人的单元不存在');

  const id = newId(Date.parse(now));
  const direct = service.onlineDirect;
  const app: ApplicationItem = {
    id,
    status: direct ? 'completed' : 'under_review',
    version: 1,
    createdAt: now,
    updatedAt: now,
    serviceCode: service.code,
    serviceName: service.name,
    onlineDirect: direct,
    promisedDays: service.promisedDays,
    applicantId,
    applicantName: applicant.name,
    ...(applicantId !== actor.id ? { actedBy: { id: actor.id, name: actor.name, role: actor.role } } : {}),
    communityId: unit.path[2],
    gridPath: unit.path,
    dueAt: addWorkingDays(now, service.promisedDays),
    ...(direct ? { resultNumber: resultNumber(now, id), completedAt: now } : {}),
    form,
    attachments,
  };
  const { item } = await commit(APPLICATION_BINDING, {
    move: direct ? 'completeDirect' : 'submit',
    actor,
    as: ['owner'],
    after: app,
    note: app.actedBy ? `由${actor.name}代办` : undefined,
    now,
    counters: {
      apps_total: 1,
      ...(direct ? { apps_online_direct: 1 } : {}),
      [`svc_${service.code.replace(/-/g, '_')}`]: 1,
    },
  });
  // the applicant, or whoever may act for them right now (checked above): the full form, audited if not theirs
  return viewApplication(actor, item, app.actedBy ? 'agent-in-window' : 'owner', { events: [], withForm: true });
}
