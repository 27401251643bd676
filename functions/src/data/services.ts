import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceDef } from '@gridlink/shared/service-def';
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
