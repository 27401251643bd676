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
import { applyUnitDeltas, markDirty, personSearchKeys, type UnitDelta } from './population';
import type { Deltas } from './stats';

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
  /** 迁出 (recorded by a grid worker): kept for the record, out of the household view, counts and search */
  status?: 'moved_out';
  movedOutAt?: string;
  movedOutTo?: string;
  movedOutNote?: string;
  /** 迁入 recorded by a grid worker */
  movedInAt?: string;
}

export type BaseRow = { kind: 'house'; item: HouseItem } | { kind: 'person'; item: PersonItem };

const rowKey = (r: BaseRow) =>
  r.kind === 'house'
    ? keys.house(r.item.buildingId, r.item.unitId, r.item.houseNo)
    : keys.person(r.item.buildingId, r.item.id);

/** what a 迁出 recorded on a person: kept when a corrected file updates the row */
export const MOVED_OUT_FIELDS = ['status', 'movedOutAt', 'movedOutTo', 'movedOutNote'] as const;

/** the stored item of a row: a current resident carries the search index keys, a moved-out one not */
export const baseItem = (r: BaseRow, kept: Record<string, unknown> = {}) => ({
  ...rowKey(r),
  type: r.kind,
  ...r.item,
  ...(r.kind === 'person' && kept.status !== 'moved_out' ? personSearchKeys(r.item) : {}),
  ...kept,
});

const keptOf = (old: Record<string, unknown>) =>
  Object.fromEntries(MOVED_OUT_FIELDS.filter((k) => old[k] !== undefined).map((k) => [k, old[k]]));

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
 * each (put at the version read + audit from `describe`), unchanged ones untouched. The counters
 * the rows move (`delta`: old item → new item) are summed per unit and added after the rows, one
 * ADD per unit, behind a POPDIRTY marker put before them (data/population.ts): a batch that fails
 * half-way keeps its marker and its units are recounted by `recountDirty`.
 */
