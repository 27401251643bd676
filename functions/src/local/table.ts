import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { db } from '../data/client';
import { tableDef } from '../data/table-def';

/**
 * Creates the table from the same definition CDK uses, unless it exists. Returns true if created.
 * Without the cloud's stream: nothing local reads it (the local stack watches its own writes,
 * local/stats-feed.ts), and DynamoDB Local emulates it with a SQLite lookup per written item that
 * grows with the stream's history — measured: 20 grid nodes/s at the end of a Haizhou-size import.
 * A table saved by an older version (.data/dynamodb) has its stream switched off here. `stream`:
 * with the cloud's stream, for the one suite that reads it (the stream aggregator's).
 */
export async function ensureTable(name: string, opts: { stream?: boolean } = {}): Promise<boolean> {
  const client = db();
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.StreamSpecification?.StreamEnabled && !opts.stream)
      await client.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: false } }));
    return false;
  } catch (e) {
    if ((e as Error).name !== 'ResourceNotFoundException') throw e;
  }
  const attrs = new Set<string>([tableDef.partitionKey, tableDef.sortKey]);
  for (const g of tableDef.gsis) attrs.add(g.partitionKey).add(g.sortKey);
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attrs].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: tableDef.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDef.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDef.gsis.map((g) => ({
        IndexName: g.name,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      ...(opts.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } } : {}),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: tableDef.ttlAttribute, Enabled: true },
    }),
  );
  return true;
}
