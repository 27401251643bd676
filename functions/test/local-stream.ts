/**
 * Reads DynamoDB Local's own stream of a table (DynamoDB Streams API, JSON over HTTP) so tests can
 * feed the jobs handler the records the cloud's event source would deliver. DynamoDB Local does not
 * check signatures; it keys its data by the credential's access key and region, which must match
 * the document client's (data/client.ts: access key "local", config.region).
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { config } from '../src/config';
import { db } from '../src/data/client';

export interface StreamRecord {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  dynamodb: {
    Keys: Record<string, { S?: string }>;
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
    SequenceNumber: string;
  };
}

/** DynamoDB Local parses the header for the access key and region only */
const UNSIGNED = 'SignedHeaders=host, Signature=0';

async function streams<T>(target: string, body: unknown): Promise<T> {
  const res = await fetch(config.dynamoEndpoint!, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDBStreams_20120810.${target}`,
      'x-amz-date': '20250101T000000Z',
      authorization: `AWS4-HMAC-SHA256 Credential=local/20250101/${config.region}/dynamodb/aws4_request, ${UNSIGNED}`,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`DynamoDB Streams ${target}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A reader positioned at the start of the table's stream; next() returns what arrived since the last call. */
export async function streamReader(tableName: string) {
  const { Table } = await db().send(new DescribeTableCommand({ TableName: tableName }));
  const arn = Table!.LatestStreamArn!;
  const iterators = new Map<string, string | undefined>();
  return {
    async next(): Promise<StreamRecord[]> {
      const { StreamDescription } = await streams<{ StreamDescription: { Shards: { ShardId: string }[] } }>(
        'DescribeStream',
        { StreamArn: arn },
      );
      for (const { ShardId } of StreamDescription.Shards)
        if (!iterators.has(ShardId)) {
          const it = await streams<{ ShardIterator: string }>('GetShardIterator', {
            StreamArn: arn,
            ShardId,
            ShardIteratorType: 'TRIM_HORIZON',
          });
          iterators.set(ShardId, it.ShardIterator);
        }
      const out: StreamRecord[] = [];
      for (const [shard, iterator] of iterators) {
        let it = iterator;
        while (it) {
          const page = await streams<{ Records: StreamRecord[]; NextShardIterator?: string }>('GetRecords', {
            ShardIterator: it,
          });
          out.push(...page.Records);
          it = page.NextShardIterator;
          if (!page.Records.length) break;
        }
        iterators.set(shard, it);
      }
      return out;
    },
  };
}