export async function applyBaseRows(
  rows: BaseRow[],
  describe: (old: Record<string, unknown>, row: BaseRow) => AuditEntry,
  delta: (kind: BaseRow['kind'], before: Record<string, unknown> | undefined, after: Record<string, unknown>) => Deltas,
  now = new Date().toISOString(),
  /** rows known to be new (their building was made by this run): not read first */
  absent: (r: BaseRow) => boolean = () => false,
): Promise<RowOutcome[]> {
  const found = new Map<string, Record<string, unknown>>();
  const toRead = rows.filter((r) => !absent(r));
  for (let i = 0; i < toRead.length; i += 100) {
    for (const it of await getMany(toRead.slice(i, i + 100).map(rowKey))) found.set(`${it.PK}|${it.SK}`, it);
  }
  const outcomes: RowOutcome[] = rows.map(() => ({ status: 'unchanged' }));
  const fresh: number[] = [];
  const changed: number[] = [];
  const items = new Map<number, Record<string, unknown>>();
  const deltas = new Map<number, Deltas>();
  rows.forEach((r, i) => {
    const k = rowKey(r);
    const old = found.get(`${k.PK}|${k.SK}`);
    if (old && old.rowHash === r.item.rowHash) return;
    (old ? changed : fresh).push(i);
    const item = old
      ? { ...baseItem(r, keptOf(old)), version: (old.version as number) + 1, createdAt: old.createdAt }
      : baseItem(r);
    items.set(i, item);
    const d = delta(r.kind, old, item);
    if (Object.keys(d).length) deltas.set(i, d);
  });
  const units = new Map<string, string[]>();
  for (const i of deltas.keys()) units.set(rows[i].item.unitId, rows[i].item.gridPath);
  let marker: { PK: string; SK: string } | undefined;
  try {
    if (units.size) marker = await markDirty([...units.values()], now, rows[0].item.importId);
  } catch (e) {
    return rows.map(() => ({ status: 'failed', error: (e as Error).message })); // nothing written
  }
  let lost = false;
  if (fresh.length) {
    try {
      await batchPut(fresh.map((i) => items.get(i)!));
      for (const i of fresh) outcomes[i] = { status: 'created' };
    } catch (e) {
      lost = true; // some chunks may have landed: the marker stays, the units are recounted
      for (const i of fresh) outcomes[i] = { status: 'failed', error: (e as Error).message };
    }
  }
  await Promise.all(
    changed.map(async (i) => {
      const k = rowKey(rows[i]);
      const old = found.get(`${k.PK}|${k.SK}`)!;
      try {
        await transact([
          {
            Put: {
              TableName: table(),
              Item: items.get(i)!,
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
  if (marker && !lost) {
    const sums = new Map<string, UnitDelta>();
    for (const [i, d] of deltas) {
      if (outcomes[i].status === 'failed') continue; // a failed transaction wrote nothing
      const u = rows[i].item;
      const s = sums.get(u.unitId) ?? { path: u.gridPath, deltas: {} };
      for (const [name, v] of Object.entries(d)) s.deltas[name] = (s.deltas[name] ?? 0) + v;
      sums.set(u.unitId, s);
    }
    try {
      await applyUnitDeltas(marker, [...sums.values()], now);
    } catch {
      // the rows landed, their counters not (or not all): the marker stays, the run recounts its units
    }
  }
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

export interface NewChildren {
  parent: GridItem;
  children: { id: string; level: GridLevel; name: string }[];
}

/**
 * New children of many nodes, packed into transactions of ≤ 100 items: each parent's new children
 * with its childCount ADD in the same transaction (a parent with more than 99 spans several, each
 * whole), so a count never disagrees with the children whatever fails. Parents are updated in
 * place (childCount); returns, per group, its created items or the error that stopped them.
 */
export async function createGridChildren(groups: NewChildren[], now: string): Promise<(GridItem[] | Error)[]> {
  type Part = { group: number; parent: GridItem; items: GridItem[] };
  const parts: Part[] = [];
  groups.forEach(({ parent, children }, group) => {
    let order = parent.childCount;
    for (let i = 0; i < children.length; i += 99)
      parts.push({
        group,
        parent,
        items: children.slice(i, i + 99).map((c) => ({
          ...c,
          parentId: parent.id,
          path: [...parent.path, c.id],
          pathNames: [...parent.pathNames, c.name],
          order: String(++order).padStart(4, '0'),
          childCount: 0,
          version: 1,
          createdAt: now,
          updatedAt: now,
        })),
      });
  });
  const packs: Part[][] = [];
  let size = 100;
  for (const p of parts) {
    if (size + p.items.length + 1 > 100 || packs.at(-1)!.some((q) => q.parent.id === p.parent.id)) {
      packs.push([]);
      size = 0;
    }
    packs.at(-1)!.push(p);
    size += p.items.length + 1;
  }
  const out: (GridItem[] | Error)[] = groups.map(() => []);
  for (const pack of packs) {
    try {
      await transact(pack.flatMap((p) => [...p.items.map(gridPut), childCountAdd(p.parent.id, p.items.length, now)]));
      for (const p of pack) {
        p.parent.childCount += p.items.length;
        const got = out[p.group];
        if (!(got instanceof Error)) got.push(...p.items);
      }
    } catch (e) {
      for (const p of pack) out[p.group] = e as Error;
    }
  }
  return out;
}

const gridPut = (g: GridItem) => ({
  Put: { TableName: table(), Item: gridItem(g), ConditionExpression: 'attribute_not_exists(PK)' },
});

const childCountAdd = (id: string, n: number, now: string) => ({
  Update: {
    TableName: table(),
    Key: keys.grid(id),
    UpdateExpression: 'ADD childCount :n SET updatedAt = :now',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeValues: { ':n': n, ':now': now },
  },
});

/** Takes a user out of a grid's staffIds, conditional on the position read (a concurrent change retries). */
const leaveStaffIds = (gridId: string, staffIds: string[], userId: string) => {
  const idx = staffIds.indexOf(userId);
  return {
    Update: {
      TableName: table(),
      Key: keys.grid(gridId),
      UpdateExpression: `REMOVE staffIds[${idx}]`,
      ConditionExpression: `staffIds[${idx}] = :u`,
      ExpressionAttributeValues: { ':u': userId },
    },
  };
};

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
  // routing walks up to the grids whose staffIds are non-empty: only active workers and leaders count
  const routes = routed(user.role) && !user.disabled && !user.retiredAt;
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
    if (!routes && staffIds.includes(user.id)) ops.push(leaveStaffIds(g.id, staffIds, user.id));
    if (routes && !staffIds.includes(user.id))
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
    const staffIds = (current.get(gid)?.staffIds as string[] | undefined) ?? [];
    if (staffIds.includes(user.id)) ops.push(leaveStaffIds(gid, staffIds, user.id));
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
  return items.map((i) => fromItem<PersonItem>(i)).filter((p) => p.status !== 'moved_out');
}

/** The persons of one unit with this phone number (a resident binding with WeChat's phone number): one Query. */
export async function unitPersonsByPhone(buildingId: string, unitId: string, phone: string) {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    FilterExpression: 'unitId = :u AND phone = :p',
    ExpressionAttributeValues: {
      ':pk': keys.buildingPartition(buildingId),
      ':sk': keys.personPrefix(),
      ':u': unitId,
      ':p': phone,
    },
  });
  return items.map((i) => fromItem<PersonItem>(i)).filter((p) => p.status !== 'moved_out');
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
