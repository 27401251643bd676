/**
 * Disputes (矛盾纠纷) and petitions (信访) in the table. Both are "cases": an item whose index
 * attributes are derived from its state (community list, inbox, deadline), timeline events and
 * person pointers in the same partition, so a detail is one Query.
 */
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Consent } from '@gridlink/shared/proxy';
import { isOpenState } from '@gridlink/shared/workflow';
import { PETITION_WORKFLOW } from '@gridlink/shared/workflows/cases';
import type { Level } from '@gridlink/shared/requests';
import type { DisputeKind, DisputeStatus, PetitionStatus, Referral } from '@gridlink/shared/names';
import { db, table } from './client';
import { conditionalPut, fromItem } from './item';
import { keys } from './keys';
import { readPartition } from './partition';
import { shardOf } from './outbox';
import { queryMerged, queryPage, type PageRequest } from './query';

export type CaseKind = 'dispute' | 'petition';
export interface CaseActor {
  id: string;
  name: string;
  role: string;
}
export interface PersonItem {
  userId?: string;
  name: string;
  contact?: string;
  /** a resident's unit (district … unit), recorded when named: who may see their contact (grid scope) */
  unitPath?: string[];
}

interface CaseBase {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  unitId: string;
  unitName: string;
  /** district … unit */
  gridPath: string[];
  level: Level;
  /** the grid that must act now */
  inbox: string;
  registeredBy: CaseActor;
  attachments: string[];
  /** residents who may read it as party, petitioner or proxy (each has a pointer item) */
  personIds: string[];
}

export interface DisputeItem extends CaseBase {
  kind: 'dispute';
  status: DisputeStatus;
  disputeKind: DisputeKind;
  facts: string;
  parties: (PersonItem & { role: 'applicant' | 'respondent' })[];
  fromRequestId?: string;
  sessions: {
    id: string;
    date: string;
    place: string;
    participants: string[];
    notes: string;
    by: CaseActor;
    level: Level;
    at: string;
  }[];
  mediator?: CaseActor & { level: Level };
  agreement?: { number: string; terms: string; performBy?: string; signedAt: string; organisation: string };
  referral?: { to: Referral; note?: string; reason: string; at: string };
  followUp?: { note: string; fulfilled?: boolean; by: CaseActor; at: string };
}

export interface PetitionItem extends CaseBase {
  kind: 'petition';
  status: PetitionStatus;
  subject: string;
  content: string;
  channel: 'visit' | 'letter' | 'phone' | 'online';
  source: 'first_visit' | 'street_forwarded';
  petitioner: PersonItem;
  proxy?: CaseActor & { consent: Consent; proxyTaskId?: string };
  dueAt: string | null;
  overdue: boolean;
  escalations: number;
  keyCase?: {
    kind: 'key_person' | 'backlog';
    leaderName: string;
    leaderId?: string;
    plan: string;
    by: CaseActor;
    at: string;
  };
  reply?: { text: string; channel: 'online' | 'offline'; by: CaseActor; level: Level; at: string };
  rating?: { stars: number; comment?: string; recordedBy: CaseActor; at: string };
}

export type CaseItem = DisputeItem | PetitionItem;

export interface CaseEventItem {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  action: string;
  from: string | null;
  to: string;
  level: Level;
  note?: string;
  channel?: 'online' | 'offline';
}

const PREFIX = { dispute: 'DISP', petition: 'PET' } as const;
const keyOf = (kind: CaseKind, id: string) => (kind === 'dispute' ? keys.dispute(id) : keys.petition(id));
export const partitionOf = (kind: CaseKind, id: string) =>
  kind === 'dispute' ? keys.disputePartition(id) : keys.petitionPartition(id);
export const isOpenPetition = (s: PetitionStatus) => isOpenState(PETITION_WORKFLOW, s);

const strip = (i: Record<string, unknown>) => fromItem<Record<string, unknown>>(i);

/** The full item: keys and index attributes derived from state, in this one place. */
export function caseItem(c: CaseItem) {
  const p = PREFIX[c.kind];
  const due =
    c.kind === 'petition' && isOpenPetition(c.status) && c.dueAt ? keys.petitionDue(shardOf(c.id), c.dueAt, c.id) : {};
  return {
    ...keyOf(c.kind, c.id),
    ...keys.casesIn(p, c.gridPath[2], c.createdAt, c.id),
    ...keys.caseInbox(p, c.inbox, c.createdAt, c.id),
    ...due,
    type: c.kind,
    ...c,
  };
}

export const casePut = (c: CaseItem) => conditionalPut(caseItem(c));

/** Replace the case if it is still at the version and status that were read. */
export const caseReplace = (next: CaseItem, expected: { version: number; status: string }) =>
  conditionalPut(caseItem(next), expected);

export const caseEventPut = (c: CaseItem, e: CaseEventItem) => ({
  Put: {
    TableName: table(),
    Item: { ...keys.caseEvent(partitionOf(c.kind, c.id), e.at, e.id), type: 'caseEvent', ...e },
  },
});

