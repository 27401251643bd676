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

## Unit bindings and public summaries

- The user item carries \`unitVerified\` (true once the binding is verified: the unit's QR code,
  \`auth/unit-code.ts\`, an HMAC of the unit id with a key derived from the token key; or a grid
  worker's confirmation, then \`unitVerifiedBy\`). A binding without either is pending: the user
  item says \`unitVerified = false\` and \`UNITBIND#<communityId> / USER#<userId>\` (\`type = unitbind\`,
  with the unit and its path) sits in the community's queue until it is confirmed or the user
  rebinds. Pending bindings grant no 我也遇到 suggestions, joins or joiner reads. Items without the
  attribute count as unverified.
- The request item carries \`publicSummary\` (the description without personal data,
  \`domain/requests/summary.ts\`), set at create time: what joiners and suggestions show. Items
  written before it get it computed on read.

## Dashboard counters

Dashboards read one item, \`STATS#<gridId> / STATS\`: the totals of the grid and everything below it.
No write touches it. A write's transaction counts itself only in its **own grid's** item
\`STATS#<gridId> / LOCAL\` (\`ADD c_<name>\`; \`type = stats_local\`, with the grid's path), so two
writes meet on a counter item only when they are in the same grid — never on the district's.

The table stream carries each change of a LOCAL item to the counter aggregator (the jobs function,
a stream mapping filtered on \`type = stats_local\`, batches of up to 1,000 records or 2 s;
\`functions/src/data/stats-rollup.ts\`). For every grid a batch names it reads LOCAL and
\`STATS#<gridId> / PUSHED\` (what it already added, with a version \`v\`) in one consistent
BatchGet, takes delta = c − pushed, and in **one transaction** adds the deltas, summed per total, to
the totals of the grid and of each ancestor and sets PUSHED = c on condition that \`v\` is still what
it read. A duplicated, replayed or reordered record finds delta 0; of two aggregators racing on a
grid one commits and the other re-reads. Only writers write LOCAL and only the aggregator writes
PUSHED and the totals, so the two never meet in a transaction.

A batch that needs more than one transaction (≤ 100 items each) does not write the top levels
(district, street, community) from every group: each group's transaction puts their sums into a
carry item \`STATSCARRY / <at>#<id>\` (\`type = stats_carry\`), and the run ends by applying every
pending carry in one transaction (adding to the totals, deleting the carries on condition they still
exist). So the district's total takes one write per batch. A carry left by a run that died between
the phases is applied by the next run, exactly once. Locally (no stream) the API server runs the
same handler over the LOCAL items written since the last request before it serves the next one
(\`functions/src/local/stats-feed.ts\`).

## Content security (moderation)

What others may see is checked by WeChat after the write (\`functions/src/domain/moderation.ts\`):

- A request carries \`moderation: {text, media, rating?, reason?}\`, each \`pending | pass | review | risky\`
  (\`text\` = the description, \`media\` = all its photos, \`rating\` = the rating comment), and
  \`approvedSummary: {text, status, by, at}\` when staff wrote one (\`PUT /v1/requests/{id}/public-summary\`,
  audited as \`request.publicSummary\`). A request is **publishable** (joiners, 我也遇到, Open311) only
  when \`text\` and \`media\` are \`pass\`; items written before moderation have none and are not.
- Each check is an item \`MODCHECK#<id> / MODCHECK\` (\`type = modcheck\`: field, request id, author,
  content or photo keys, \`state\` check → wait (media: trace ids sent, verdict awaited) → verify,
  attempts, \`nextAt\`), written in the same transaction as the text it checks, on GSI3
  \`MODQ#<shard>\` while something is due. The stream (INSERT of \`modcheck\`) and a 1-minute schedule
  run the jobs function's \`moderation\` job; a failed call stays pending and retries (15 s doubling,
  at most 5 min). \`MODTRACE#<trace_id>\` maps a mediaCheckAsync trace to its check for the pushed
  verdict (\`POST /wechat/push\`). A verdict is written without a version bump and read back later
  (verify), so a move racing it cannot silently restore \`pending\`.
- The Open311 feed item (\`OPEN311#<month>\`) carries a copy of \`moderation\` and a \`description\` that
  is the approved public summary or \`居民反映：<category>\` — never the resident's text.

## Base data (房屋, 人口, imported grids and staff)

Written by the import (\`npm run import\`, the admin upload: \`functions/src/domain/basedata/\`,
writes in \`functions/src/data/basedata.ts\`).

- A building's 房屋 and 人口 share its partition \`BLD#<buildingId>\`: \`HOUSE#<unitId>#<门牌号>\`
  (\`type = house\`) and \`PERSON#<personId>\` (\`type = person\`), so one Query reads its households.
  \`personId\` is a hash of unit + 门牌号 + ID number: the import's identity of a person (re-import
  keyed by it), and no ID number ever stands in a key. Personal fields are stored as given and
  masked in every view; each item keeps \`gridPath\` (scope checks) and \`rowHash\` (the hash of the
  row as imported: the same row again writes nothing; a changed one is replaced at its \`version\`
  in one transaction with its \`basedata.update\` audit record, changed fields masked).
  A batch reads its rows' items first (BatchGetItem) to tell new, changed and unchanged apart —
  except rows of a building this very run created, which cannot hold anything yet: a first import
  only writes.
- Grid nodes the 网格 sheet names and the table lacks are created under the district, matched by
  name level by level (an existing 和平街道 stays \`hz-hp\`); a new node's id is its parent's id + a
  short hash of its name, its parent's \`childCount\` is added in the same transaction (the
  new nodes of one level go several parents to a transaction of ≤ 100 items).
- 网格员 rows are users \`USER#staff-<hash of phone>\` with one \`STAFF#\` item per grid served and the
  grid's \`staffIds\` (active workers and leaders: routing walks up to the grids where it is not empty; a
  suspension, a retirement or a role that takes no requests leaves it), in one transaction with a
  \`staff.create\`/\`staff.update\` audit record. A move or retirement with a successor records its
  hand-over \`HANDOVER#<id>\` first and names it on the user (\`lastHandoverId\`): the same call
  retried finishes a hand-over that stopped half-way. Every run writes one \`basedata.import\` audit record (\`import:<id>\`) with its counts.
- An admin upload is an import job \`IMPORT#<id>\` / \`IMPORT\` (\`type = importJob\`,
  \`functions/src/data/imports.ts\`), listed per owner on GSI1 \`IMPORTBY#<userId>\` (newest first).
  It holds the owner and their scope (\`scopeGridIds\`: only rows under them are imported;
  \`scopePath\`: admins above may read it), the upload's S3 key
  \`uploads/<userId>/import/<id>.<xlsx|csv|zip>\` and, once run, the report's
  (\`….report.csv\`, the whole problem list), \`status\` (\`uploading → queued → running → done | failed\`,
  \`failed → queued\` again; a part of a long import ends \`running → queued\` with \`carry\` — parts done,
  \`resumeAt\` (data rows handled), the counts and first problems so far, the parts' reports
  \`….partN.report.csv\` —, read as \`running\`; moved by conditional updates only), \`progress\` (rows, bytes read/total,
  rows/s; overwritten about once a second without a version bump), \`result\` (counts per sheet), the
  first 100 \`problems\` (values masked), \`error\` and \`attempts\`. A job \`running\` or \`queued\` with
  no write for 5 minutes reads as failed (the import function died) and may be started again. The
  run's audit record is \`import:<job id>\`.

### Population counters, search and a worker's changes (issue 13)

- **Counters, kept at write time, never counted by reading.** Each 房屋 / 人口 item counts itself
  (\`domain/basedata/counts.ts\`): a house \`pop_houses\` (+ \`pop_rented\` when 出租), a current
  person \`pop_persons\`, \`pop_households\` (户主/本人), \`pop_floating\` (流动), \`pop_overseas\`
  (境外), \`pop_elderly_alone\` (独居老人), \`pop_disabled\` (残疾人); a moved-out person counts
  nothing. A write adds *new − old* to its **unit's** LOCAL counter item (the dashboard mechanism
  above: \`STATS#<unitId> / LOCAL\`, \`ADD c_pop_*\`), and the stream aggregator carries it to the
  building and every grid up to the district, so a re-import that changes nothing moves nothing and
  a changed 人员类型 / 特殊人群 moves the counts. \`GET /v1/stats/grids/{id}/population\` reads the
  totals of a grid and of each child (one GetItem + one Query + one BatchGet).
- **One ADD per unit per batch.** The import sums a batch's deltas per unit and adds them with one
  transaction (≤ 99 units each) after the batch's rows. New rows land with BatchWriteItem, which
  no transaction can join, so the counters are made crash-safe by **write-ahead + recount**: before
  the rows a \`POPDIRTY / <at>#<id>\` marker (\`type = pop_dirty\`) names the batch's units; the
  counter transaction deletes it. A batch that fails or dies between its rows and its counters keeps
  its marker (with its run's \`importId\`). A run, once all its batches are in, recounts the units
  of its own markers, and when it starts, those of runs that died (markers older than 20 minutes;
  never a live run's): one Query of the building, filtered to the unit, sets the unit's counters to
  what its rows count (as a delta on LOCAL, on condition its \`popSeq\` — moved by every counted
  write — has not moved meanwhile), then the marker is dropped. Changed rows are transactions
  (row + audit); their delta is added only when the transaction committed. Not covered: a recount
  racing another live import's uncounted batch on the same unit (two imports of one area at once).
- **Search.** A current person item carries \`GSI1PK = PSEARCH#<communityId>\`,
  \`GSI1SK = N#<name>#<personId>\` and \`GSI2 = PSEARCH#<communityId> / H#<门牌号>#<personId>\`;
  names and 门牌号 are indexed normalised (NFKC, spaces removed, lower case) and shown as given;
  an ID number never stands in a key. \`GET /v1/grids/{id}/persons?q=&by=name|houseNo\` is one
  Query with \`begins_with\` (filtered to the reader's grids below the community), masked.
  A moved-out person loses the index attributes.
- **迁入 / 信息变更 / 迁出** (\`domain/basedata/changes.ts\`, \`data/persons.ts\`): one transaction —
  the person at the version read, the unit's counter ADD, the audit record (\`basedata.movein\`,
  \`basedata.update\`, \`basedata.moveout\`, values masked). Values are checked by the import's own
  人口 row check. 迁入 makes the person the import would make (same id and \`rowHash\`: a later
  import of a file listing them changes nothing); a 信息变更 keeps \`rowHash\`, so re-importing the
  original file does not undo it (a *corrected* row does replace it). 迁出 sets \`status = moved_out\`,
  \`movedOutAt\`, \`movedOutTo\`: the item stays, out of the household view, counts and search; a
  corrected file keeps those fields.
- **Bindings matched to a person.** A binding verified by 姓名 + 身份证号 puts \`PBIND#<personId> /
  USER#<userId>\` (\`type = pbind\`) and \`boundPersonIds\` on the user; a rebinding deletes the old
  pointers; a 迁出 ends every binding that matched the person and is still on that unit (user's
  \`unitId\` removed, \`user.unbindUnit\` audit) in the 迁出's transaction. Bindings verified by QR
  code or a worker's confirmation name no person and are not ended by a 迁出.

## 社区吹哨、部门报到, call-backs enforced, ratings you can trust (issue 14)

- **The request item's GSI3 slot** holds one deadline at a time: while dispatched and not yet signed
  for, the 报到 deadline (\`DEPTSIGN#<shard>\`, \`signDueAt\`, from \`DEPT_SIGN_HOURS\`, default 2 h) when it
  comes before the SLA deadline, else \`DUE#<shard>\`; once signed or flagged (\`signOverdue\`) the SLA
  deadline takes over. The due-soon sweep reads \`DUE#<shard>\` between now and now + 2 h, filtered on
  \`remindedDueAt <> dueAt\` (one notice per deadline). The one extension is \`extension\` on the item
  (\`pending\` → \`approved\` | \`refused\`); a department's 办结 keeps \`result\`, \`resultPhotos\`,
  \`resolvedBy\`.
- **Late at a department** (\`DEPTLATE#<street> / REQ#<id>#sign|deadline\`, \`type = deptlate\`): put by
  the sweep that finds it late, in the move's transaction; deleted in the transaction that takes the
  request out of 转办 (退回, 办结), from the item's \`deptLate\` reasons.
- **Call-backs** carry \`kind\` (\`low\` 1–2★, \`sampled\` 3★, \`audit\` 5★, sampled by a hash of the request
  id: \`CALLBACK_SAMPLE_3STAR\`, \`AUDIT_SAMPLE_5STAR\`, default 0.2), \`handlerId\` on audits (never
  returned), and while open and \`low\` the GSI3 deadline \`CBDUE#<shard>\`; the escalation sets
  \`escalatedAt\`, \`level = street\` and the GSI2 key \`CBESC#<street>\`, ADDs \`callbacks_escalated\` on
  the community's LOCAL counter item and \`w_callbacks_missed\` on the resolver's month.
- **Flagged ratings**: the rating's transaction ADDs \`ratings_flagged\`, \`flagged_rated\`,
  \`flagged_stars_sum\`, \`flagged_stars_4|5\` with the usual rating counters and puts
  \`FLAGGED#<street> / <at>#<requestId>\` with the reasons. \`RATEMIN#<grid> / M#<minute>\` (one ADD per
  rating, returning the count; TTL 10 min) decides a burst; \`DEVICE#<sha256> / STAFF\` (TTL 90 days)
  a staff device; the resolver's \`WSTATS#<month>\` (\`w_rated\`, \`w_stars_5\`) a worker never below 5★.
- **Staff notices** are outbox items naming grids (\`toGridStaff\`): the notifier reads each grid's
  partition once per drain (routed \`staffIds\` and active \`STAFF#\` assignments).

## Access patterns

| pattern | index | key condition | example |
|---|---|---|---|
${rows.join('\n')}
`;
}
