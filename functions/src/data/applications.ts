import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationStatus } from '@gridlink/shared/applications';
import { db, table } from './client';
import { conditionalPut, fromItem } from './item';
import { keys } from './keys';
import { readPartition } from './partition';
import { queryMerged, queryPage, type PageRequest } from './query';
import { getMany } from './batch';

export interface ApplicationItem {
  id: string;
  status: ApplicationStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  serviceCode: string;
  serviceName: string;
  onlineDirect: boolean;
  promisedDays?: number;
  applicantId: string;
  applicantName: string;
  actedBy?: { id: string; name: string; role: string };
  communityId: string;
  gridPath: string[];
  dueAt: string;
  resultNumber?: string;
  completedAt?: string;
  note?: string;
  rating?: { stars: number; comment?: string; at: string };
  form: Record<string, unknown>;
  attachments: string[];
}

export interface ApplicationEventItem {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  action: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  note?: string;
}

const strip = (i: Record<string, unknown>) => fromItem<Record<string, unknown>>(i);

export function applicationItem(a: ApplicationItem) {
  return {
    ...keys.application(a.id),
    ...keys.applicationsOf(a.applicantId, a.createdAt, a.id),
    ...(a.status === 'under_review' ? keys.reviewQueue(a.communityId, a.createdAt, a.id) : {}),
    type: 'application',
    ...a,
  };
}

export const applicationPut = (a: ApplicationItem, expected?: { version: number; status: ApplicationStatus }) =>
  conditionalPut(applicationItem(a), expected);

export const applicationEventPut = (appId: string, e: ApplicationEventItem) => ({
  Put: { TableName: table(), Item: { ...keys.applicationEvent(appId, e.at, e.id), type: 'app_event', ...e } },
});

export const applicationActorPut = (a: ApplicationItem, actorId: string) => ({
  Put: {
    TableName: table(),
    Item: { ...keys.applicationActor(a.id, actorId, a.createdAt), type: 'app_actor', applicationId: a.id },
  },
});

export async function getApplication(id: string): Promise<ApplicationItem | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.application(id) }));
  return Item ? (strip(Item) as unknown as ApplicationItem) : undefined;
}

export async function getApplicationWithTimeline(id: string) {
  const items = await readPartition(keys.applicationPartition(id));
  const app = items.find((i) => i.SK === keys.application(id).SK);
  if (!app) return undefined;
  return {
    application: strip(app) as unknown as ApplicationItem,
    events: items.filter((i) => i.type === 'app_event').map((i) => strip(i) as unknown as ApplicationEventItem),
    actorIds: items.filter((i) => i.type === 'app_actor').map((i) => keys.applicationActorIdOf(i.SK as string)),
  };
}

/** Own applications, those made for me and those I made for others: one Query + one BatchGet. */
export async function listApplicationsOf(userId: string, page: PageRequest) {
  const p = await queryPage({ index: 'GSI1', pk: keys.applicationsOfPk(userId), newestFirst: true }, page, (i) =>
    i.type === 'app_actor' ? (i.applicationId as string) : (i.id as string),
  );
  const items = await getMany(p.items.map((id) => keys.application(id)));
  return { items: items.map((i) => strip(i) as unknown as ApplicationItem), nextCursor: p.nextCursor };
}

/** the review queue of the communities served (several: one page merged newest first) */
export function listReviewQueue(communityIds: readonly string[], page: PageRequest) {
  return queryMerged(
    { index: 'GSI2', newestFirst: true, sources: communityIds.map((c) => ({ pk: keys.reviewQueuePk(c) })) },
    page,
    (i) => strip(i) as unknown as ApplicationItem,
  );
}
