/**
 * Base data (issue 13): 房屋 and 人口 items in their building's partition, grid nodes created by an
 * import, and staff from the 网格员 sheet. Every write of the import is here: BatchGet what exists,
 * BatchWriteItem what is new (one item per row: a row lands whole or not at all), one transaction
 * per changed row (the item at the version read + its audit record).
 */
import { BatchWriteCommand, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { GridLevel } from '@gridlink/shared/grid';
import { maskPhone } from '@gridlink/shared/mask';
import type { Duty, Role } from '@gridlink/shared/roles';
import { auditPut, type AuditEntry } from './audit';
import { getMany } from './batch';
import { db, table } from './client';
import { gridItem, staffItem, type GridItem } from './grids';
import { fromItem } from './item';
import { keys } from './keys';
import { transact, isConditionFailure } from './transact';
import { userItem, type UserItem } from './users';

interface Stamped {
  /** hash of the row's fields as imported: the same row again changes nothing */
  rowHash: string;
  importId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HouseItem extends Stamped {
  buildingId: string;
  unitId: string;
  houseNo: string;
  gridPath: string[];
  use: string;
  area?: number;
  ownerName?: string;
  ownerIdNumber?: string;
}

export interface PersonItem extends Stamped {
  id: string;
  buildingId: string;
  unitId: string;
  houseNo: string;
  gridPath: string[];
  name: string;
  gender: string;
  idNumber: string;
  birthDate: string;
  phone?: string;
  relation?: string;
  personType: string;
  tags: string[];
}

export type BaseRow = { kind: 'house'; item: HouseItem } | { kind: 'person'; item: PersonItem };

const rowKey = (r: BaseRow) =>
  r.kind === 'house'
    ? keys.house(r.item.buildingId, r.item.unitId, r.item.houseNo)
    : keys.person(r.item.buildingId, r.item.id);

export const baseItem = (r: BaseRow) => ({ ...rowKey(r), type: r.kind, ...r.item });

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'failed';
export interface RowOutcome {
  status: RowStatus;
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** BatchWriteItem of puts, 25 a call, unprocessed items retried with backoff. */
export async function batchPut(items: Record<string, unknown>[]): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  await Promise.all(
    chunks.map(async (chunk) => {
      let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt > 8) throw new Error(`BatchWriteItem: ${pending.length} items still unprocessed`);
        if (attempt) await sleep(Math.min(1000, 25 * 2 ** attempt));
        const out = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: pending } }));
        pending = (out.UnprocessedItems?.[table()] ?? []) as typeof pending;
      }
    }),
  );
}

/**
 * Land a batch of rows (distinct keys): new ones in BatchWriteItem, changed ones one transaction
 * each (put at the version read + audit from `describe`), unchanged ones untouched.
 */
export async function applyBaseRows(
  rows: BaseRow[],
  describe: (old: Record<string, unknown>, row: BaseRow) => AuditEntry,
): Promise<RowOutcome[]> {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < rows.length; i += 100) {
    for (const it of await getMany(rows.slice(i, i + 100).map(rowKey))) found.set(`${it.PK}|${it.SK}`, it);
  }
  const outcomes: RowOutcome[] = rows.map(() => ({ status: 'unchanged' }));
  const fresh: number[] = [];
  const changed: number[] = [];
  rows.forEach((r, i) => {
    const k = rowKey(r);
    const old = found.get(`${k.PK}|${k.SK}`);
    if (!old) fresh.push(i);
    else if (old.rowHash !== r.item.rowHash) changed.push(i);
  });
  if (fresh.length) {
    try {
      await batchPut(fresh.map((i) => baseItem(rows[i])));
      for (const i of fresh) outcomes[i] = { status: 'created' };
    } catch (e) {
      for (const i of fresh) outcomes[i] = { status: 'failed', error: (e as Error).message };
    }
  }
  await Promise.all(
    changed.map(async (i) => {
      const k = rowKey(rows[i]);
      const old = found.get(`${k.PK}|${k.SK}`)!;
      const item = {
        ...baseItem(rows[i]),
        version: (old.version as number) + 1,
        createdAt: old.createdAt,
      };
      try {
        await transact([
          {
            Put: {
              TableName: table(),
              Item: item,
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':v': old.version },
            },
          },
          auditPut(describe(fromItem(old), rows[i])),
        ]);
        outcomes[i] = { status: 'updated' };
      } catch (e) {
        const error = isConditionFailure(e) ? '该记录同时被修改，请重新导入' : (e as Error).message;
        outcomes[i] = { status: 'failed', error };
      }
    }),
  );
  return outcomes;
}

async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await db().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The children of a grid node by name (an import matches the sheet's names against them). */
export async function gridChildrenByName(parentId: string): Promise<Map<string, GridItem>> {
  const items = await queryAll({
    TableName: table(),
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.gridChildrenOf(parentId) },
  });
  return new Map(items.map((i) => [i.name as string, fromItem<GridItem>(i, ['GSI1PK', 'GSI1SK'])]));
}

/**
 * New children of one node: created with the parent's childCount in the same transaction (≤ 99
 * a transaction), so the count never disagrees with the children whatever fails. `parent` is
 * updated in place (its childCount), the created items returned.
 */
export async function createGridChildren(
  parent: GridItem,
  children: { id: string; level: GridLevel; name: string }[],
  now: string,
): Promise<GridItem[]> {
  const created: GridItem[] = [];
  for (let i = 0; i < children.length; i += 99) {
    const chunk = children.slice(i, i + 99).map((c, j): GridItem => ({
      ...c,
      parentId: parent.id,
      path: [...parent.path, c.id],
      pathNames: [...parent.pathNames, c.name],
      order: String(parent.childCount + j + 1).padStart(4, '0'),
      childCount: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));
    await transact([
      ...chunk.map((g) => ({
        Put: { TableName: table(), Item: gridItem(g), ConditionExpression: 'attribute_not_exists(PK)' },
      })),
      {
        Update: {
          TableName: table(),
          Key: keys.grid(parent.id),
          UpdateExpression: 'ADD childCount :n SET updatedAt = :now',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':n': chunk.length, ':now': now },
        },
      },
    ]);
    parent.childCount += chunk.length;
    created.push(...chunk);
  }
  return created;
}

