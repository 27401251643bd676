import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SERVICE_CATALOG_VERSION, SERVICES, type ServiceDef } from '@gridlink/shared/services-catalog';
import { db, table } from './client';
import { fromItem } from './item';
import { keys } from './keys';

const strip = (i: Record<string, unknown>) => fromItem<ServiceDef>(i, ['order', 'catalogVersion']);

/** The whole catalogue: one Query on one small partition. */
export async function listServices(): Promise<ServiceDef[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.serviceListPk() },
    }),
  );
  return (out.Items ?? []).map(strip);
}

export async function getService(code: string): Promise<ServiceDef | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.service(code) }));
  return Item ? strip(Item) : undefined;
}

/** Writes the versioned catalogue file into the table when the stored version is older. */
export async function syncCatalog(now: string): Promise<number> {
  const marker = await db().send(new GetCommand({ TableName: table(), Key: keys.seedMarker('services') }));
  if ((marker.Item?.version as number) >= SERVICE_CATALOG_VERSION) return 0;
  await Promise.all(
    SERVICES.map((s, i) => {
      const order = String(i + 1).padStart(4, '0');
      return db().send(
        new PutCommand({
          TableName: table(),
          Item: {
            ...keys.service(s.code),
            ...keys.serviceList(`${order}#${s.code}`),
            type: 'service',
            order,
            catalogVersion: SERVICE_CATALOG_VERSION,
            ...s,
            updatedAt: now,
          },
        }),
      );
    }),
  );
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.seedMarker('services'), type: 'seed', version: SERVICE_CATALOG_VERSION, at: now },
    }),
  );
  return SERVICES.length;
}
