import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';

/** BatchGet in request order (up to 100 keys; retries unprocessed keys). */
export async function getMany(keyList: { PK: string; SK: string }[]): Promise<Record<string, unknown>[]> {
  if (!keyList.length) return [];
  const found = new Map<string, Record<string, unknown>>();
  let pending: Record<string, unknown>[] = keyList;
  for (let attempt = 0; pending.length && attempt < 5; attempt++) {
    const out = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: pending } } }));
    for (const i of out.Responses?.[table()] ?? []) found.set(`${i.PK}|${i.SK}`, i);
    pending = (out.UnprocessedKeys?.[table()]?.Keys as Record<string, unknown>[]) ?? [];
  }
  return keyList.map((k) => found.get(`${k.PK}|${k.SK}`)).filter((i): i is Record<string, unknown> => !!i);
}
