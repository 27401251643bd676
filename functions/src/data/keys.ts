/**
 * The only module that builds DynamoDB keys. Every access pattern of the product is listed in
 * ACCESS_PATTERNS below (and rendered into DATA_MODEL.md by `npm run datamodel`).
 */
export const keys = {
  user: (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  /** uniqueness of a WeChat openid; points at the user */
  openid: (openid: string) => ({ PK: `OPENID#${openid}`, SK: 'OPENID' }),
  grid: (gridId: string) => ({ PK: `GRID#${gridId}`, SK: 'GRID' }),
  /** GSI1 on a grid item: its parent's children, ordered by sort order */
  gridChild: (parentId: string, order: string) => ({ GSI1PK: `CHILDREN#${parentId}`, GSI1SK: order }),
  gridChildrenOf: (parentId: string) => `CHILDREN#${parentId}`,
  /** a staff assignment lives in its grid's partition: one Query reads the grid and its staff */
  gridStaff: (gridId: string, userId: string) => ({ PK: `GRID#${gridId}`, SK: `STAFF#${userId}` }),
  gridPartition: (gridId: string) => `GRID#${gridId}`,
  /** audit trail of one target; GSI1 lists what one actor did */
  audit: (target: string, at: string, id: string) => ({ PK: `AUDIT#${target}`, SK: `${at}#${id}` }),
  auditBy: (actorId: string, at: string, id: string) => ({ GSI1PK: `AUDITBY#${actorId}`, GSI1SK: `${at}#${id}` }),
  /** fixed-window rate counter */
  rate: (scope: string, window: number) => ({ PK: `RATE#${scope}`, SK: `W#${window}` }),
  idempotency: (scope: string, key: string) => ({ PK: `IDEMP#${scope}#${key}`, SK: 'IDEMP' }),
  seedMarker: (name: string) => ({ PK: `SEED#${name}`, SK: 'SEED' }),
};

export interface AccessPattern {
  pattern: string;
  index: 'table' | 'GSI1' | 'GSI2' | 'GSI3';
  keyCondition: string;
  example: string;
}

export const ACCESS_PATTERNS: AccessPattern[] = [
  { pattern: 'Get a user', index: 'table', keyCondition: 'PK = USER#<id>, SK = PROFILE', example: 'USER#resident-demo / PROFILE' },
  { pattern: 'Find the user of a WeChat openid', index: 'table', keyCondition: 'PK = OPENID#<openid>, SK = OPENID', example: 'OPENID#o6_bmjrPTlm6_2sgVt7hMZOPfL2M / OPENID' },
  { pattern: 'Get a grid node with its staff', index: 'table', keyCondition: 'PK = GRID#<id> (SK = GRID and SK begins_with STAFF#)', example: 'GRID#hz-hp-xh-c1-a1-b1 / STAFF#worker-demo' },
  { pattern: 'List the children of a grid node', index: 'GSI1', keyCondition: 'GSI1PK = CHILDREN#<parentId>, GSI1SK > <cursor>', example: 'CHILDREN#hz-hp-xh / 0001#幸福小区' },
  { pattern: 'List the staff of a grid', index: 'table', keyCondition: 'PK = GRID#<gridId>, SK begins_with STAFF#', example: 'GRID#hz-hp-xh-c1-a1-b1 / STAFF#worker-demo' },
  { pattern: 'Audit trail of a target (newest first)', index: 'table', keyCondition: 'PK = AUDIT#<type>:<id>, SK <= now', example: 'AUDIT#user:resident-demo / 2026-11-28T13:00:00.000Z#01J…' },
  { pattern: 'What one actor did (audit)', index: 'GSI1', keyCondition: 'GSI1PK = AUDITBY#<userId>', example: 'AUDITBY#worker-demo / 2026-11-28T13:00:00.000Z#01J…' },
  { pattern: 'Rate limit window of a caller and route', index: 'table', keyCondition: 'PK = RATE#<route>:<caller>, SK = W#<minute>', example: 'RATE#auth.wechat:1.2.3.4 / W#29410000' },
  { pattern: 'Replay a creating POST (Idempotency-Key)', index: 'table', keyCondition: 'PK = IDEMP#<userId>#<key>, SK = IDEMP', example: 'IDEMP#resident-demo#3f2c… / IDEMP' },
  { pattern: 'Has the demo seed been written', index: 'table', keyCondition: 'PK = SEED#<name>, SK = SEED', example: 'SEED#demo / SEED' },
];
