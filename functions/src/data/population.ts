/**
 * Population and housing counters (issue 13) on the dashboard's counter items: a unit's base data
 * counts itself on the unit's LOCAL item (data/stats.ts; the stream aggregator adds it up to every
 * grid above), and the search index attributes of a person item.
 *
 * The import lands new rows with BatchWriteItem, which has no transaction to carry a counter, so a
 * batch is counted by write-ahead: a POPDIRTY marker naming the batch's units is put before its rows,
 * and one transaction per ≤ 99 units adds the batch's summed deltas and deletes the marker after
 * them. A batch that failed or died half-way leaves its marker; `recountDirty` then sets those
 * units' counters to what their rows count, guarded by `popSeq` so that a concurrent counted write
 * (迁入/迁出/变更) is never lost: a run recounts its own markers once all its batches are in, and,
 * when it starts, those of runs that died (older than DEAD_RUN_MS), never a live run's.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';
import { keys } from './keys';
import { statsUpdates, COUNTER_PREFIX, type Deltas } from './stats';
import { transact } from './transact';
import { newId } from './ids';
import { getMany } from './batch';

export interface UnitDelta {
  /** the unit's grid path (root … unit) */
  path: string[];
  deltas: Deltas;
}

/** the counting rule (domain/basedata/counts.ts) as the data layer applies it to a stored item */
export type CountRule = (item: Record<string, unknown>) => Deltas;

const POP_PREFIX = 'pop_';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** names and 门牌号 are searched as normalised (NFKC, no spaces, lower case); shown as given */
export const searchText = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** GSI attributes of a current resident (a moved-out person has none: not found by search) */
export function personSearchKeys(p: { id: string; name: string; houseNo: string; gridPath: string[] }) {
  const community = p.gridPath[2];
  if (!community) return {};
  return {
    ...keys.personByName(community, searchText(p.name), p.id),
    ...keys.personByHouse(community, searchText(p.houseNo), p.id),
  };
}

/** The unit's counter update (the dashboard's LOCAL item), also moving popSeq (a recount's guard). */
export function popUpdates(path: string[], deltas: Deltas, now: string) {
  return statsUpdates(path, deltas, now).map((u) => ({
    Update: {
      ...u.Update,
      UpdateExpression: u.Update.UpdateExpression.replace(/^ADD /, 'ADD popSeq :popOne, '),
      ExpressionAttributeValues: { ...u.Update.ExpressionAttributeValues, ':popOne': 1 },
    },
  }));
}

const isConflict = (e: unknown) =>
  (e as Error)?.name === 'TransactionCanceledException' &&
  /TransactionConflict/.test(
    String((e as Error).message) + JSON.stringify((e as { CancellationReasons?: unknown }).CancellationReasons ?? ''),
  );

/** A transaction retried while it only lost a race on an item (two batches counting one unit). */
export async function transactRetrying(items: unknown[]) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await transact(items);
    } catch (e) {
      if (!isConflict(e) || attempt >= 8) throw e;
      await sleep(Math.min(500, 10 * 2 ** attempt) + Math.random() * 20);
    }
  }
}

/** Before a batch's rows: the marker naming its units (and the import run). Returns the marker's key. */
export async function markDirty(units: string[][], now: string, importId: string) {
  const key = keys.popDirty(now, newId());
  await db().send(
    new PutCommand({ TableName: table(), Item: { ...key, type: 'pop_dirty', units, importId, at: now } }),
  );
  return key;
}

/** After a batch's rows: its summed deltas, one ADD per unit, ≤ 99 a transaction, the marker deleted with the last. */
export async function applyUnitDeltas(marker: { PK: string; SK: string }, units: UnitDelta[], now: string) {
  const ops = units.flatMap((u) => popUpdates(u.path, u.deltas, now));
  if (!ops.length) return transact([{ Delete: { TableName: table(), Key: marker } }]);
  for (let i = 0; i < ops.length; i += 99) {
    const chunk: unknown[] = ops.slice(i, i + 99);
    if (i + 99 >= ops.length) chunk.push({ Delete: { TableName: table(), Key: marker } });
    await transactRetrying(chunk);
  }
}

