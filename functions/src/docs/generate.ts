/**
 * The generated documents kept in the repo: docs/openapi.json (from the route table and the zod
 * schemas) and DATA_MODEL.md (from the access-pattern table beside the key builders).
 * `npm run docs` rewrites them; a test fails when they are stale.
 */
import { ACCESS_PATTERNS } from '../data/keys';
import { tableDef } from '../data/table-def';
import { openApiDocument } from '../http/openapi';

export function openApiText(): string {
  return JSON.stringify(openApiDocument({ includeStageRoutes: true }), null, 2) + '\n';
}

export function dataModelText(): string {
  const rows = ACCESS_PATTERNS.map((p) => `| ${p.pattern} | ${p.index} | \`${p.keyCondition}\` | \`${p.example}\` |`);
  return `# Data model (generated — edit functions/src/data/keys.ts, then \`npm run docs\`)

One DynamoDB table (single-table design), defined once in \`functions/src/data/table-def.ts\` and
used by CDK, the local stack and the tests.

- Keys: \`${tableDef.partitionKey}\` / \`${tableDef.sortKey}\`; overloaded GSIs ${tableDef.gsis.map((g) => `\`${g.name}\` (\`${g.partitionKey}\`/\`${g.sortKey}\`)`).join(', ')}, all projecting ALL.
- TTL attribute \`${tableDef.ttlAttribute}\` (epoch seconds). Stream: new and old images.
- Every item has \`type\`, \`version\` (optimistic locking), \`createdAt\`, \`updatedAt\` where it is an entity.
- Keys are built only in \`functions/src/data/keys.ts\`. No Scan anywhere: every list is one Query
  with an opaque, HMAC-signed cursor bound to its partition.

## Access patterns

| pattern | index | key condition | example |
|---|---|---|---|
${rows.join('\n')}
`;
}
