/**
 * The seed's side of the catalogue: the 41 services of shared/services-catalog.ts written into the
 * table. Apart from data/services.ts so the functions that only read the catalogue do not bundle it.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SERVICE_CATALOG_VERSION, SERVICES } from '@gridlink/shared/services-catalog';
import { db, table } from './client';
import { keys } from './keys';

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