async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * Set one unit's population counters to what its rows count (one Query of the building): the
 * delta to the LOCAL item's current values is added on condition popSeq has not moved meanwhile.
 */
export async function recountUnit(path: string[], count: CountRule, now: string) {
  const [buildingId, unitId] = [path[path.length - 2], path[path.length - 1]];
  for (let attempt = 0; attempt < 8; attempt++) {
    const { Item } = await db().send(
      new GetCommand({ TableName: table(), Key: keys.statsLocal(unitId), ConsistentRead: true }),
    );
    const local = Item ?? {};
    const rows = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: 'unitId = :u',
      ExpressionAttributeValues: { ':pk': keys.buildingPartition(buildingId), ':u': unitId },
      ConsistentRead: true,
    });
    const target: Deltas = {};
    for (const r of rows) for (const [k, v] of Object.entries(count(r))) target[k] = (target[k] ?? 0) + v;
    const current: Deltas = {};
    for (const [k, v] of Object.entries(local))
      if (k.startsWith(COUNTER_PREFIX + POP_PREFIX) && typeof v === 'number') current[k.slice(2)] = v;
    const delta: Deltas = {};
    for (const k of new Set([...Object.keys(target), ...Object.keys(current)]))
      if ((target[k] ?? 0) !== (current[k] ?? 0)) delta[k] = (target[k] ?? 0) - (current[k] ?? 0);
    if (!Object.keys(delta).length) return 0;
    const [op] = popUpdates(path, delta, now);
    const seq = local.popSeq as number | undefined;
    try {
      await db().send(
        new UpdateCommand({
          ...op.Update,
          ConditionExpression: seq === undefined ? 'attribute_not_exists(popSeq)' : 'popSeq = :seq',
          ExpressionAttributeValues: {
            ...op.Update.ExpressionAttributeValues,
            ...(seq === undefined ? {} : { ':seq': seq }),
          },
        }),
      );
      return Object.keys(delta).length;
    } catch (e) {
      if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
    }
  }
  throw new Error(`recount of ${unitId}: counters kept moving`);
}

/** a run older than this is dead (an import job runs at most one Lambda's 15 minutes per step) */
export const DEAD_RUN_MS = 20 * 60_000;

/**
 * Recount the units of the markers left behind, then drop them: `{ importId }` — this run's own
 * (after all its batches landed); `{ deadBefore }` — other runs' markers put before that time (a
 * run that died), never those of a run that may still be writing.
 */
export async function recountDirty(
  count: CountRule,
  now: string,
  which: { importId: string } | { deadBefore: string; except: string },
) {
  const all = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.popDirtyPk() },
    ConsistentRead: true,
  });
  const markers = all.filter((m) =>
    'importId' in which
      ? m.importId === which.importId
      : m.importId !== which.except && (m.at as string) < which.deadBefore,
  );
  const units = new Map<string, string[]>();
  for (const m of markers) for (const p of (m.units as string[][]) ?? []) units.set(p.join('/'), p);
  for (const p of units.values()) await recountUnit(p, count, now);
  for (const m of markers) await transact([{ Delete: { TableName: table(), Key: { PK: m.PK, SK: m.SK } } }]);
  return { markers: markers.length, units: units.size };
}

/** The totals of several grids (the dashboard's children): BatchGet, ≤ 100 a call. */
export async function readStatsMany(gridIds: string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  for (let i = 0; i < gridIds.length; i += 100)
    for (const it of await getMany(gridIds.slice(i, i + 100).map((g) => keys.stats(g)))) {
      const c: Record<string, number> = {};
      for (const [k, v] of Object.entries(it)) if (typeof v === 'number') c[k] = v;
      out.set(it.gridId as string, c);
    }
  return out;
}
