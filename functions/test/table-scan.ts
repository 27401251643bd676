/** Test-only reads of the whole local table (never on a request path: the product has no Scan). */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../src/data/client';

/** every item of the table, page by page */
export async function scanAll(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new ScanCommand({ TableName: table(), ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** the items `keep` selects, keyed, to compare a table before and after */
export async function snapshot(keep: (i: Record<string, unknown>) => boolean = (i) => i.type !== 'audit') {
  return new Map((await scanAll()).filter(keep).map((i) => [`${i.PK}|${i.SK}`, JSON.stringify(i)] as const));
}
