/**
 * Writes the demo data. Safe to re-run: every item is written only if absent, so a second
 * `npm start` neither duplicates the seed nor overwrites what users changed since.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../data/client';
import { gridItem, staffItem, type GridItem } from '../data/grids';
import { maskPhone } from '@gridlink/shared/mask';
import { keys } from '../data/keys';
import { userItem } from '../data/users';
import { syncCatalog } from '../data/services-sync';
import { careProfilePut } from '../data/proxy';
import { DEMO_GRIDS } from './demo-grid';
import { DEMO_STAFF, DEMO_USERS } from './demo-users';
import { demoPatrolItems } from './demo-patrol';

export const SEED_VERSION = 3; // bump when demo items are added: missing ones are written, existing ones kept

export function demoItems(now: string): Record<string, unknown>[] {
  const byId = new Map(DEMO_GRIDS.map((g) => [g.id, g]));
  const childCount = new Map<string, number>();
  const order = new Map<string, number>();
  for (const g of DEMO_GRIDS) {
    if (!g.parentId) continue;
    const n = (childCount.get(g.parentId) ?? 0) + 1;
    childCount.set(g.parentId, n);
    order.set(g.id, n);
  }
  const pathOf = (id: string): string[] => {
    const g = byId.get(id)!;
    return g.parentId ? [...pathOf(g.parentId), id] : [id];
  };
  const staffIds = new Map<string, string[]>();
  for (const { gridId, userId } of DEMO_STAFF) {
    const role = DEMO_USERS.find((u) => u.id === userId)?.role;
    if (role === 'grid_worker' || role === 'grid_leader')
      staffIds.set(gridId, [...(staffIds.get(gridId) ?? []), userId]);
  }
  const grids: GridItem[] = DEMO_GRIDS.map((g) => {
    const path = pathOf(g.id);
    return {
      id: g.id,
      level: g.level,
      name: g.name,
      parentId: g.parentId,
      path,
      pathNames: path.map((p) => byId.get(p)!.name),
      order: String(order.get(g.id) ?? 0).padStart(4, '0'),
      childCount: childCount.get(g.id) ?? 0,
      ...(staffIds.has(g.id) ? { staffIds: staffIds.get(g.id) } : {}),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  });
  // seeded bindings are verified (as if confirmed by the grid worker): the demo stories need them
  const users = DEMO_USERS.map((u) =>
    userItem({ ...u, ...(u.unitId ? { unitVerified: true } : {}), version: 1, createdAt: now, updatedAt: now }),
  );
  const userById = new Map(DEMO_USERS.map((u) => [u.id, u]));
  const staff = DEMO_STAFF.map(({ gridId, userId }) => {
    const u = userById.get(userId)!;
    const path = pathOf(gridId);
    return staffItem({
      gridId,
      userId,
      name: u.name,
      role: u.role,
      duties: u.duties ?? [],
      gridPath: path,
      gridName: path
        .slice(1)
        .map((p) => byId.get(p)!.name)
        .join(' › '),
      phone: u.phone ? maskPhone(u.phone) : '',
      status: 'active',
    });
  });
  // 刘淑珍 (resident-elder) lives alone: registered as a 帮扶对象 by the building's grid worker
  const elder = DEMO_USERS.find((u) => u.id === 'resident-elder')!;
  const elderPath = pathOf(elder.unitId!);
  const care = careProfilePut({
    id: elder.id,
    name: elder.name,
    unitId: elder.unitId!,
    unitName: elderPath
      .slice(3)
      .map((p) => byId.get(p)!.name)
      .join(' '),
    gridPath: elderPath,
    communityId: elderPath[2],
    needs: ['elderly_alone'],
    note: '78 岁独居，行动不便',
    registeredBy: 'worker-demo',
    createdAt: now,
    version: 1,
  }).Put.Item;
  return [...grids.map(gridItem), ...users, ...staff, care, ...demoPatrolItems(now)];
}

async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

/** Returns how many items were written (0 when the seed is already there). */
export async function seedDemo(opts: { extra?: () => Record<string, unknown>[] } = {}): Promise<number> {
  const services = await syncCatalog(new Date().toISOString());
  return services + (await seedGridAndUsers(opts));
}

async function seedGridAndUsers(opts: { extra?: () => Record<string, unknown>[] }): Promise<number> {
  const marker = await db().send(new GetCommand({ TableName: table(), Key: keys.seedMarker('demo') }));
  if ((marker.Item?.version as number) >= SEED_VERSION) return 0;
  const now = new Date().toISOString();
  const items = [...demoItems(now), ...(opts.extra?.() ?? [])];
  let written = 0;
  for (let i = 0; i < items.length; i += 16) {
    const results = await Promise.all(items.slice(i, i + 16).map(putIfAbsent));
    written += results.filter(Boolean).length;
  }
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.seedMarker('demo'), type: 'seed', version: SEED_VERSION, at: now },
    }),
  );
  return written;
}
