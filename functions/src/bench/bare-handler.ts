/**
 * The yardstick of the bundle table: a handler that only imports the DynamoDB client and the
 * document client and reads one item. Every area bundle is compared with this one.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export async function handler(event: { id?: string }) {
  const out = await doc.send(
    new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: `USER#${event.id}`, SK: 'PROFILE' } }),
  );
  return { statusCode: out.Item ? 200 : 404, body: JSON.stringify(out.Item ?? null) };
}
