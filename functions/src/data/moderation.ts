/**
 * Content-security checks (domain/moderation.ts): one item per checked field of a request, on a
 * sparse sharded GSI3 while something is due (a check to run, a pushed verdict overdue, a written
 * verdict to verify), and the trace ids of media checks waiting for WeChat's push.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { fromItem } from './item';
import { keys } from './keys';
import { OUTBOX_SHARDS, shardOf } from './outbox';

export type Verdict = 'pending' | 'pass' | 'review' | 'risky';
export type ModField = 'text' | 'media' | 'rating' | 'summary';

/** on the request (and its Open311 feed item): the state of each checked field */
export interface Moderation {
  /** the description */
  text: Verdict;
  /** the photos (all of them: one risky photo hides the request) */
  media: Verdict;
  /** the rating comment, when there is one */
  rating?: Verdict;
  /** why it is hidden (risky / review), shown to the author and staff */
  reason?: string;
}

export interface ModCheck {
  id: string;
  field: ModField;
  requestId: string;
  /** the request's creation time (its Open311 feed key) */
  requestCreatedAt: string;
  /** whose text or photos: the openid for WeChat, the recipient of a rejection message */
  userId: string;
  content?: string;
  media?: string[];
  /** the public summary this check is about (its `at`): a newer summary is checked on its own */
  ref?: string;
  scene: 1 | 2 | 3 | 4;
  state: 'check' | 'wait' | 'verify';
  attempts: number;
  nextAt: string;
  /** media: photo key → trace id / verdict */
  traces: Record<string, string>;
  verdicts: Record<string, Verdict>;
  verdict?: Verdict;
  label?: number;
}

export const MOD_SHARDS = OUTBOX_SHARDS;
export const MODCHECK_TYPE = 'modcheck';

const dueKeys = (c: Pick<ModCheck, 'id' | 'nextAt'>) => keys.modCheckDue(shardOf(c.id), c.nextAt, c.id);

/** A new check, for the transaction that writes the checked text. */
export function modCheckPut(c: ModCheck) {
  return {
    Put: { TableName: table(), Item: { ...keys.modCheck(c.id), ...dueKeys(c), type: MODCHECK_TYPE, ...c } },
  };
}

export async function dueChecks(shard: number, now: string, limit = 25): Promise<ModCheck[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :now',
      ExpressionAttributeValues: { ':pk': keys.modCheckDuePk(shard), ':now': `${now}~` },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => fromItem<ModCheck>(i, ['claimedUntil']));
}

export async function getCheck(id: string): Promise<ModCheck | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.modCheck(id) }));
  return Item ? fromItem<ModCheck>(Item, ['claimedUntil']) : undefined;
}

/** Claims a due check for two minutes, so overlapping drains (stream + schedule) run it once. */
export async function claimCheck(id: string, now: number): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.modCheck(id),
        UpdateExpression: 'SET claimedUntil = :until',
        ConditionExpression: 'attribute_exists(GSI3PK) AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)',
        ExpressionAttributeValues: { ':until': now + 120_000, ':now': now },
      }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

type CheckFields = Partial<Pick<ModCheck, 'state' | 'attempts' | 'traces' | 'verdicts' | 'verdict' | 'label'>>;

/** Stores progress and the next due time (or, with `nextAt` null, leaves the due index: done). */
export async function saveCheck(id: string, fields: CheckFields, nextAt: string | null) {
  const set = Object.entries(fields).filter(([, v]) => v !== undefined);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = set.map(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:v${i}`] = v;
    return `#f${i} = :v${i}`;
  });
  if (nextAt) {
    const due = keys.modCheckDue(shardOf(id), nextAt, id);
    parts.push('nextAt = :next', 'GSI3PK = :pk', 'GSI3SK = :sk');
    Object.assign(values, { ':next': nextAt, ':pk': due.GSI3PK, ':sk': due.GSI3SK });
  }
  const remove = nextAt ? 'REMOVE claimedUntil' : 'REMOVE claimedUntil, GSI3PK, GSI3SK';
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.modCheck(id),
      UpdateExpression: `${parts.length ? `SET ${parts.join(', ')} ` : ''}${remove}`,
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    }),
  );
}

/** A pushed media verdict for one photo; answers the check as it now is. */
export async function setMediaVerdict(id: string, key: string, verdict: Verdict): Promise<ModCheck> {
  const out = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.modCheck(id),
      UpdateExpression: 'SET verdicts.#k = :v',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#k': key },
      ExpressionAttributeValues: { ':v': verdict },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return fromItem<ModCheck>(out.Attributes!, ['claimedUntil']);
}

export async function putTrace(traceId: string, checkId: string, key: string, at: string) {
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.modTrace(traceId),
      UpdateExpression: 'SET #t = :t, checkId = :c, mediaKey = :k, createdAt = :at',
      ExpressionAttributeNames: { '#t': 'type' },
      ExpressionAttributeValues: { ':t': 'modtrace', ':c': checkId, ':k': key, ':at': at },
    }),
  );
}

export async function getTrace(traceId: string): Promise<{ checkId: string; mediaKey: string } | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.modTrace(traceId) }));
  return Item ? { checkId: Item.checkId as string, mediaKey: Item.mediaKey as string } : undefined;
}

/**
 * A verdict as transaction items: on the request (without a version bump: the worker is not a
 * move; a move racing it may put the old state back, which the verify step finds and redoes) and,
 * for the description, photos and public summary, on its Open311 feed item.
 */
export function verdictUpdates(c: ModCheck, verdict: Verdict, reason: string | undefined, summaryText?: string) {
  const items: unknown[] = [];
  const req = keys.request(c.requestId);
  const feed = keys.open311(c.requestCreatedAt, c.requestId);
  if (c.field === 'summary') {
    items.push({
      Update: {
        TableName: table(),
        Key: req,
        UpdateExpression: 'SET approvedSummary.#s = :v',
        ConditionExpression: 'approvedSummary.#at = :ref',
        ExpressionAttributeNames: { '#s': 'status', '#at': 'at' },
        ExpressionAttributeValues: { ':v': verdict, ':ref': c.ref },
      },
    });
    if (verdict === 'pass' && summaryText)
      items.push({
        Update: {
          TableName: table(),
          Key: feed,
          UpdateExpression: 'SET description = :d',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':d': summaryText },
        },
      });
    return items;
  }
  const reasonPart = reason ? ', moderation.reason = :r' : '';
  const values = { ':v': verdict, ...(reason ? { ':r': reason } : {}) };
  items.push({
    Update: {
      TableName: table(),
      Key: req,
      UpdateExpression: `SET moderation.#f = :v${reasonPart}`,
      ConditionExpression: 'attribute_exists(moderation)',
      ExpressionAttributeNames: { '#f': c.field },
      ExpressionAttributeValues: values,
    },
  });
  if (c.field === 'text' || c.field === 'media')
    items.push({
      Update: {
        TableName: table(),
        Key: feed,
        UpdateExpression: `SET moderation.#f = :v${reasonPart}`,
        ConditionExpression: 'attribute_exists(moderation)',
        ExpressionAttributeNames: { '#f': c.field },
        ExpressionAttributeValues: values,
      },
    });
  return items;
}
