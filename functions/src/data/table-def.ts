/**
 * The single table, defined once: CDK builds the cloud table from it and the local stack and the
 * tests create DynamoDB Local tables from it. Keys are overloaded; see ./keys.ts and DATA_MODEL.md.
 */
export const tableDef = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Global secondary indexes, all projecting ALL attributes. */
  gsis: [
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { name: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ],
  /** epoch seconds; DynamoDB TTL deletes expired idempotency records, rate windows, etc. */
  ttlAttribute: 'expiresAt',
} as const;

export type IndexName = (typeof tableDef.gsis)[number]['name'];