/** applyStaff with an expected version: the user moved on (or exists already) since it was read */
export class StaleStaff extends Error {
  constructor() {
    super('staff user changed since it was read');
  }
}

export interface StaffImport {
  user: UserItem & { rowHash: string; importId: string };
  grids: GridItem[];
}

/**
 * One 网格员 row: the user, one staff item per grid served, the grid's staffIds (workers and
 * leaders: routing walks up to them) and the audit record, in one transaction. Grids no longer
 * listed by a corrected file lose the assignment in the same transaction.
 */
export async function applyStaff(
  s: StaffImport,
  audit: (old?: Record<string, unknown>) => AuditEntry,
  /** staff administration: only while the user is still at this version (0: must not exist yet) */
  expectedVersion?: number,
) {
  const [old] = await getMany([keys.user(s.user.id)]);
  if (expectedVersion !== undefined && ((old?.version as number | undefined) ?? 0) !== expectedVersion)
    throw new StaleStaff();
  if (old?.rowHash === s.user.rowHash) return 'unchanged' as const;
  const gridIds = s.grids.map((g) => g.id);
  const oldGrids = ((old?.gridIds as string[]) ?? []).filter((g) => !gridIds.includes(g));
  const routed = (role: Role) => role === 'grid_worker' || role === 'grid_leader';
  const current = new Map((await getMany([...gridIds, ...oldGrids].map((g) => keys.grid(g)))).map((g) => [g.id, g]));
  const ops: unknown[] = [];
  // what the row does not say (a suspension, a retirement, a binding) is kept from the stored user
  const user: UserItem & { rowHash: string } = {
    ...(old ? fromItem<UserItem>(old) : {}),
    ...s.user,
    version: ((old?.version as number) ?? 0) + 1,
    createdAt: (old?.createdAt as string) ?? s.user.createdAt,
  };
  ops.push({
    Put: {
      TableName: table(),
      Item: userItem(user),
      ...(old
        ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': old.version } }
        : { ConditionExpression: 'attribute_not_exists(PK)' }),
    },
  });
  for (const g of s.grids) {
    const duties: Duty[] = s.user.duties ?? [];
    ops.push({
      Put: {
        TableName: table(),
        Item: staffItem({
          gridId: g.id,
          userId: user.id,
          name: user.name,
          role: user.role,
          duties,
          gridPath: g.path,
          gridName: g.pathNames.slice(1).join(' › '),
          phone: user.phone ? maskPhone(user.phone) : '',
          status: user.retiredAt ? 'retired' : user.disabled ? 'suspended' : 'active',
        }),
      },
    });
    const staffIds = (current.get(g.id)?.staffIds as string[] | undefined) ?? [];
    if (routed(user.role) && !staffIds.includes(user.id))
      ops.push({
        Update: {
          TableName: table(),
          Key: keys.grid(g.id),
          UpdateExpression: 'SET staffIds = list_append(if_not_exists(staffIds, :empty), :u)',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':empty': [], ':u': [user.id] },
        },
      });
  }
  for (const gid of oldGrids) {
    ops.push({ Delete: { TableName: table(), Key: keys.gridStaff(gid, user.id) } });
    const idx = ((current.get(gid)?.staffIds as string[] | undefined) ?? []).indexOf(user.id);
    if (idx >= 0)
      ops.push({
        Update: {
          TableName: table(),
          Key: keys.grid(gid),
          UpdateExpression: `REMOVE staffIds[${idx}]`,
          ConditionExpression: `staffIds[${idx}] = :u`,
          ExpressionAttributeValues: { ':u': user.id },
        },
      });
  }
  ops.push(auditPut(audit(old ? fromItem(old) : undefined)));
  await transact(ops);
  return old ? ('updated' as const) : ('created' as const);
}

/** Every house and person of a building (the households view; one partition). */
export async function buildingHouseholds(buildingId: string) {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.buildingPartition(buildingId) },
  });
  const houses = items.filter((i) => i.type === 'house').map((i) => fromItem<HouseItem>(i));
  const persons = items.filter((i) => i.type === 'person').map((i) => fromItem<PersonItem>(i));
  return { houses, persons };
}

/**
 * The persons of one unit with this ID number (a resident binding by 姓名 + 身份证号): one Query on
 * the building partition, filtered to the unit (the personId hash also needs the 门牌号).
 */
export async function unitPersonsById(buildingId: string, unitId: string, idNumber: string) {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    FilterExpression: 'unitId = :u AND idNumber = :id',
    ExpressionAttributeValues: {
      ':pk': keys.buildingPartition(buildingId),
      ':sk': keys.personPrefix(),
      ':u': unitId,
      ':id': idNumber,
    },
  });
  return items.map((i) => fromItem<PersonItem>(i));
}

export async function getPerson(buildingId: string, personId: string): Promise<PersonItem | undefined> {
  const [it] = await getMany([keys.person(buildingId, personId)]);
  return it ? fromItem<PersonItem>(it) : undefined;
}

/** A grid node read now (not from the 60 s cache: an import counts its children). */
export async function getGridFresh(id: string): Promise<GridItem | undefined> {
  const [it] = await getMany([keys.grid(id)]);
  return it ? fromItem<GridItem>(it, ['GSI1PK', 'GSI1SK']) : undefined;
}
