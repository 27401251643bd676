import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import type { IndexName } from './table-def';

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One paginated Query over a partition (table or GSI): the only way lists are read.
 * `newestFirst` reads the sort key descending (the contract's default order for lists).
 */
export async function queryPage<T>(
  opts: {
    index?: IndexName;
    pk: string;
    skBeginsWith?: string;
    newestFirst?: boolean;
    filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
  },
  page: PageRequest,
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const pkName = opts.index ? `${opts.index}PK` : 'PK';
  const skName = opts.index ? `${opts.index}SK` : 'SK';
  const scope = `${opts.index ?? 'table'}|${opts.pk}|${opts.skBeginsWith ?? ''}`;
  const names: Record<string, string> = { '#pk': pkName, ...(opts.filter?.ExpressionAttributeNames ?? {}) };
  const values: Record<string, unknown> = { ':pk': opts.pk, ...(opts.filter?.ExpressionAttributeValues ?? {}) };
  let cond = '#pk = :pk';
  if (opts.skBeginsWith) {
    names['#sk'] = skName;
    values[':sk'] = opts.skBeginsWith;
    cond += ' AND begins_with(#sk, :sk)';
  }
  const startKey = await decodeCursor(scope, page.cursor);
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: opts.index,
      KeyConditionExpression: cond,
      FilterExpression: opts.filter?.FilterExpression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: !opts.newestFirst,
      Limit: page.limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return {
    items: (out.Items ?? []).map(map),
    nextCursor: await encodeCursor(scope, out.LastEvaluatedKey),
  };
}

export interface PageSource {
  pk: string;
  /** the sort key's start (every partition the same kind of key) */
  skBeginsWith?: string;
  filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
}

/**
 * One page over several partitions of the same index (e.g. the inboxes of every grid a member of
 * staff serves), merged in sort-key order: one Query per partition not yet read to its end. The
 * cursor holds each partition's position; an item is only given once nothing unread can sort
 * before it. One partition: exactly `queryPage` (same items, same cursor).
 */
export async function queryMerged<T>(
  opts: { index: IndexName; sources: PageSource[]; newestFirst?: boolean },
  page: PageRequest,
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  if (opts.sources.length === 1) return queryPage({ ...opts, ...opts.sources[0] }, page, map);
  const pkName = `${opts.index}PK`;
  const skName = `${opts.index}SK`;
  const scope = `${opts.index}|merged|${opts.sources.map((s) => `${s.pk}^${s.skBeginsWith ?? ''}`).join(',')}`;
  const state = ((await decodeCursor(scope, page.cursor)) ?? {}) as Record<string, Record<string, unknown> | null>;
  const reads = await Promise.all(
    opts.sources.map(async (s, i) => {
      if (state[i] === null) return { items: [], last: undefined, done: true };
      const out = await db().send(
        new QueryCommand({
          TableName: table(),
          IndexName: opts.index,
          KeyConditionExpression: s.skBeginsWith ? '#pk = :pk AND begins_with(#sk, :skp)' : '#pk = :pk',
          FilterExpression: s.filter?.FilterExpression,
          ExpressionAttributeNames: {
            '#pk': pkName,
            ...(s.skBeginsWith ? { '#sk': skName } : {}),
            ...(s.filter?.ExpressionAttributeNames ?? {}),
          },
          ExpressionAttributeValues: {
            ':pk': s.pk,
            ...(s.skBeginsWith ? { ':skp': s.skBeginsWith } : {}),
            ...(s.filter?.ExpressionAttributeValues ?? {}),
          },
          ScanIndexForward: !opts.newestFirst,
          Limit: page.limit,
          ExclusiveStartKey: state[i] ?? undefined,
        }),
      );
      return { items: out.Items ?? [], last: out.LastEvaluatedKey, done: !out.LastEvaluatedKey };
    }),
  );
  const before = (a: string, b: string) => (opts.newestFirst ? a > b : a < b);
  // what a partition has not read yet sorts after its last evaluated key: nothing past the nearest such key
  const bounds = reads.filter((r) => r.last).map((r) => String(r.last![skName]));
  const bound = bounds.reduce<string | undefined>((m, b) => (m === undefined || before(b, m) ? b : m), undefined);
  const merged = reads
    .flatMap((r, src) => r.items.map((item) => ({ item, src, sk: String(item[skName]) })))
    .filter((x) => bound === undefined || !before(bound, x.sk))
    .sort((a, b) => (before(a.sk, b.sk) ? -1 : before(b.sk, a.sk) ? 1 : 0))
    .slice(0, page.limit);
  const next: Record<string, Record<string, unknown> | null> = { ...state };
  reads.forEach((r, src) => {
    const taken = merged.filter((x) => x.src === src);
    if (taken.length === r.items.length) {
      if (r.done) next[src] = null;
      else if (r.last) next[src] = r.last;
    } else if (taken.length) {
      const it = taken[taken.length - 1].item;
      next[src] = { PK: it.PK, SK: it.SK, [pkName]: it[pkName], [skName]: it[skName] };
    }
  });
  const finished = opts.sources.every((_, i) => next[i] === null);
  return { items: merged.map((x) => map(x.item)), nextCursor: finished ? null : await encodeCursor(scope, next) };
}

/** a Query's filter on the item's status (none when no status is asked for) */
export const statusFilter = (status?: string) =>
  status
    ? {
        FilterExpression: '#st = :st',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':st': status },
      }
    : undefined;