export const personPointerPut = (c: CaseItem, userId: string) => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.casePerson(partitionOf(c.kind, c.id), userId, c.createdAt, c.id),
      type: 'casePerson',
      kind: c.kind,
      caseId: c.id,
      userId,
      createdAt: c.createdAt,
    },
  },
});

/** A request becomes a dispute at most once; the request must not have moved meanwhile. */
export function requestToDisputeItems(requestId: string, requestVersion: number, disputeId: string, at: string) {
  return [
    {
      Put: {
        TableName: table(),
        Item: { ...keys.requestDispute(requestId), type: 'requestDispute', disputeId, createdAt: at },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      ConditionCheck: {
        TableName: table(),
        Key: keys.request(requestId),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': requestVersion },
      },
    },
  ];
}

export async function getCase<K extends CaseKind>(kind: K, id: string) {
  const found = await getCaseWithTimeline(kind, id, false);
  return found?.item;
}

/** One Query (paged through): the case and, when asked, its timeline (oldest first). */
export async function getCaseWithTimeline<K extends CaseKind>(kind: K, id: string, withEvents = true) {
  const items = await readPartition(partitionOf(kind, id), withEvents ? {} : { sk: keyOf(kind, id).SK });
  const main = items.find((i) => i.SK === keyOf(kind, id).SK);
  if (!main) return undefined;
  return {
    item: strip(main) as unknown as Extract<CaseItem, { kind: K }>,
    events: items.filter((i) => i.type === 'caseEvent').map((i) => strip(i) as unknown as CaseEventItem),
  };
}

async function getCases(kind: CaseKind, ids: string[]): Promise<CaseItem[]> {
  if (!ids.length) return [];
  const out = await db().send(
    new BatchGetCommand({ RequestItems: { [table()]: { Keys: [...new Set(ids)].map((id) => keyOf(kind, id)) } } }),
  );
  const byId = new Map((out.Responses?.[table()] ?? []).map((i) => [i.id as string, strip(i) as unknown as CaseItem]));
  return ids.map((id) => byId.get(id)).filter((c): c is CaseItem => !!c);
}

const filterOf = (status?: string, key?: boolean) => {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (status) {
    parts.push('#st = :st');
    names['#st'] = 'status';
    values[':st'] = status;
  }
  if (key !== undefined) {
    parts.push(key ? 'attribute_exists(keyCase)' : 'attribute_not_exists(keyCase)');
  }
  if (!parts.length) return undefined;
  return {
    FilterExpression: parts.join(' AND '),
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names, ExpressionAttributeValues: values } : {}),
  };
};

export function listCases(
  kind: CaseKind,
  by: 'inbox' | 'community',
  ownerIds: string | string[],
  page: PageRequest,
  f: { status?: string; key?: boolean },
) {
  const p = PREFIX[kind];
  const filter = filterOf(f.status, f.key);
  const owners = typeof ownerIds === 'string' ? [ownerIds] : ownerIds;
  return queryMerged(
    {
      index: by === 'inbox' ? 'GSI2' : 'GSI1',
      sources: owners.map((o) => ({ pk: by === 'inbox' ? keys.caseInboxPk(p, o) : keys.casesInPk(p, o), filter })),
      newestFirst: true,
    },
    page,
    (i) => strip(i) as unknown as CaseItem,
  );
}

/** A person's cases of one kind: pointers (one Query), then the cases (one BatchGet). */
export async function listCasesOf(kind: CaseKind, userId: string, page: PageRequest, status?: string) {
  const p = await queryPage(
    {
      index: 'GSI1',
      pk: keys.casesOfPk(userId),
      newestFirst: true,
      filter: {
        FilterExpression: '#k = :k',
        ExpressionAttributeNames: { '#k': 'kind' },
        ExpressionAttributeValues: { ':k': kind },
      },
    },
    page,
    (i) => i.caseId as string,
  );
  let items = await getCases(kind, p.items);
  if (status) items = items.filter((c) => c.status === status);
  return { items, nextCursor: p.nextCursor };
}

/** Open petitions of one deadline shard due by `now` (the escalation sweep). */
export async function duePetitions(shard: number, now: string, limit = 50): Promise<PetitionItem[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :now',
      ExpressionAttributeValues: { ':pk': keys.petitionDuePk(shard), ':now': `${now}#~` },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => strip(i) as unknown as PetitionItem);
}

/** The audit trail of one case (who read or changed it), newest first. */
export function listCaseAudit(kind: CaseKind, id: string, page: PageRequest) {
  return queryPage({ pk: keys.auditPk(`${kind}:${id}`), newestFirst: true }, page, (i) => ({
    at: i.at as string,
    actorId: i.actorId as string,
    actorRole: i.actorRole as string,
    action: i.action as string,
  }));
}

/** The dispute a request became, if any. */
export async function getRequestDispute(requestId: string): Promise<string | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.requestDispute(requestId) }));
  return Item?.disputeId as string | undefined;
}
