import { table } from './client';

const KEY_ATTRS = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'type']);

/** An entity from its stored item: keys, index attributes and `type` removed (plus `extra`). */
export function fromItem<T>(item: Record<string, unknown>, extra: readonly string[] = []): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRS.has(k) && !extra.includes(k)) out[k] = v;
  return out as T;
}

/**
 * The one conditional write of workflow entities: create (the item must not exist yet) or replace
 * (only while it is still at the version and status that were read — optimistic locking).
 */
export function conditionalPut(item: Record<string, unknown>, expected?: { version: number; status: string }) {
  return {
    Put: {
      TableName: table(),
      Item: item,
      ...(expected
        ? {
            // version 0: an item written before it carried a version
            ConditionExpression: `${expected.version === 0 ? 'attribute_not_exists(version)' : 'version = :v'} AND #s = :s`,
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: {
              ...(expected.version === 0 ? {} : { ':v': expected.version }),
              ':s': expected.status,
            },
          }
        : { ConditionExpression: 'attribute_not_exists(PK)' }),
    },
  };
}
