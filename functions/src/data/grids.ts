import { BatchGetCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Grid, GridLevel } from '@gridlink/shared/grid';
import type { Duty, Role } from '@gridlink/shared/roles';
import { db, table } from './client';
import { keys } from './keys';
import { queryPage, type PageRequest } from './query';
import { ttlCache } from './cache';

export interface GridItem {
  id: string;
  level: GridLevel;
  name: string;
  parentId: string | null;
  path: string[];
  pathNames: string[];
  /** sort position among siblings, zero-padded */
  order: string;
  childCount: number;
  /** grid workers / leaders assigned here (routing walks up to the nearest staffed grid) */
  staffIds?: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StaffItem {
  gridId: string;
  userId: string;
  name: string;
  role: Role;
  duties: Duty[];
  /** the grid's path (district … grid): indexes the assignment for the staff lists of every ancestor */
  gridPath?: string[];
  /** the grid's names below the district, for the staff list */
  gridName?: string;
  /** masked (the list shows no more) */
  phone?: string;
  status?: 'active' | 'suspended' | 'retired';
}

export function gridItem(g: GridItem) {
  return {
    ...keys.grid(g.id),
    ...(g.parentId ? keys.gridChild(g.parentId, `${g.order}#${g.id}`) : {}),
    type: 'grid',
    ...g,
  };
}

export function staffItem(s: StaffItem) {
  return {
    ...keys.gridStaff(s.gridId, s.userId),
    ...(s.gridPath ? keys.staffIn(s.gridPath, s.userId) : {}),
    type: 'staff',
    ...s,
  };
}

const toGrid = (i: Record<string, unknown>, staff: StaffItem[] = []): Grid => ({
  id: i.id as string,
  level: i.level as GridLevel,
  name: i.name as string,
  parentId: (i.parentId as string | null) ?? null,
  path: i.path as string[],
  pathNames: i.pathNames as string[],
  childCount: (i.childCount as number) ?? 0,
  staff: staff.map(({ userId, name, role, duties }) => ({ userId, name, role, duties })),
  version: i.version as number,
  createdAt: i.createdAt as string,
  updatedAt: i.updatedAt as string,
});

/** One Query: the grid item and its staff assignments share the partition. */
export async function getGrid(id: string): Promise<Grid | undefined> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.gridPartition(id) },
    }),
  );
  const items = out.Items ?? [];
  const grid = items.find((i) => i.SK === keys.grid(id).SK);
  if (!grid) return undefined;
  return toGrid(grid, items.filter((i) => i.type === 'staff') as unknown as StaffItem[]);
}

/**
 * Grid nodes are reference data: written by the seed and by imports, read by nearly every write
 * (the unit's path, the staffed grids that routing walks up to). Cached per warm container for
 * 60 s: a new staff assignment or a renamed node reaches routing and labels within a minute, and a
 * busy container re-reads each node once a minute instead of once per request.
 */
const GRID_TTL_MS = 60_000;
const gridCache = ttlCache<GridItem>(GRID_TTL_MS);

/** Start cold (tests that count calls warm the cache themselves, so no entry expires mid-measure). */
export const forgetGridCache = () => gridCache.clear();
/** Staff administration changed these grids' staff: this container routes by them at once. */
export const forgetGrids = (ids: readonly string[]) => ids.forEach((id) => gridCache.forget(id));

/** Raw grid items, several at once: from the cache, the rest in one BatchGet (e.g. a unit's path). */
export async function getGridItems(ids: string[]): Promise<Map<string, GridItem>> {
  const result = new Map<string, GridItem>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = gridCache.get(id);
    if (hit) result.set(id, hit);
    else missing.push(id);
  }
  if (!missing.length) return result;
  let request: Record<string, unknown>[] | undefined = missing.map((id) => keys.grid(id));
  for (let round = 0; request?.length && round < 5; round++) {
    const out: BatchGetCommandOutput = await db().send(
      new BatchGetCommand({ RequestItems: { [table()]: { Keys: request } } }),
    );
    for (const i of out.Responses?.[table()] ?? []) {
      const g = i as unknown as GridItem;
      gridCache.set(g.id, g);
      result.set(g.id, g);
    }
    request = out.UnprocessedKeys?.[table()]?.Keys; // throttled keys: ask again
  }
  return result;
}

/** The grids on a path that have grid workers or leaders (routing walks up to the nearest one). */
export async function staffedGrids(path: string[]): Promise<Set<string>> {
  const nodes = await getGridItems(path);
  return new Set([...nodes.values()].filter((g) => g.staffIds?.length).map((g) => g.id));
}

/** Grid nodes without staff, several at once (e.g. the names along a path). */
export async function getGridNodes(ids: string[]): Promise<Map<string, Grid>> {
  const items = await getGridItems(ids);
  return new Map([...items].map(([id, i]) => [id, toGrid(i as unknown as Record<string, unknown>)]));
}

export function listChildren(parentId: string, page: PageRequest) {
  return queryPage({ index: 'GSI1', pk: keys.gridChildrenOf(parentId) }, page, (i) => toGrid(i));
}
