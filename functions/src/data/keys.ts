/**
 * The only module that builds DynamoDB keys. Every access pattern of the product is listed in
 * ACCESS_PATTERNS below (and rendered into DATA_MODEL.md by `npm run docs`).
 */
const staffInPrefix = (path: readonly string[]) =>
  path
    .slice(1)
    .map((id) => `${id}/`)
    .join('');

export const keys = {
  user: (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  /** uniqueness of a WeChat openid; points at the user */
  openid: (openid: string) => ({ PK: `OPENID#${openid}`, SK: 'OPENID' }),
  /** a unit binding waiting for a grid worker's confirmation, in its community's partition */
  pendingBinding: (communityId: string, userId: string) => ({ PK: `UNITBIND#${communityId}`, SK: `USER#${userId}` }),
  pendingBindingsPk: (communityId: string) => `UNITBIND#${communityId}`,
  grid: (gridId: string) => ({ PK: `GRID#${gridId}`, SK: 'GRID' }),
  /** GSI1 on a grid item: its parent's children, ordered by sort order */
  gridChild: (parentId: string, order: string) => ({ GSI1PK: `CHILDREN#${parentId}`, GSI1SK: order }),
  gridChildrenOf: (parentId: string) => `CHILDREN#${parentId}`,
  /** a staff assignment lives in its grid's partition: one Query reads the grid and its staff */
  gridStaff: (gridId: string, userId: string) => ({ PK: `GRID#${gridId}`, SK: `STAFF#${userId}` }),
  gridPartition: (gridId: string) => `GRID#${gridId}`,
  /**
   * GSI1 on a staff assignment: every assignment of a district in one partition, sorted by the
   * grid's path below the district ('<street>/<community>/…/#<userId>'), so the staff of any grid
   * and below is one Query with begins_with on the path prefix.
   */
  staffIn: (path: readonly string[], userId: string) => ({
    GSI1PK: `STAFFIN#${path[0]}`,
    GSI1SK: `${staffInPrefix(path)}#${userId}`,
  }),
  staffInPk: (districtId: string) => `STAFFIN#${districtId}`,
  staffInPrefix: (path: readonly string[]) => staffInPrefix(path),
  /** a hand-over of a leaver's open work to a successor (progress; resumable) */
  handover: (fromId: string, id: string) => ({ PK: `USER#${fromId}`, SK: `HANDOVER#${id}` }),
  /** audit trail of one target; GSI1 lists what one actor did */
  audit: (target: string, at: string, id: string) => ({ PK: `AUDIT#${target}`, SK: `${at}#${id}` }),
  auditBy: (actorId: string, at: string, id: string) => ({ GSI1PK: `AUDITBY#${actorId}`, GSI1SK: `${at}#${id}` }),
  /** fixed-window rate counter */
  rate: (scope: string, window: number) => ({ PK: `RATE#${scope}`, SK: `W#${window}` }),
  request: (id: string) => ({ PK: `REQ#${id}`, SK: 'REQ' }),
  requestPartition: (id: string) => `REQ#${id}`,
  requestEvent: (id: string, at: string, eventId: string) => ({ PK: `REQ#${id}`, SK: `EVT#${at}#${eventId}` }),
  requestJoin: (id: string, userId: string) => ({ PK: `REQ#${id}`, SK: `JOIN#${userId}` }),
  /** GSI1: a user's own requests (and those they joined), newest first */
  requestsBy: (userId: string, createdAt: string, id: string) => ({
    GSI1PK: `REQBY#${userId}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  requestsByPk: (userId: string) => `REQBY#${userId}`,
  /** GSI2: the inbox that must act now: a grid's, or a department's while dispatched */
  inbox: (owner: string, createdAt: string, id: string) => ({ GSI2PK: `INBOX#${owner}`, GSI2SK: `${createdAt}#${id}` }),
  inboxPk: (owner: string) => `INBOX#${owner}`,
  /** GSI3 (sparse): open requests by due time, and resolved ones by auto-close time, sharded */
  due: (shard: number, dueAt: string, id: string) => ({ GSI3PK: `DUE#${shard}`, GSI3SK: `${dueAt}#${id}` }),
  duePk: (shard: number) => `DUE#${shard}`,
  autoClose: (shard: number, at: string, id: string) => ({ GSI3PK: `AUTOCLOSE#${shard}`, GSI3SK: `${at}#${id}` }),
  autoClosePk: (shard: number) => `AUTOCLOSE#${shard}`,
  /** open requests of one building and category (duplicate suggestion, 我也遇到) */
  openInBuilding: (buildingId: string, category: string, requestId: string) => ({
    PK: `OPENREQ#${buildingId}#${category}`,
    SK: `REQ#${requestId}`,
  }),
  openInBuildingPk: (buildingId: string, category: string) => `OPENREQ#${buildingId}#${category}`,
  callback: (id: string) => ({ PK: `CB#${id}`, SK: 'CB' }),
  /** GSI1: a community's call-backs, newest first */
  callbacksOf: (communityId: string, createdAt: string, id: string) => ({
    GSI1PK: `CALLBACKS#${communityId}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  callbacksOfPk: (communityId: string) => `CALLBACKS#${communityId}`,
  /** dashboard totals of a grid node (covers the node and everything below it), kept by the stream aggregator */
  stats: (gridId: string) => ({ PK: `STATS#${gridId}`, SK: 'STATS' }),
  /** the counters of writes made in this very grid: the only counter item a write's transaction touches */
  statsLocal: (gridId: string) => ({ PK: `STATS#${gridId}`, SK: 'LOCAL' }),
  /** the part of statsLocal the aggregator has already added to the totals (only the aggregator writes it) */
  statsPushed: (gridId: string) => ({ PK: `STATS#${gridId}`, SK: 'PUSHED' }),
  /** what the aggregator added to a grid's totals on one China day ('YYYY-MM-DD') / month ('YYYY-MM') */
  statsDay: (gridId: string, date: string) => ({ PK: `STATS#${gridId}`, SK: `DAY#${date}` }),
  statsMonth: (gridId: string, month: string) => ({ PK: `STATS#${gridId}`, SK: `MONTH#${month}` }),
  statsPk: (gridId: string) => `STATS#${gridId}`,
  statsDaySk: (date: string) => `DAY#${date}`,
  statsMonthSk: (month: string) => `MONTH#${month}`,
  /** the district's 考核 weights (domain/assessment) */
  assessmentWeights: (districtId: string) => ({ PK: `CONFIG#${districtId}`, SK: 'ASSESSMENT' }),
  /** the public 三率 scoreboard of a district, written by the daily job */
  scoreboard: (districtId: string) => ({ PK: `SCOREBOARD#${districtId}`, SK: 'LATEST' }),
  /** a big batch's deltas for the top levels (district, street, community), between its two phases */
  statsCarry: (at: string, id: string) => ({ PK: 'STATSCARRY', SK: `${at}#${id}` }),
  statsCarryPk: () => 'STATSCARRY',
  /** the grid of a statsLocal key (a stream record's Keys), or undefined for any other item */
  gridOfStatsLocal: (k: { PK?: unknown; SK?: unknown }) =>
    k.SK === 'LOCAL' && typeof k.PK === 'string' && k.PK.startsWith('STATS#') ? k.PK.slice(6) : undefined,
  /** in-app 消息 of a user, newest first */
  message: (userId: string, at: string, id: string) => ({ PK: `USER#${userId}`, SK: `MSG#${at}#${id}` }),
  /** begins_with on the user's partition: their messages only */
  messagesPrefix: () => 'MSG#',
  /** notification outbox: one item per change; GSI3 (sparse, sharded) lists the unsent */
  outbox: (id: string) => ({ PK: `OUTBOX#${id}`, SK: 'OUTBOX' }),
  outboxPending: (shard: number, at: string, id: string) => ({ GSI3PK: `OUTBOX#${shard}`, GSI3SK: `${at}#${id}` }),
  outboxPendingPk: (shard: number) => `OUTBOX#${shard}`,
  service: (code: string) => ({ PK: `SERVICE#${code}`, SK: 'SERVICE' }),
  /** GSI1: the whole catalogue in one partition (41 items), in catalogue order */
  serviceList: (order: string) => ({ GSI1PK: 'SERVICES', GSI1SK: order }),
  serviceListPk: () => 'SERVICES',
  application: (id: string) => ({ PK: `APP#${id}`, SK: 'APP' }),
  applicationPartition: (id: string) => `APP#${id}`,
  applicationEvent: (id: string, at: string, eventId: string) => ({ PK: `APP#${id}`, SK: `EVT#${at}#${eventId}` }),
  /** GSI1: a person's applications (their own and those made for them), newest first */
  applicationsOf: (userId: string, createdAt: string, id: string) => ({
    GSI1PK: `APPOF#${userId}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  applicationsOfPk: (userId: string) => `APPOF#${userId}`,
  /** GSI2: a community office's review queue (sparse: only while under review) */
  reviewQueue: (communityId: string, createdAt: string, id: string) => ({
    GSI2PK: `REVIEW#${communityId}`,
    GSI2SK: `${createdAt}#${id}`,
  }),
  reviewQueuePk: (communityId: string) => `REVIEW#${communityId}`,
  /** the acting agent or family member also lists the application: a pointer item */
  applicationActor: (id: string, actorId: string, createdAt: string) => ({
    PK: `APP#${id}`,
    SK: `ACTOR#${actorId}`,
    GSI1PK: `APPOF#${actorId}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  /** the actor id of an application's pointer item, from its sort key */
  applicationActorIdOf: (sk: string) => sk.replace(/^ACTOR#/, ''),
  /** a care recipient's relations: family links and the agent whose task is live (access window) */
  familyLink: (recipientId: string, userId: string) => ({ PK: `CARE#${recipientId}`, SK: `FAMILY#${userId}` }),
  liveTask: (recipientId: string, agentId: string) => ({ PK: `CARE#${recipientId}`, SK: `LIVETASK#${agentId}` }),
  careProfile: (recipientId: string) => ({ PK: `CARE#${recipientId}`, SK: 'PROFILE' }),
  carePartition: (recipientId: string) => `CARE#${recipientId}`,
  /** GSI1 on a care profile: a community's 帮扶对象 */
  careList: (communityId: string, name: string, id: string) => ({
    GSI1PK: `CARELIST#${communityId}`,
    GSI1SK: `${name}#${id}`,
  }),
  careListPk: (communityId: string) => `CARELIST#${communityId}`,
  /** GSI1 on a family link: the recipients a user looks after */
  familyOf: (userId: string, recipientId: string) => ({ GSI1PK: `FAMILYOF#${userId}`, GSI1SK: recipientId }),
  proxyTask: (id: string) => ({ PK: `TASK#${id}`, SK: 'TASK' }),
  proxyTaskPartition: (id: string) => `TASK#${id}`,
  proxyEvent: (id: string, at: string, eventId: string) => ({ PK: `TASK#${id}`, SK: `EVT#${at}#${eventId}` }),
  /** GSI1: tasks someone asked for (requester, and the recipient through a pointer item) */
  tasksRequested: (userId: string, createdAt: string, id: string) => ({
    GSI1PK: `TASKREQ#${userId}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  tasksRequestedPk: (userId: string) => `TASKREQ#${userId}`,
  taskFor: (id: string, recipientId: string, createdAt: string) => ({
    PK: `TASK#${id}`,
    SK: `FOR#${recipientId}`,
    GSI1PK: `TASKREQ#${recipientId}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  /** GSI2 while open: 任务大厅 of a community, nearest deadline first */
  taskHall: (communityId: string, deadline: string, id: string) => ({
    GSI2PK: `HALL#${communityId}`,
    GSI2SK: `${deadline}#${id}`,
  }),
  taskHallPk: (communityId: string) => `HALL#${communityId}`,
  /** GSI2 once claimed: an agent's tasks */
  agentTasks: (agentId: string, claimedAt: string, id: string) => ({
    GSI2PK: `AGENTTASKS#${agentId}`,
    GSI2SK: `${claimedAt}#${id}`,
  }),
  agentTasksPk: (agentId: string) => `AGENTTASKS#${agentId}`,
  /** GSI3 while open and not yet alerted: unclaimed tasks by deadline (sharded) */
  taskDue: (shard: number, deadline: string, id: string) => ({
    GSI3PK: `TASKDUE#${shard}`,
    GSI3SK: `${deadline}#${id}`,
  }),
  taskDuePk: (shard: number) => `TASKDUE#${shard}`,
  agentStats: (agentId: string) => ({ PK: `USER#${agentId}`, SK: 'AGENTSTATS' }),
  /** per-worker counters of one China month (data/worker-stats.ts) */
  workerStats: (userId: string, month: string) => ({ PK: `USER#${userId}`, SK: `WSTATS#${month}` }),
  agentApplication: (userId: string) => ({ PK: `AGENTAPP#${userId}`, SK: 'AGENTAPP' }),
  /** GSI2: agent applications waiting in a community */
  agentApplications: (communityId: string, createdAt: string, userId: string) => ({
    GSI2PK: `AGENTAPPS#${communityId}`,
    GSI2SK: `${createdAt}#${userId}`,
  }),
  agentApplicationsPk: (communityId: string) => `AGENTAPPS#${communityId}`,
  /** 矛盾纠纷 / 信访: the case item, its timeline events and its person pointers share one partition */
  dispute: (id: string) => ({ PK: `DISP#${id}`, SK: 'DISP' }),
  disputePartition: (id: string) => `DISP#${id}`,
  petition: (id: string) => ({ PK: `PET#${id}`, SK: 'PET' }),
  petitionPartition: (id: string) => `PET#${id}`,
  caseEvent: (partition: string, at: string, eventId: string) => ({ PK: partition, SK: `EVT#${at}#${eventId}` }),
  /** a pointer per party / petitioner / proxy; GSI1 lists a person's disputes and petitions */
  casePerson: (partition: string, userId: string, createdAt: string, caseId: string) => ({
    PK: partition,
    SK: `PERSON#${userId}`,
    GSI1PK: `CASEOF#${userId}`,
    GSI1SK: `${createdAt}#${caseId}`,
  }),
  casesOfPk: (userId: string) => `CASEOF#${userId}`,
  /** GSI1 on a case item: all of a community's disputes / petitions, newest first */
  casesIn: (kind: 'DISP' | 'PET', communityId: string, createdAt: string, id: string) => ({
    GSI1PK: `${kind}IN#${communityId}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  casesInPk: (kind: 'DISP' | 'PET', communityId: string) => `${kind}IN#${communityId}`,
  /** GSI2 on a case item: the grid that must act now */
  caseInbox: (kind: 'DISP' | 'PET', gridId: string, createdAt: string, id: string) => ({
    GSI2PK: `${kind}BOX#${gridId}`,
    GSI2SK: `${createdAt}#${id}`,
  }),
  caseInboxPk: (kind: 'DISP' | 'PET', gridId: string) => `${kind}BOX#${gridId}`,
  /** GSI3 (sparse, sharded): open petitions by deadline */
  petitionDue: (shard: number, dueAt: string, id: string) => ({ GSI3PK: `PETDUE#${shard}`, GSI3SK: `${dueAt}#${id}` }),
  petitionDuePk: (shard: number) => `PETDUE#${shard}`,
  /** a request opened as a dispute (at most once) */
  requestDispute: (requestId: string) => ({ PK: `REQ#${requestId}`, SK: 'DISPUTE' }),
  auditPk: (target: string) => `AUDIT#${target}`,
  /** Open311 public feed: one small item per request, partitioned by month of creation */
  open311: (createdAt: string, id: string) => ({ PK: `OPEN311#${createdAt.slice(0, 7)}`, SK: `${createdAt}#${id}` }),
  open311Pk: (month: string) => `OPEN311#${month}`,
  /** a content-security check of one field of an item; GSI3 (sparse, sharded) lists those due */
  modCheck: (id: string) => ({ PK: `MODCHECK#${id}`, SK: 'MODCHECK' }),
  modCheckDue: (shard: number, at: string, id: string) => ({ GSI3PK: `MODQ#${shard}`, GSI3SK: `${at}#${id}` }),
  modCheckDuePk: (shard: number) => `MODQ#${shard}`,
  /** a mediaCheckAsync trace id → the check waiting for its pushed verdict */
  modTrace: (traceId: string) => ({ PK: `MODTRACE#${traceId}`, SK: 'MODTRACE' }),
  idempotency: (scope: string, key: string) => ({ PK: `IDEMP#${scope}#${key}`, SK: 'IDEMP' }),
  seedMarker: (name: string) => ({ PK: `SEED#${name}`, SK: 'SEED' }),
  /** 房屋 and 人口 of one building share its partition: one Query reads all its households */
  buildingPartition: (buildingId: string) => `BLD#${buildingId}`,
  house: (buildingId: string, unitId: string, houseNo: string) => ({
    PK: `BLD#${buildingId}`,
    SK: `HOUSE#${unitId}#${houseNo}`,
  }),
  housePrefix: () => 'HOUSE#',
  /** personId: a hash of unit + 门牌号 + ID number (the import's identity of a person; no ID in keys) */
  person: (buildingId: string, personId: string) => ({ PK: `BLD#${buildingId}`, SK: `PERSON#${personId}` }),
  personPrefix: () => 'PERSON#',
  /** search within a community (GSI1 by name, GSI2 by 门牌号; only current residents; never an ID number) */
  personByName: (communityId: string, name: string, personId: string) => ({
    GSI1PK: `PSEARCH#${communityId}`,
    GSI1SK: `N#${name}#${personId}`,
  }),
  personByHouse: (communityId: string, houseNo: string, personId: string) => ({
    GSI2PK: `PSEARCH#${communityId}`,
    GSI2SK: `H#${houseNo}#${personId}`,
  }),
  personSearchPk: (communityId: string) => `PSEARCH#${communityId}`,
  /** a batch of base rows whose counter deltas have not landed yet (recounted if left behind) */
  popDirty: (at: string, id: string) => ({ PK: 'POPDIRTY', SK: `${at}#${id}` }),
  popDirtyPk: () => 'POPDIRTY',
  /** a resident's verified binding matched this person (迁出 ends it) */
  personBinding: (personId: string, userId: string) => ({ PK: `PBIND#${personId}`, SK: `USER#${userId}` }),
  personBindingPk: (personId: string) => `PBIND#${personId}`,
  /** an import run: its progress and report (the admin upload's job) */
  importJob: (id: string) => ({ PK: `IMPORT#${id}`, SK: 'IMPORT' }),
  /** GSI1: an admin's import jobs, newest first */
  importsBy: (userId: string, createdAt: string, id: string) => ({
    GSI1PK: `IMPORTBY#${userId}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  importsByPk: (userId: string) => `IMPORTBY#${userId}`,
  // issue 14 deptflow: 报到 deadlines, overdue departments, call-back deadlines, flagged ratings, devices
  /** GSI3 (sparse, sharded) while dispatched and not signed for: the department's 报到 deadline */
  deptSignDue: (shard: number, at: string, id: string) => ({ GSI3PK: `DEPTSIGN#${shard}`, GSI3SK: `${at}#${id}` }),
  deptSignDuePk: (shard: number) => `DEPTSIGN#${shard}`,
  /** a request late at its department (not signed for in time, or past its deadline), in its street's list */
  deptLate: (streetId: string, requestId: string, reason: string) => ({
    PK: `DEPTLATE#${streetId}`,
    SK: `REQ#${requestId}#${reason}`,
  }),
  deptLatePk: (streetId: string) => `DEPTLATE#${streetId}`,
  /** GSI3 (sparse, sharded) on an open 1–2★ call-back: its 24-hour deadline */
  callbackDue: (shard: number, at: string, id: string) => ({ GSI3PK: `CBDUE#${shard}`, GSI3SK: `${at}#${id}` }),
  callbackDuePk: (shard: number) => `CBDUE#${shard}`,
  /** GSI2 on a call-back escalated to the street: the street's list, newest first */
  callbacksEscalated: (streetId: string, at: string, id: string) => ({
    GSI2PK: `CBESC#${streetId}`,
    GSI2SK: `${at}#${id}`,
  }),
  callbacksEscalatedPk: (streetId: string) => `CBESC#${streetId}`,
  /** a flagged rating in its street's list, newest first */
  flaggedRating: (streetId: string, at: string, requestId: string) => ({
    PK: `FLAGGED#${streetId}`,
    SK: `${at}#${requestId}`,
  }),
  flaggedRatingsPk: (streetId: string) => `FLAGGED#${streetId}`,
  /** ratings in one grid and minute (burst flag), TTL a few minutes */
  ratingMinute: (gridId: string, minute: string) => ({ PK: `RATEMIN#${gridId}`, SK: `M#${minute}` }),
  /** a department's members who opened 待办 (who hear of what is dispatched to it) */
  deptMember: (departmentId: string, userId: string) => ({ PK: `DEPTMEMBERS#${departmentId}`, SK: `USER#${userId}` }),
  deptMembersPk: (departmentId: string) => `DEPTMEMBERS#${departmentId}`,
  /** a device (hashed id) seen with a staff token, TTL */
  staffDevice: (deviceHash: string) => ({ PK: `DEVICE#${deviceHash}`, SK: 'STAFF' }),
};

export interface AccessPattern {
  pattern: string;
  index: 'table' | 'GSI1' | 'GSI2' | 'GSI3';
  keyCondition: string;
  example: string;
}

export const ACCESS_PATTERNS: AccessPattern[] = [
  {
    pattern: 'Get a user',
    index: 'table',
    keyCondition: 'PK = USER#<id>, SK = PROFILE',
    example: 'USER#resident-demo / PROFILE',
  },
  {
    pattern: 'Find the user of a WeChat openid',
    index: 'table',
    keyCondition: 'PK = OPENID#<openid>, SK = OPENID',
    example: 'OPENID#o6_bmjrPTlm6_2sgVt7hMZOPfL2M / OPENID',
  },
  {
    pattern: 'Get a grid node with its staff',
    index: 'table',
    keyCondition: 'PK = GRID#<id> (SK = GRID and SK begins_with STAFF#)',
    example: 'GRID#hz-hp-xh-c1-a1-b1 / STAFF#worker-demo',
  },
  {
    pattern: 'List the children of a grid node',
    index: 'GSI1',
    keyCondition: 'GSI1PK = CHILDREN#<parentId>, GSI1SK > <cursor>',
    example: 'CHILDREN#hz-hp-xh / 0001#幸福小区',
  },
  {
    pattern: 'List the staff of a grid',
    index: 'table',
    keyCondition: 'PK = GRID#<gridId>, SK begins_with STAFF#',
    example: 'GRID#hz-hp-xh-c1-a1-b1 / STAFF#worker-demo',
  },
  {
    pattern: 'List the staff of a grid and everything below it (staff administration)',
    index: 'GSI1',
    keyCondition: 'GSI1PK = STAFFIN#<districtId>, GSI1SK begins_with <street>/<community>/…/',
    example: 'STAFFIN#hz / hz-hp/hz-hp-xh/hz-hp-xh-c1/hz-hp-xh-c1-a1/hz-hp-xh-c1-a1-b1/#worker-demo',
  },
  {
    pattern: "A leaver's hand-over to a successor",
    index: 'table',
    keyCondition: 'PK = USER#<leaverId>, SK = HANDOVER#<id>',
    example: 'USER#worker-demo / HANDOVER#01JD…',
  },
  {
    pattern: 'Audit trail of a target (newest first)',
    index: 'table',
    keyCondition: 'PK = AUDIT#<type>:<id>, SK <= now',
    example: 'AUDIT#user:resident-demo / 2026-11-28T13:00:00.000Z#01J…',
  },
  {
    pattern: 'What one actor did (audit)',
    index: 'GSI1',
    keyCondition: 'GSI1PK = AUDITBY#<userId>',
    example: 'AUDITBY#worker-demo / 2026-11-28T13:00:00.000Z#01J…',
  },
  {
    pattern: 'Rate limit window of a caller and route',
    index: 'table',
    keyCondition: 'PK = RATE#<route>:<caller>, SK = W#<minute>',
    example: 'RATE#auth.wechat:1.2.3.4 / W#29410000',
  },
  {
    pattern: 'Get a request with its timeline and joiners',
    index: 'table',
    keyCondition: 'PK = REQ#<id>',
    example: 'REQ#01JD… / REQ, EVT#2026-11-28T…#01JD…, JOIN#resident-elder',
  },
  {
    pattern: "A resident's requests (own and joined), newest first",
    index: 'GSI1',
    keyCondition: 'GSI1PK = REQBY#<userId>',
    example: 'REQBY#resident-demo / 2026-11-28T…#01JD…',
  },
  {
    pattern: 'An inbox (grid or department) newest first, optional status filter',
    index: 'GSI2',
    keyCondition: 'GSI2PK = INBOX#<gridId|dept-id>',
    example: 'INBOX#hz-hp-xh-c1-a1-b1 / 2026-11-28T…#01JD…',
  },
  {
    pattern: 'Open requests past their due time (SLA sweep), per shard',
    index: 'GSI3',
    keyCondition: 'GSI3PK = DUE#<0-3>, GSI3SK <= now',
    example: 'DUE#2 / 2026-11-30T…#01JD…',
  },
  {
    pattern: 'Resolved requests past 7 days unrated (auto-close), per shard',
    index: 'GSI3',
    keyCondition: 'GSI3PK = AUTOCLOSE#<0-3>, GSI3SK <= now',
    example: 'AUTOCLOSE#1 / 2026-12-05T…#01JD…',
  },
  {
    pattern: 'Open requests of a building and category (duplicate suggestion)',
    index: 'table',
    keyCondition: 'PK = OPENREQ#<buildingId>#<category>',
    example: 'OPENREQ#hz-hp-xh-c1-a1-b1#facility / REQ#01JD…',
  },
  {
    pattern: "A community's unit bindings waiting for a grid worker's confirmation",
    index: 'table',
    keyCondition: 'PK = UNITBIND#<communityId>',
    example: 'UNITBIND#hz-hp-xh / USER#resident-other',
  },
  { pattern: 'Get a call-back', index: 'table', keyCondition: 'PK = CB#<id>, SK = CB', example: 'CB#01JD… / CB' },
  {
    pattern: "A community's call-backs, newest first",
    index: 'GSI1',
    keyCondition: 'GSI1PK = CALLBACKS#<communityId>',
    example: 'CALLBACKS#hz-hp-xh / 2026-11-28T…#01JD…',
  },
  {
    pattern: 'Dashboard counters of a grid (and all below it)',
    index: 'table',
    keyCondition: 'PK = STATS#<gridId>, SK = STATS',
    example: 'STATS#hz-hp / STATS',
  },
  {
    pattern: "A write counts itself in its own grid's counters (in the write's transaction: ADD c_*)",
    index: 'table',
    keyCondition: 'PK = STATS#<gridId>, SK = LOCAL',
    example: 'STATS#hz-hp-xh-c1-a1-b1-u1 / LOCAL',
  },
  {
    pattern: "Stream aggregator: a grid's own counters and what it already pushed up (one consistent BatchGet)",
    index: 'table',
    keyCondition: 'PK = STATS#<gridId>, SK IN (LOCAL, PUSHED)',
    example: 'STATS#hz-hp-xh-c1-a1-b1-u1 / LOCAL, PUSHED',
  },
  {
    pattern: 'Stream aggregator: carries of big batches waiting for the top-level totals (only it writes them)',
    index: 'table',
    keyCondition: 'PK = STATSCARRY (consistent Query)',
    example: 'STATSCARRY / 2026-11-28T…#01JD…',
  },
  {
    pattern: "A user's in-app messages, newest first",
    index: 'table',
    keyCondition: 'PK = USER#<id>, SK begins_with MSG#',
    example: 'USER#resident-demo / MSG#2026-11-28T…#01JD…',
  },
  {
    pattern: 'Unsent notifications (outbox), per shard',
    index: 'GSI3',
    keyCondition: 'GSI3PK = OUTBOX#<0-3>',
    example: 'OUTBOX#0 / 2026-11-28T…#01JD…',
  },
  {
    pattern: 'Content-security checks due (text to check, media waiting, verdicts to verify), per shard',
    index: 'GSI3',
    keyCondition: 'GSI3PK = MODQ#<0-3>, GSI3SK <= now',
    example: 'MODQ#1 / 2026-11-28T…#01JD…',
  },
  {
    pattern: 'The check a pushed media verdict (trace_id) belongs to',
    index: 'table',
    keyCondition: 'PK = MODTRACE#<trace_id>, SK = MODTRACE',
    example: 'MODTRACE#65557e88-016af6aa-17e69df6 / MODTRACE',
  },
  {
    pattern: 'The service catalogue (whole, in order)',
    index: 'GSI1',
    keyCondition: 'GSI1PK = SERVICES',
    example: 'SERVICES / 0007#residence-certificate',
  },
  {
    pattern: 'Get a service',
    index: 'table',
    keyCondition: 'PK = SERVICE#<code>, SK = SERVICE',
    example: 'SERVICE#residence-certificate / SERVICE',
  },
  {
    pattern: 'Get an application with its timeline',
    index: 'table',
    keyCondition: 'PK = APP#<id>',
    example: 'APP#01JD… / APP, EVT#…, ACTOR#agent-demo',
  },
  {
    pattern: "A person's applications (own, made for them, made by them for others)",
    index: 'GSI1',
    keyCondition: 'GSI1PK = APPOF#<userId>',
    example: 'APPOF#resident-elder / 2026-11-28T…#01JD…',
  },
  {
    pattern: "A community office's review queue (sparse)",
    index: 'GSI2',
    keyCondition: 'GSI2PK = REVIEW#<communityId>',
    example: 'REVIEW#hz-hp-xh / 2026-11-28T…#01JD…',
  },
  {
    pattern: 'Is this user a confirmed family member of a care recipient',
    index: 'table',
    keyCondition: 'PK = CARE#<recipientId>, SK = FAMILY#<userId>',
    example: 'CARE#resident-elder / FAMILY#resident-demo',
  },
  {
    pattern: 'Does this agent hold a live proxy task for the recipient (access window)',
    index: 'table',
    keyCondition: 'PK = CARE#<recipientId>, SK = LIVETASK#<agentId>',
    example: 'CARE#resident-elder / LIVETASK#agent-demo',
  },
  {
    pattern: 'A care recipient with family links and live-task markers',
    index: 'table',
    keyCondition: 'PK = CARE#<recipientId>',
    example: 'CARE#resident-elder / PROFILE, FAMILY#resident-demo, LIVETASK#agent-demo',
  },
  {
    pattern: "A community's 帮扶对象 (optionally filtered to a grid)",
    index: 'GSI1',
    keyCondition: 'GSI1PK = CARELIST#<communityId>',
    example: 'CARELIST#hz-hp-xh / 刘淑珍#resident-elder',
  },
  {
    pattern: 'The recipients a family member looks after',
    index: 'GSI1',
    keyCondition: 'GSI1PK = FAMILYOF#<userId>',
    example: 'FAMILYOF#resident-demo / resident-elder',
  },
  {
    pattern: 'Get a proxy task with its timeline',
    index: 'table',
    keyCondition: 'PK = TASK#<id>',
    example: 'TASK#01JD… / TASK, EVT#…, FOR#resident-elder',
  },
  {
    pattern: 'Tasks a user asked for or is helped by',
    index: 'GSI1',
    keyCondition: 'GSI1PK = TASKREQ#<userId>',
    example: 'TASKREQ#worker-demo / 2026-11-28T…#01JD…',
  },
  {
    pattern: '任务大厅: open tasks of a community, nearest deadline first (sparse)',
    index: 'GSI2',
    keyCondition: 'GSI2PK = HALL#<communityId>',
    example: 'HALL#hz-hp-xh / 2026-11-30T…#01JD…',
  },
  {
    pattern: "An agent's tasks (claimed and later)",
    index: 'GSI2',
    keyCondition: 'GSI2PK = AGENTTASKS#<agentId>',
    example: 'AGENTTASKS#agent-demo / 2026-11-28T…#01JD…',
  },
  {
    pattern: 'Open tasks past their claim deadline (alert sweep), per shard',
    index: 'GSI3',
    keyCondition: 'GSI3PK = TASKDUE#<0-3>, GSI3SK <= now',
    example: 'TASKDUE#3 / 2026-11-30T…#01JD…',
  },
  {
    pattern: "An agent's counters (tasks done, ratings)",
    index: 'table',
    keyCondition: 'PK = USER#<agentId>, SK = AGENTSTATS',
    example: 'USER#agent-demo / AGENTSTATS',
  },
  {
    pattern: "A worker's counters of one month (patrol, attendance, ratings, assessment)",
    index: 'table',
    keyCondition: 'PK = USER#<userId>, SK = WSTATS#<yyyy-mm> (BatchGet per worker list)',
    example: 'USER#worker-demo / WSTATS#2026-12',
  },
  {
    pattern: "Period figures of a grid: the aggregator's day buckets between two days (one Query per grid)",
    index: 'table',
    keyCondition: 'PK = STATS#<gridId>, SK BETWEEN DAY#<from> AND DAY#<to> (≤ 366 items; TTL 800 days)',
    example: 'STATS#hz-hp / DAY#2026-12-01 … DAY#2026-12-07',
  },
  {
    pattern: 'Period figures of whole months: month buckets (Query per grid; BatchGet for one month of many grids)',
    index: 'table',
    keyCondition: 'PK = STATS#<gridId>, SK BETWEEN MONTH#<from> AND MONTH#<to>',
    example: 'STATS#hz-hp-xh / MONTH#2026-12',
  },
  {
    pattern: "The district's 考核 weights (config item, version-conditional, audited)",
    index: 'table',
    keyCondition: 'PK = CONFIG#<districtId>, SK = ASSESSMENT',
    example: 'CONFIG#hz / ASSESSMENT',
  },
  {
    pattern: 'The public 三率 scoreboard (one item, written by the daily job)',
    index: 'table',
    keyCondition: 'PK = SCOREBOARD#<districtId>, SK = LATEST',
    example: 'SCOREBOARD#hz / LATEST',
  },
  {
    pattern: 'An application to become an agent',
    index: 'table',
    keyCondition: 'PK = AGENTAPP#<userId>, SK = AGENTAPP',
    example: 'AGENTAPP#resident-demo / AGENTAPP',
  },
  {
    pattern: "A community's pending agent applications",
    index: 'GSI2',
    keyCondition: 'GSI2PK = AGENTAPPS#<communityId>',
    example: 'AGENTAPPS#hz-hp-xh / 2026-11-28T…#resident-demo',
  },
  {
    pattern: 'Get a dispute / petition with its timeline and person pointers',
    index: 'table',
    keyCondition: 'PK = DISP#<id> | PET#<id>',
    example: 'DISP#01JD… / DISP, EVT#2026-11-28T…#01JD…, PERSON#resident-demo',
  },
  {
    pattern: "A person's disputes and petitions (party, petitioner, proxy), newest first",
    index: 'GSI1',
    keyCondition: 'GSI1PK = CASEOF#<userId>',
    example: 'CASEOF#resident-demo / 2026-11-28T…#01JD…',
  },
  {
    pattern: "A community's disputes / petitions, newest first (optional status, key-case filter)",
    index: 'GSI1',
    keyCondition: 'GSI1PK = DISPIN#<communityId> | PETIN#<communityId>',
    example: 'PETIN#hz-hp-xh / 2026-11-28T…#01JD…',
  },
  {
    pattern: 'The grid that must act on a dispute / petition now (inbox), newest first',
    index: 'GSI2',
    keyCondition: 'GSI2PK = DISPBOX#<gridId> | PETBOX#<gridId>',
    example: 'DISPBOX#hz-hp-xh-c1-a1-b1 / 2026-11-28T…#01JD…',
  },
  {
    pattern: 'Open petitions past their deadline (escalation sweep), per shard',
    index: 'GSI3',
    keyCondition: 'GSI3PK = PETDUE#<0-3>, GSI3SK <= now',
    example: 'PETDUE#1 / 2026-12-05T…#01JD…',
  },
  {
    pattern: 'Has this request been opened as a dispute',
    index: 'table',
    keyCondition: 'PK = REQ#<id>, SK = DISPUTE',
    example: 'REQ#01JD… / DISPUTE',
  },
  {
    pattern: 'Open311 GET requests: public projections of a month, by time',
    index: 'table',
    keyCondition: 'PK = OPEN311#<yyyy-mm>, SK between <start> and <end>',
    example: 'OPEN311#2026-11 / 2026-11-28T…#01JD…',
  },
  {
    pattern: 'Replay a creating POST (Idempotency-Key)',
    index: 'table',
    keyCondition: 'PK = IDEMP#<userId>#<key>, SK = IDEMP',
    example: 'IDEMP#resident-demo#3f2c… / IDEMP',
  },
  {
    pattern: "A building's households: its 房屋 and 人口 (one Query)",
    index: 'table',
    keyCondition: 'PK = BLD#<buildingId>',
    example: 'BLD#hz-hp-xh-c1-a1-b1 / HOUSE#hz-hp-xh-c1-a1-b1-u1#101, PERSON#3f9a…',
  },
  {
    pattern: 'Get one imported person (the audited full view)',
    index: 'table',
    keyCondition: 'PK = BLD#<buildingId>, SK = PERSON#<personId>',
    example: 'BLD#hz-hp-xh-c1-a1-b1 / PERSON#3f9a0c…',
  },
  {
    pattern: 'A resident binding by 姓名 + 身份证号: the persons of a unit with that ID number',
    index: 'table',
    keyCondition: 'PK = BLD#<buildingId>, SK begins_with PERSON# (filter unitId, idNumber)',
    example: 'BLD#hz-hp-xh-c1-a1-b1 / PERSON#3f9a0c…',
  },
  {
    pattern:
      'Search the current residents of a community by name (staff in scope; filter gridPath; a street: one Query per community, merged)',
    index: 'GSI1',
    keyCondition: 'GSI1PK = PSEARCH#<communityId>, GSI1SK begins_with N#<normalised name>',
    example: 'PSEARCH#hz-hp-xh / N#王秀兰#3f9a0c…',
  },
  {
    pattern: 'Search the current residents of a community by 门牌号',
    index: 'GSI2',
    keyCondition: 'GSI2PK = PSEARCH#<communityId>, GSI2SK begins_with H#<门牌号>',
    example: 'PSEARCH#hz-hp-xh / H#101#3f9a0c…',
  },
  {
    pattern: 'Base-row batches whose counter deltas did not land (recounted by the next import)',
    index: 'table',
    keyCondition: 'PK = POPDIRTY',
    example: 'POPDIRTY / 2026-12-02T…#01JD…',
  },
  {
    pattern: 'The residents whose verified binding matched a person (迁出 ends them)',
    index: 'table',
    keyCondition: 'PK = PBIND#<personId>',
    example: 'PBIND#3f9a0c… / USER#resident-demo',
  },
  {
    pattern: 'An import job with its progress and report',
    index: 'table',
    keyCondition: 'PK = IMPORT#<id>, SK = IMPORT',
    example: 'IMPORT#01JD… / IMPORT',
  },
  {
    pattern: "An admin's import jobs, newest first",
    index: 'GSI1',
    keyCondition: 'GSI1PK = IMPORTBY#<userId>',
    example: 'IMPORTBY#community-admin-demo / 2026-12-02T01:00:00.000Z#01JD…',
  },
  {
    pattern: "Dispatched requests past their department's 报到 deadline (sweep)",
    index: 'GSI3',
    keyCondition: 'GSI3PK = DEPTSIGN#<shard>, GSI3SK <= <now>#~',
    example: 'DEPTSIGN#2 / 2026-12-02T03:00:00.000Z#01JD…',
  },
  {
    pattern: 'Requests late at their department, for a street',
    index: 'table',
    keyCondition: 'PK = DEPTLATE#<streetId>',
    example: 'DEPTLATE#hz-hp / REQ#01JD…#sign',
  },
  {
    pattern: 'Open 1–2★ call-backs past their 24-hour deadline (sweep)',
    index: 'GSI3',
    keyCondition: 'GSI3PK = CBDUE#<shard>, GSI3SK <= <now>#~',
    example: 'CBDUE#1 / 2026-12-03T01:00:00.000Z#01JD…',
  },
  {
    pattern: 'Call-backs escalated to a street, newest first',
    index: 'GSI2',
    keyCondition: 'GSI2PK = CBESC#<streetId>',
    example: 'CBESC#hz-hp / 2026-12-03T01:00:00.000Z#01JD…',
  },
  {
    pattern: 'Flagged ratings of a street, newest first',
    index: 'table',
    keyCondition: 'PK = FLAGGED#<streetId>',
    example: 'FLAGGED#hz-hp / 2026-12-02T01:00:00.000Z#01JD…',
  },
  {
    pattern: 'Ratings in one grid and minute (burst flag; TTL)',
    index: 'table',
    keyCondition: 'PK = RATEMIN#<gridId>, SK = M#<yyyy-mm-ddThh:mm>',
    example: 'RATEMIN#hz-hp-xh-c1-a1-b1 / M#2026-12-02T01:05',
  },
  {
    pattern: "A department's members, told of what is dispatched to it",
    index: 'table',
    keyCondition: 'PK = DEPTMEMBERS#<departmentId>',
    example: 'DEPTMEMBERS#dept-housing / USER#dept-demo',
  },
  {
    pattern: 'Was this device seen with a staff token (hashed device id; TTL)',
    index: 'table',
    keyCondition: 'PK = DEVICE#<sha256>, SK = STAFF',
    example: 'DEVICE#9f86d08… / STAFF',
  },
  {
    pattern: 'Has the demo seed been written',
    index: 'table',
    keyCondition: 'PK = SEED#<name>, SK = SEED',
    example: 'SEED#demo / SEED',
  },
];

/** 巡查, 考勤, 点调, 走访 (issue 14): the grid worker's day. */
export const patrolKeys = {
  patrol: (id: string) => ({ PK: `PATROL#${id}`, SK: 'PATROL' }),
  /** a track chunk: the points of one 10-minute bucket of a patrol (not one item per point) */
  chunk: (id: string, bucket: string) => ({ PK: `PATROL#${id}`, SK: `TRK#${bucket}` }),
  patrolPk: (id: string) => `PATROL#${id}`,
  chunkPrefix: () => 'TRK#',
  /** GSI1: a worker's patrols, newest first */
  patrolsBy: (userId: string, startedAt: string, id: string) => ({
    GSI1PK: `PATROLBY#${userId}`,
    GSI1SK: `${startedAt}#${id}`,
  }),
  patrolsByPk: (userId: string) => `PATROLBY#${userId}`,
  /** GSI2 while active: the district's patrols under way, by grid path (a leader's scope is a prefix) */
  patrolsOn: (path: readonly string[], startedAt: string, id: string) => ({
    GSI2PK: `PATROLON#${path[0]}`,
    GSI2SK: `${staffInPrefix(path)}#${startedAt}#${id}`,
  }),
  patrolsOnPk: (districtId: string) => `PATROLON#${districtId}`,
  /** GSI3 while active: every patrol under way by start time (the overnight sweep) */
  patrolOpen: (startedAt: string, id: string) => ({ GSI3PK: 'PATROLOPEN', GSI3SK: `${startedAt}#${id}` }),
  patrolOpenPk: () => 'PATROLOPEN',
  /** exists while the worker has a patrol under way: one active patrol per worker */
  activePatrol: (userId: string) => ({ PK: `USER#${userId}`, SK: 'PATROLACTIVE' }),
  /** a grid's patrol setup: fence, key points, plan, patrols per China day */
  gridSetupPk: (gridId: string) => `GPATROL#${gridId}`,
  gridGeo: (gridId: string) => ({ PK: `GPATROL#${gridId}`, SK: 'GEO' }),
  keyPoint: (gridId: string, id: string) => ({ PK: `GPATROL#${gridId}`, SK: `KEYPT#${id}` }),
  keyPointPrefix: () => 'KEYPT#',
  plan: (gridId: string) => ({ PK: `GPATROL#${gridId}`, SK: 'PLAN' }),
  /** GSI1 on a plan: every patrol plan (the daily missed-patrol sweep) */
  plansIdx: (gridId: string) => ({ GSI1PK: 'PATROLPLANS', GSI1SK: gridId }),
  plansPk: () => 'PATROLPLANS',
  patrolDay: (gridId: string, date: string) => ({ PK: `GPATROL#${gridId}`, SK: `DAY#${date}` }),
  /** attendance: a worker's days (D#) and approved leave days (L#) share a partition */
  attendanceDay: (userId: string, date: string) => ({ PK: `ATT#${userId}`, SK: `D#${date}` }),
  leaveDay: (userId: string, date: string) => ({ PK: `ATT#${userId}`, SK: `L#${date}` }),
  attendancePk: (userId: string) => `ATT#${userId}`,
  leave: (id: string) => ({ PK: `LEAVE#${id}`, SK: 'LEAVE' }),
  /** GSI1: a worker's leave requests; GSI2 while pending: the community's queue */
  leavesBy: (userId: string, createdAt: string, id: string) => ({
    GSI1PK: `LEAVEBY#${userId}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  leavesByPk: (userId: string) => `LEAVEBY#${userId}`,
  leavesPending: (communityId: string, createdAt: string, id: string) => ({
    GSI2PK: `LEAVES#${communityId}`,
    GSI2SK: `${createdAt}#${id}`,
  }),
  leavesPendingPk: (communityId: string) => `LEAVES#${communityId}`,
  pointCall: (id: string) => ({ PK: `PCALL#${id}`, SK: 'PCALL' }),
  pointCallsFor: (userId: string, createdAt: string, id: string) => ({
    GSI1PK: `PCALLFOR#${userId}`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  pointCallsForPk: (userId: string) => `PCALLFOR#${userId}`,
  /** GSI3 while calling: by answer deadline (the expiry sweep) */
  pointCallDue: (dueAt: string, id: string) => ({ GSI3PK: 'PCALLDUE', GSI3SK: `${dueAt}#${id}` }),
  pointCallDuePk: () => 'PCALLDUE',
  visit: (buildingId: string, at: string, id: string) => ({ PK: `VISITS#${buildingId}`, SK: `V#${at}#${id}` }),
  visitsPk: (buildingId: string) => `VISITS#${buildingId}`,
  /** the "last visited" index of one tagged person of a building */
  visitLast: (buildingId: string, personId: string) => ({ PK: `VISITLAST#${buildingId}`, SK: `P#${personId}` }),
  visitLastPk: (buildingId: string) => `VISITLAST#${buildingId}`,
};

ACCESS_PATTERNS.push(
  {
    pattern: 'A patrol with its track chunks (one Query)',
    index: 'table',
    keyCondition: 'PK = PATROL#<id> (SK = PATROL, SK begins_with TRK#)',
    example: 'PATROL#01JD… / TRK#2026-12-02T01:10',
  },
  {
    pattern: "A worker's patrols, newest first",
    index: 'GSI1',
    keyCondition: 'GSI1PK = PATROLBY#<userId>',
    example: 'PATROLBY#worker-demo / 2026-12-02T01:00:00.000Z#01JD…',
  },
  {
    pattern: 'Patrols under way in a leader’s scope',
    index: 'GSI2',
    keyCondition: 'GSI2PK = PATROLON#<district>, GSI2SK begins_with <street>/<community>/…',
    example: 'PATROLON#hz / hz-hp/hz-hp-xh/…/#2026-12-02T01:00:00.000Z#01JD…',
  },
  {
    pattern: 'Patrols under way by start (overnight sweep)',
    index: 'GSI3',
    keyCondition: 'GSI3PK = PATROLOPEN, GSI3SK < <cutoff>',
    example: 'PATROLOPEN / 2026-12-01T01:00:00.000Z#01JD…',
  },
  {
    pattern: "A grid's fence, key points, plan and patrol days",
    index: 'table',
    keyCondition: 'PK = GPATROL#<gridId>',
    example: 'GPATROL#hz-hp-xh-c1-a1-b1 / KEYPT#01JD…',
  },
  {
    pattern: 'Every patrol plan (missed-patrol sweep)',
    index: 'GSI1',
    keyCondition: 'GSI1PK = PATROLPLANS',
    example: 'PATROLPLANS / hz-hp-xh-c1-a1-b1',
  },
  {
    pattern: "A worker's attendance and leave days of a month",
    index: 'table',
    keyCondition: 'PK = ATT#<userId>, SK begins_with D#<yyyy-mm> / L#<yyyy-mm>',
    example: 'ATT#worker-demo / D#2026-12-02',
  },
  {
    pattern: "A community's pending leave requests; a worker's leave requests",
    index: 'GSI2',
    keyCondition: 'GSI2PK = LEAVES#<community> (GSI1PK = LEAVEBY#<userId>)',
    example: 'LEAVES#hz-hp-xh / 2026-12-02T01:00:00.000Z#01JD…',
  },
  {
    pattern: "A worker's point-calls; calls waiting by deadline (expiry sweep)",
    index: 'GSI1',
    keyCondition: 'GSI1PK = PCALLFOR#<userId> (GSI3PK = PCALLDUE, GSI3SK < now)',
    example: 'PCALLFOR#worker-demo / 2026-12-02T01:00:00.000Z#01JD…',
  },
  {
    pattern: "A building's visits; its tagged persons' last visits (overdue list)",
    index: 'table',
    keyCondition: 'PK = VISITS#<buildingId> / PK = VISITLAST#<buildingId>',
    example: 'VISITLAST#hz-hp-xh-c1-a1-b1 / P#3f9a…',
  },
);
