/** The application workflow bound to its storage: every change to an application goes through the kernel. */
import { APPLICATION_WORKFLOW } from '@gridlink/shared/workflows/applications';
import {
  applicationActorPut,
  applicationEventPut,
  applicationPut,
  type ApplicationEventItem,
  type ApplicationItem,
} from '../../data/applications';
import type { Binding } from '../workflow/kernel';

export const APPLICATION_BINDING: Binding<ApplicationItem> = {
  workflow: APPLICATION_WORKFLOW,
  put: (after, expected) =>
    applicationPut(after, expected as { version: number; status: ApplicationItem['status'] } | undefined),
  eventPut: (after, e) => applicationEventPut(after.id, e as unknown as ApplicationEventItem),
  gridPath: (a) => a.gridPath,
  counterPrefix: 'apps',
  notice: ({ after, before, note, label }) => ({
    userIds: [...new Set([after.applicantId, ...(after.actedBy ? [after.actedBy.id] : [])])],
    template: 'application_status',
    title: `${after.serviceName}：${APPLICATION_WORKFLOW.stateNames[after.status]}`,
    body: before
      ? (note ?? label)
      : after.status === 'completed'
        ? `办件编号 ${after.resultNumber}`
        : '已提交，社区便民服务站将尽快审核',
    page: `/pkg-services/pages/application/index?id=${after.id}`,
  }),
  // whoever acted for the applicant keeps a pointer (their list, the access window)
  derived: ({ before, after, actor }) => (!before && after.actedBy ? [applicationActorPut(after, actor.id)] : []),
};
