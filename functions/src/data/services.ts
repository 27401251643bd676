import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceDef } from '@gridlink/shared/service-def';
import { db, table } from './client';
import { fromItem } from './item';
import { keys } from './keys';
import { ttlCache } from './cache';

const strip = (i: Record<string, unknown>) => fromItem<ServiceDef>(i, ['order', 'catalogVersion']);

/**
 * The catalogue changes only with a deploy (syncCatalog writes a new catalogue version), and every
 * application reads its service: cached per warm container for 60 s, so a new version is served
 * within a minute of being written.
 */
const CATALOG_TTL_MS = 60_000;
const catalog = ttlCache<ServiceDef[]>(CATALOG_TTL_MS, 4);
const services = ttlCache<ServiceDef>(CATALOG_TTL_MS, 500);

/** The whole catalogue: one Query on one small partition. */
export async function listServices(): Promise<ServiceDef[]> {
  const hit = catalog.get('all');
  if (hit) return hit;
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.serviceListPk() },
    }),
  );
  const all = (out.Items ?? []).map(strip);
  if (all.length) catalog.set('all', all);
  return all;
}

export async function getService(code: string): Promise<ServiceDef | undefined> {
  const hit = services.get(code);
  if (hit) return hit;
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.service(code) }));
  if (!Item) return undefined;
  const s = strip(Item);
  services.set(code, s);
  return s;
}
