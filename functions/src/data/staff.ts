/**
 * Staff administration (issue 13 item 5): the staff lists of a grid and below (one Query on the
 * district's STAFFIN# index), and the hand-over of a leaver's open work — each item moved in its
 * own small transaction (the item at the version read + its timeline entry, which exists once per
 * hand-over: a re-run skips what was done), read page by page.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import { DISPUTE_WORKFLOW, PETITION_WORKFLOW } from '@gridlink/shared/workflows/cases';
import type { Handover } from '@gridlink/shared/staff';
import { caseEventPut, caseReplace, type CaseEventItem, type CaseItem } from './cases';
import { db, table } from './client';
import type { StaffItem } from './grids';
import { fromItem } from './item';
import { keys } from './keys';
import { queryPage, type PageRequest } from './query';
import { eventPut, requestReplace, type EventItem, type RequestItem } from './requests';
import { isConditionFailure, transact } from './transact';

/** The staff assignments of a grid (path: district … grid) and of every grid below it. */
export function listStaffIn(path: readonly string[], page: PageRequest) {
  return queryPage(
    { index: 'GSI1', pk: keys.staffInPk(path[0]), skBeginsWith: keys.staffInPrefix(path) || undefined },
    page,
    (i) => fromItem<StaffItem>(i),
  );
}

const openFilter = (states: readonly string[], extra?: { expr: string; values: Record<string, unknown> }) => {
  const values: Record<string, unknown> = { ...(extra?.values ?? {}) };
  states.forEach((s, i) => (values[`:o${i}`] = s));
  const inList = `#st IN (${states.map((_, i) => `:o${i}`).join(', ')})`;
  return {
    FilterExpression: extra ? `${inList} AND ${extra.expr}` : inList,
    ExpressionAttributeNames: { '#st': 'status' },
    ExpressionAttributeValues: values,
  };
};

/** Open requests waiting in a grid's inbox (the work its staff hold). */
export function openRequestsInInbox(gridId: string, page: PageRequest) {
  return queryPage({ index: 'GSI2', pk: keys.inboxPk(gridId), filter: openFilter(REQUEST_WORKFLOW.open) }, page, (i) =>
    fromItem<RequestItem>(i),
  );
}

/** Open disputes / petitions waiting in a grid's inbox (the grid that must act now). */
export function openCasesInInbox(kind: 'dispute' | 'petition', gridId: string, page: PageRequest) {
  const states = kind === 'dispute' ? DISPUTE_WORKFLOW.open : PETITION_WORKFLOW.open;
  return queryPage(
    {
      index: 'GSI2',
      pk: keys.caseInboxPk(kind === 'dispute' ? 'DISP' : 'PET', gridId),
      filter: openFilter(states),
    },
    page,
    (i) => fromItem<CaseItem>(i),
  );
}

/** Open petitions of a community whose 包案领导 is `userId`. */
export function openPetitionsLedBy(communityId: string, userId: string, page: PageRequest) {
  return queryPage(
    {
      index: 'GSI1',
      pk: keys.casesInPk('PET', communityId),
      filter: openFilter(PETITION_WORKFLOW.open, { expr: 'keyCase.leaderId = :u', values: { ':u': userId } }),
    },
    page,
    (i) => fromItem<CaseItem>(i),
  );
}

const once = (put: { Put: Record<string, unknown> }) => ({
  Put: { ...put.Put, ConditionExpression: 'attribute_not_exists(PK)' },
});

/**
 * Replace the item at the version read and add its hand-over entry (at most once per hand-over).
 * 'moved', or 'skipped' when it moved on since it was read or already carries this hand-over.
 */
async function moveOne(ops: unknown[]): Promise<'moved' | 'skipped'> {
  try {
    await transact(ops);
    return 'moved';
  } catch (e) {
    if (isConditionFailure(e)) return 'skipped';
    throw e;
  }
}

export const handOverRequest = (next: RequestItem, old: RequestItem, e: EventItem) =>
  moveOne([requestReplace(next, { version: old.version, status: old.status }), once(eventPut(next.id, e))]);

export const handOverCase = (next: CaseItem, old: CaseItem, e: CaseEventItem) =>
  moveOne([caseReplace(next, { version: old.version, status: old.status }), once(caseEventPut(next, e))]);

export type HandoverItem = Handover & { at: string; byId: string; byName: string; byRole: string };

export async function putHandover(h: HandoverItem) {
  await db().send(
    new PutCommand({ TableName: table(), Item: { ...keys.handover(h.fromId, h.id), type: 'handover', ...h } }),
  );
}

export async function getHandover(fromId: string, id: string): Promise<HandoverItem | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.handover(fromId, id) }));
  return Item ? fromItem<HandoverItem>(Item) : undefined;
}
