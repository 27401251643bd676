/**
 * The public Open311 projection of each request, written in the request's own transactions:
 * never the resident's own text (the description is the staff-approved public summary, else a
 * category-level line: domain/moderation.ts), no names, the place only down to the community,
 * coordinates rounded to ~100 m; its `moderation` copy decides whether the feed shows it at all.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DEPARTMENTS } from '@gridlink/shared/request-categories';
import { LEVEL_NAMES } from '@gridlink/shared/names';
import { db, table } from './client';
import { keys } from './keys';
import type { RequestItem } from './requests';

const round = (n: number) => Math.round(n * 1000) / 1000;
const CLOSED = new Set(['resolved', 'closed', 'rejected']);

function agency(r: RequestItem) {
  if (r.status === 'dispatched' && r.departmentId)
    return Object.hasOwn(DEPARTMENTS, r.departmentId) ? DEPARTMENTS[r.departmentId] : r.departmentId;
  return `${LEVEL_NAMES[r.level]}级（${r.level === 'grid' ? '网格员' : r.level === 'community' ? '社区' : r.level === 'street' ? '街道办事处' : '区政府'}）`;
}

const mutable = (r: RequestItem) => ({
  status: CLOSED.has(r.status) ? 'closed' : 'open',
  status_notes:
    r.status === 'rejected'
      ? '不予受理'
      : r.status === 'resolved'
        ? '已办结，待居民评价'
        : r.status === 'closed'
          ? '已结案'
          : r.status === 'dispatched'
            ? '已转职能部门办理'
            : r.status === 'accepted'
              ? '已受理'
              : '已提交',
  agency_responsible: agency(r),
  updated_datetime: r.updatedAt,
  expected_datetime: r.dueAt ?? null,
});

/** `description`: what the public may read (never r.description, the resident's own words) */
export function feedPut(r: RequestItem, address: string, description: string) {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.open311(r.createdAt, r.id),
        type: 'open311',
        service_request_id: r.id,
        service_code: r.category,
        service_name: r.categoryName,
        description,
        ...(r.moderation ? { moderation: r.moderation } : {}),
        requested_datetime: r.createdAt,
        address,
        ...(r.location ? { lat: round(r.location.lat), long: round(r.location.lng) } : {}),
        ...mutable(r),
      },
    },
  };
}

/** Status, notes, agency and times follow each move. */
export function feedUpdate(r: RequestItem) {
  const m = mutable(r);
  const names = Object.keys(m);
  return {
    Update: {
      TableName: table(),
      Key: keys.open311(r.createdAt, r.id),
      UpdateExpression: 'SET ' + names.map((_, i) => `#k${i} = :v${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#k${i}`, n])),
      ExpressionAttributeValues: Object.fromEntries(Object.values(m).map((v, i) => [`:v${i}`, v])),
    },
  };
}

const strip = ({ PK, SK, type, ...rest }: Record<string, unknown>) => rest;

/** Months spanned by [start, end] (at most a few: the API bounds the window to 90 days). */
export async function feedBetween(
  start: string,
  end: string,
  limit: number,
  filter: { service_code?: string; status?: string },
) {
  const months: string[] = [];
  for (
    let d = new Date(`${end.slice(0, 7)}-01T00:00:00Z`);
    d.toISOString().slice(0, 7) >= start.slice(0, 7);
    d.setUTCMonth(d.getUTCMonth() - 1)
  )
    months.push(d.toISOString().slice(0, 7));
  const out: Record<string, unknown>[] = [];
  for (const month of months) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const res = await db().send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :a AND :b',
          ...(filter.service_code || filter.status
            ? {
                FilterExpression: [filter.service_code && 'service_code = :c', filter.status && '#st = :s']
                  .filter(Boolean)
                  .join(' AND '),
                ...(filter.status ? { ExpressionAttributeNames: { '#st': 'status' } } : {}),
              }
            : {}),
          ExpressionAttributeValues: {
            ':pk': keys.open311Pk(month),
            ':a': start,
            ':b': `${end}~`,
            ...(filter.service_code ? { ':c': filter.service_code } : {}),
            ...(filter.status ? { ':s': filter.status } : {}),
          },
          ScanIndexForward: false,
          ExclusiveStartKey: startKey,
          Limit: 200,
        }),
      );
      out.push(...(res.Items ?? []).map(strip));
      startKey = res.LastEvaluatedKey;
    } while (startKey && out.length < limit);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

export async function feedOne(id: string, createdAt: string) {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.open311(createdAt, id) }));
  return Item ? strip(Item) : undefined;
}

/** The public text of a request's feed item (a new public summary, once checked; the category line before). */
export function feedDescriptionUpdate(r: Pick<RequestItem, 'id' | 'createdAt'>, description: string) {
  return {
    Update: {
      TableName: table(),
      Key: keys.open311(r.createdAt, r.id),
      UpdateExpression: 'SET description = :d',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':d': description },
    },
  };
}
