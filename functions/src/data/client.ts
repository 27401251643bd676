import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';

let cached: { endpoint: string | undefined; doc: DynamoDBDocumentClient } | undefined;

/** One document client per cold start (re-made only if the endpoint changes, as in tests). */
export function db(): DynamoDBDocumentClient {
  const endpoint = config.dynamoEndpoint;
  if (cached && cached.endpoint === endpoint) return cached.doc;
  const client = new DynamoDBClient({
    region: config.region,
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 } : {}),
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  cached = { endpoint, doc };
  return doc;
}

export const table = () => config.tableName;
