/**
 * The monthly AWS cost model of COST.md, fed with what the endpoints part measured: DynamoDB
 * request units per call (ReturnConsumedCapacity on DynamoDB Local), local latency (→ Lambda
 * billed duration), access-log and response bytes. The request mix is derived from the seed's
 * yearly figures (../shared/DOMAIN.md) with the assumptions below; edit them and re-run
 * `npm run bench -- --part endpoints` to see their effect.
 */
import type { EndpointsOutcome } from './endpoints';
import { makeGrids, requests, residents, storedBytes, benchStaff, gridItem } from './generator';
import type { Tally } from './counter';
import { aggregatorMonth, printCounters } from './counters';
import { int, mean, median, table } from './util';

/** DynamoDB Local reports 0 for a read that finds nothing; DynamoDB bills at least 0.5 RRU per read. */
const billedRru = (t: Tally) => Math.max(t.rru, 0.5 * t.reads);

/** AWS list prices, US East (N. Virginia), USD, as published in 2025 (no free tier, no Savings Plans). */
export const PRICES = {
  where:
    'us-east-1 (US East, N. Virginia), USD, AWS list prices as published in 2025 (DynamoDB on-demand after its 1 Nov 2024 price cut); free tiers and Savings Plans not applied',
  lambdaGbSecond: 0.0000133334, // arm64, first 7.5 billion GB-s a month
  lambdaRequest: 0.2 / 1e6,
  httpApiRequest: 1.0 / 1e6, // first 300 million a month
  httpApiRequestOver300M: 0.9 / 1e6,
  ddbWru: 0.625 / 1e6, // on-demand write request unit (Standard table class)
  ddbRru: 0.125 / 1e6, // on-demand read request unit
  ddbStorageGbMonth: 0.25,
  ddbPitrGbMonth: 0.2, // continuous backups (the table has PITR on)
  s3StorageGbMonth: 0.023, // Standard, first 50 TB
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  logsIngestGb: 0.5, // CloudWatch Logs, Standard class
  logsStorageGbMonth: 0.03,
  egressGb: 0.09, // data transfer out to the internet, first 10 TB
  alarmMonth: 0.1, // standard-resolution metric alarm
  secretMonth: 0.4,
  secretsApiCall: 0.05 / 10000,
};

/** The seed's yearly figures (DOMAIN.md). */
export const SEED = {
  residents: 233_744,
  requests12345Closed: 8_915,
  gridEvents: 791,
  applications: 37_645,
  onlineDirect: 37_432,
  proxyServices: 325,
  disputesOnSpot: 845,
  disputesByCommunity: 572,
  keyPetitionCases: 162,
  fiveStarRate: 0.988,
  platformGrids: 387,
  communities: 66,
  streets: 7,
};

/** What the seed does not say: stated assumptions (COST.md repeats them). */
export const ASSUME = {
  /** share of residents who open the mini-program in a month, and how often */
  activeResidentShare: 0.3,
  opensPerActiveResident: 3,
  /** residents report in the app as many problems as the 12345 hotline closes today */
  inAppResidentReportsPerYear: SEED.requests12345Closed,
  /** 12345 cases reach us through Open311 POST; the 12345 platform polls GET requests.json every 5 min */
  open311PollsPerMonth: (30 * 24 * 60) / 5,
  /** grid workers and leaders (≈ 2 per platform grid), community (5 × 66), street (5 × 7) and district staff */
  staffAccounts: SEED.platformGrids * 2 + SEED.communities * 5 + SEED.streets * 5 + 20,
  staffSessionsPerMonth: 22 * 2,
  /** reads of one request's detail: by its reporter, by staff */
  readsByReporter: 4,
  readsByStaff: 5,
  /** petitions are not in the seed's figures (only 162 key cases): assumed */
  petitionsPerYear: 600,
  agents: 100,
  /** photos: share of in-app reports with photos, photos each, size, views each, months kept */
  photoShare: 0.3,
  photosEach: 2,
  photoMB: 0.3,
  photoViews: 5,
  keepMonths: 36,
  /** Lambda: 512 MB arm64 (the construct's default); billed ms = this × the local median */
  lambdaGb: 0.5,
  lambdaSlowdown: 2,
  /** cold starts: share of invocations, and the billed INIT (node boot + bundle import on 512 MB arm) */
  coldStartShare: { 1: 0.02, 100: 0.002 } as Record<number, number>,
  initMs: 600,
  /** bytes Lambda's platform writes per invocation (START, END, REPORT) and API Gateway's access log line */
  platformLogBytes: 350,
  apiAccessLogBytes: 300,
  logMonthsKept: 3,
  /** the generated data set has no timelines, audit, applications, cases: stored bytes × this */
  storageFactor: 2,
  /** fixed: CloudWatch alarms and secrets in the synthesized stack (cdk.out) */
  alarms: 17,
  secrets: 2,
};

const M = (perYear: number) => perYear / 12;

/** Calls per month of each route at Haizhou's volume, with the reason. */
export function monthlyMix(): { id: string; perMonth: number; why: string }[] {
  const A = ASSUME;
  const sessionsR = SEED.residents * A.activeResidentShare * A.opensPerActiveResident;
  const sessionsS = A.staffAccounts * A.staffSessionsPerMonth;
  const rApp = M(A.inAppResidentReportsPerYear + SEED.gridEvents);
  const r311 = M(SEED.requests12345Closed);
  const rAll = rApp + r311;
  const apps = M(SEED.applications);
  const reviewed = M(SEED.applications - SEED.onlineDirect);
  const proxy = M(SEED.proxyServices);
  const disputes = M(SEED.disputesOnSpot + SEED.disputesByCommunity);
  const pet = M(A.petitionsPerYear);
  const bindings = SEED.residents * A.activeResidentShare * 0.02;
  const rows: [string, number, string][] = [
    ['system.health', 30 * 24 * 60, 'an uptime check every minute'],
    ['system.openapi', 10, 'developers'],
    [
      'auth.wechat',
      sessionsR * 0.5 + sessionsS * 0.1,
      'a token lasts 7 days: every other resident opening signs in; staff weekly',
    ],
    ['grids.me', sessionsR + sessionsS, 'every opening of the app'],
    ['grids.bindUnit', bindings, '2 % of active residents (re)bind their unit a month'],
    ['grids.get', bindings, 'once per binding'],
    ['grids.children', bindings * 4, 'walking compound → area → building → unit'],
    ['grids.messages', sessionsR * 0.5 + sessionsS * 0.5, 'half of the openings'],
    [
      'uploads.create',
      rApp * A.photoShare * A.photosEach,
      `${A.photoShare * 100} % of in-app reports carry ${A.photosEach} photos`,
    ],
    ['requests.categories', rApp, 'before each in-app report'],
    [
      'requests.create',
      rApp,
      `in-app reports: residents (as many as 12345's ${int(SEED.requests12345Closed)}/yr) + grid events (${SEED.gridEvents}/yr)`,
    ],
    ['requests.similar', rApp, 'the duplicate suggestion before each in-app report'],
    [
      'requests.list',
      sessionsR * 0.3 + sessionsS * 1.5,
      "residents' 我的诉求 (30 % of openings) and staff inboxes (1.5 per staff session)",
    ],
    [
      'requests.get',
      rAll * (A.readsByReporter + A.readsByStaff),
      `${A.readsByReporter} reads by the reporter + ${A.readsByStaff} by staff per request`,
    ],
    ['requests.accept', rAll * 0.97, '97 % of requests accepted'],
    ['requests.reject', rAll * 0.03, '3 % rejected'],
    ['requests.dispatch', rAll * 0.1, '10 % dispatched to a department'],
    ['requests.escalate', rAll * 0.1, '10 % escalated a level'],
    ['requests.resolve', rAll * 0.97, 'accepted ones resolved'],
    ['requests.rating', rApp * 0.8, '80 % of in-app reporters rate (the rest auto-close)'],
    ['requests.join', rApp * 0.05, '我也遇到 on 5 % of reports'],
    ['requests.callbacks', sessionsS * 0.1, '10 % of staff sessions'],
    [
      'requests.callbackComplete',
      rAll * (1 - SEED.fiveStarRate),
      `${((1 - SEED.fiveStarRate) * 100).toFixed(1)} % not five stars get a call-back`,
    ],
    ['proxy.create', proxy, `${SEED.proxyServices} proxy services a year`],
    ['proxy.list', A.agents * 20 + proxy * 2, `${A.agents} agents look at the task hall 20 times a month`],
    ['proxy.get', proxy * 10, '10 reads per task'],
    ['proxy.claim', proxy, ''],
    ['proxy.start', proxy, ''],
    ['proxy.complete', proxy, ''],
    ['proxy.confirm', proxy, ''],
    ['proxy.cancel', proxy * 0.05, ''],
    ['proxy.rating', proxy * 0.8, ''],
    ['proxy.registerRecipient', 20, 'new 帮扶对象 a month'],
    ['proxy.recipients', sessionsS * 0.05, ''],
    ['proxy.recipient', 300, ''],
    ['proxy.familyRequest', 10, ''],
    ['proxy.familyConfirm', 10, ''],
    ['proxy.agentApply', 5, ''],
    ['proxy.agentApplications', 20, ''],
    ['proxy.agentApprove', 5, ''],
    ['proxy.agent', 100, ''],
    ['services.list', apps + sessionsR * 0.3, 'the catalogue: before each application and in 30 % of openings'],
    ['services.get', apps * 1.5, ''],
    ['services.apply', apps, `${int(SEED.applications)} applications a year`],
    ['services.applications', apps + sessionsR * 0.2, ''],
    ['services.application', apps * 2, ''],
    ['services.approve', reviewed * 0.9, `${int(SEED.applications - SEED.onlineDirect)} a year need review`],
    ['services.reject', reviewed * 0.05, ''],
    ['services.return', reviewed * 0.1, ''],
    ['services.supplement', reviewed * 0.1, ''],
    ['services.rating', apps * 0.5, ''],
    ['cases.createDispute', disputes, `${SEED.disputesOnSpot} + ${SEED.disputesByCommunity} disputes a year`],
    ['cases.listDisputes', sessionsS * 0.2, ''],
    ['cases.getDispute', disputes * 4, ''],
    ['cases.disputeSession', disputes * 1.5, ''],
    ['cases.disputeEscalate', M(SEED.disputesByCommunity), 'those mediated by the community'],
    ['cases.disputeAgree', disputes * 0.85, ''],
    ['cases.disputeFail', disputes * 0.15, ''],
    ['cases.disputeClose', disputes, ''],
    ['cases.createPetition', pet, `${A.petitionsPerYear} petitions a year (assumed)`],
    ['cases.listPetitions', sessionsS * 0.2, ''],
    ['cases.getPetition', pet * 4, ''],
    ['cases.petitionAccept', pet, ''],
    ['cases.petitionProgress', pet * 2, ''],
    ['cases.petitionEscalate', pet * 0.2, ''],
    ['cases.petitionReply', pet, ''],
    ['cases.petitionKey', M(SEED.keyPetitionCases), `${SEED.keyPetitionCases} key cases a year`],
    ['cases.petitionRating', pet * 0.8, ''],
    ['cases.petitionReads', pet * 0.5, ''],
    ['stats.grid', sessionsS * 0.3, 'dashboards in 30 % of staff sessions'],
    ['open311.discovery', 30, 'daily'],
    ['open311.services', 30, 'daily'],
    ['open311.service', 30, ''],
    ['open311.post', r311, `the 12345 platform files its ${int(SEED.requests12345Closed)} cases a year`],
    ['open311.requests', A.open311PollsPerMonth, 'polled every 5 minutes'],
    ['open311.request', r311 * 3, '3 status syncs per 12345 case'],
  ];
  return rows.map(([id, perMonth, why]) => ({ id, perMonth, why }));
}

/** Scheduled job runs a month (every 5 min; autoClose hourly). */
const JOB_RUNS: Record<string, number> = {
  slaSweep: 8640,
  notify: 8640,
  autoClose: 720,
  alertUnclaimed: 8640,
  petitionSweep: 8640,
};

let storageCache: number | undefined;
/** Stored bytes (table + GSIs) of the generated Haizhou data set, computed without writing it. */
export function haizhouStoredBytes(): number {
  if (storageCache !== undefined) return storageCache;
  const now = new Date().toISOString();
  const ds = makeGrids(1, now);
  let bytes = 0;
  for (const i of [...ds.grids.map(gridItem), ...benchStaff(ds, now)]) bytes += storedBytes(i);
  for (const i of residents(ds, now)) bytes += storedBytes(i);
  const stats = new Map<string, Record<string, number>>();
  for (const i of requests(ds, Date.now(), stats)) bytes += storedBytes(i as Record<string, unknown>);
  bytes += stats.size * 400;
  storageCache = bytes;
  return bytes;
}

const usd = (x: number) => (x >= 100 ? `$${x.toFixed(0)}` : x >= 1 ? `$${x.toFixed(2)}` : `$${x.toFixed(3)}`);
const qty = (x: number) =>
  x >= 1e6
    ? `${(x / 1e6).toFixed(2)} M`
    : x >= 1e4
      ? `${(x / 1e3).toFixed(0)} k`
      : x >= 100
        ? int(x)
        : x.toFixed(x >= 10 ? 0 : 2);

export function printCost(measured: EndpointsOutcome) {
  const byId = new Map(measured.routes.map((r) => [r.route.id, r]));
  const mix = monthlyMix().filter((m) => byId.has(m.id));
  const unmixed = measured.routes.filter(
    (r) => !mix.some((m) => m.id === r.route.id) && r.route.id !== 'auth.devLogin',
  );
  const per = (id: string) => {
    const r = byId.get(id)!;
    const n = r.lat.length || 1;
    return {
      rru: mean(r.tallies.map(billedRru)),
      wru: mean(r.tallies.map((t) => t.wru)),
      ms: Math.max(1, Math.ceil(median(r.lat) * ASSUME.lambdaSlowdown)),
      logBytes: r.logBytes / n,
      respBytes: r.respBytes / n,
      outbox: mean(r.tallies.map((t) => t.outbox)),
      counted: mean(r.counterWrites),
    };
  };
  // writes that change a counter: each is one record for the stream's counter aggregator
  const countedPerMonth = mix.reduce((n, m) => n + m.perMonth * per(m.id).counted, 0);
  table(
    "Cost model: monthly request mix at Haizhou's volume (derived from DOMAIN.md's yearly figures) × measured units per call",
    [
      'route',
      'calls / month',
      'RRU / call',
      'WRU / call',
      'notifications / call',
      'Lambda ms / call (2 × local median)',
      'response bytes / call',
      'why',
    ],
    [...mix]
      .sort((a, b) => b.perMonth - a.perMonth)
      .map((m) => {
        const p = per(m.id);
        return [
          m.id,
          int(m.perMonth),
          p.rru.toFixed(1),
          p.wru.toFixed(1),
          p.outbox ? p.outbox.toFixed(1) : '0',
          String(p.ms),
          int(p.respBytes),
          m.why,
        ];
      }),
    [
      `Access-log line: ${int(mean(mix.map((m) => per(m.id).logBytes)))} B per call on average (measured).`,
      "RRU/WRU per call as measured by the endpoints part (a read that finds nothing billed at the 0.5 RRU minimum). The demo users have accumulated the bench's data, so their lists read full 20-item pages: an upper bound for a resident's own lists.",
      unmixed.length
        ? `Routes measured but not in the mix (count 0): ${unmixed.map((r) => r.route.id).join(', ')}.`
        : '',
    ]
      .join(' ')
      .trim(),
  );

  const storageGb = (haizhouStoredBytes() * ASSUME.storageFactor) / 1024 ** 3;
  const notes: Record<number, { notifications: number; api: number; counted: number; batches: number }> = {};
  const lines = (k: number) => {
    let api = 0,
      rru = 0,
      wru = 0,
      gbs = 0,
      logBytes = 0,
      egress = 0,
      notifications = 0,
      photos = 0;
    for (const m of mix) {
      const n = m.perMonth * k;
      const p = per(m.id);
      api += n;
      rru += n * p.rru;
      wru += n * p.wru;
      gbs += n * (p.ms / 1000) * ASSUME.lambdaGb;
      logBytes += n * (p.logBytes + ASSUME.platformLogBytes + ASSUME.apiAccessLogBytes);
      egress += n * p.respBytes;
      notifications += n * p.outbox;
      if (m.id === 'uploads.create') photos += n;
    }
    let jobInv = 0;
    for (const j of measured.jobs) {
      const runs = JOB_RUNS[j.job] ?? 0;
      jobInv += runs;
      rru += runs * mean(j.tallies.map(billedRru));
      wru += runs * mean(j.tallies.map((t) => t.wru));
      gbs += runs * (Math.max(1, Math.ceil(median(j.lat) * ASSUME.lambdaSlowdown)) / 1000) * ASSUME.lambdaGb;
      logBytes += runs * ASSUME.platformLogBytes;
    }
    // each queued notification wakes the notifier through the stream (filtered on outbox inserts)
    const pn = measured.perNotification;
    rru += notifications * pn.rru;
    wru += notifications * pn.wru;
    gbs += notifications * (Math.max(1, Math.ceil(pn.ms * ASSUME.lambdaSlowdown)) / 1000) * ASSUME.lambdaGb;
    // the counter aggregator: one invocation per stream batch of counted writes (measured per batch size)
    const agg = aggregatorMonth(measured.counterBatches, countedPerMonth * k, k);
    rru += agg.rru;
    wru += agg.wru;
    gbs += agg.batches * (Math.max(1, Math.ceil(agg.ms * ASSUME.lambdaSlowdown)) / 1000) * ASSUME.lambdaGb;
    const streamInv = notifications + agg.batches;
    logBytes += streamInv * ASSUME.platformLogBytes;
    const invocations = api + jobInv + streamInv;
    const cold = invocations * (ASSUME.coldStartShare[k] ?? 0.002);
    gbs += cold * (ASSUME.initMs / 1000) * ASSUME.lambdaGb;
    const logsGb = logBytes / 1024 ** 3;
    const storage = storageGb * k;
    const photoGb = (photos * ASSUME.keepMonths * ASSUME.photoMB) / 1024;
    const httpApi =
      Math.min(api, 300e6) * PRICES.httpApiRequest + Math.max(0, api - 300e6) * PRICES.httpApiRequestOver300M;
    notes[k] = { notifications, api, counted: countedPerMonth * k, batches: agg.batches };
    return [
      ['API Gateway HTTP API requests', qty(api), httpApi],
      [
        'Lambda requests (API + jobs + stream: notifier, counter aggregator)',
        qty(invocations),
        invocations * PRICES.lambdaRequest,
      ],
      ['Lambda duration, GB-s (arm64, 512 MB, incl. cold-start INIT)', qty(gbs), gbs * PRICES.lambdaGbSecond],
      ['DynamoDB read request units', qty(rru), rru * PRICES.ddbRru],
      ['DynamoDB write request units', qty(wru), wru * PRICES.ddbWru],
      ['DynamoDB storage GB-month (table + GSIs)', storage.toFixed(2), storage * PRICES.ddbStorageGbMonth],
      ['DynamoDB PITR GB-month', storage.toFixed(2), storage * PRICES.ddbPitrGbMonth],
      ['S3 storage GB-month (photos kept 3 years)', photoGb.toFixed(1), photoGb * PRICES.s3StorageGbMonth],
      [
        'S3 PUT + GET requests',
        qty(photos * (1 + ASSUME.photoViews)),
        photos * PRICES.s3Put + photos * ASSUME.photoViews * PRICES.s3Get,
      ],
      ['CloudWatch Logs ingestion GB', logsGb.toFixed(2), logsGb * PRICES.logsIngestGb],
      [
        'CloudWatch Logs storage GB-month (3 months kept)',
        (logsGb * ASSUME.logMonthsKept).toFixed(2),
        logsGb * ASSUME.logMonthsKept * PRICES.logsStorageGbMonth,
      ],
      [
        'Data transfer out GB (API responses + photo views)',
        (egress / 1024 ** 3 + (photos * ASSUME.photoViews * ASSUME.photoMB) / 1024).toFixed(2),
        (egress / 1024 ** 3 + (photos * ASSUME.photoViews * ASSUME.photoMB) / 1024) * PRICES.egressGb,
      ],
      [
        'Fixed: CloudWatch alarms + Secrets Manager (+ API calls at cold starts)',
        `${ASSUME.alarms} + ${ASSUME.secrets}`,
        ASSUME.alarms * PRICES.alarmMonth + ASSUME.secrets * PRICES.secretMonth + cold * PRICES.secretsApiCall,
      ],
    ] as [string, string, number][];
  };
  const one = lines(1);
  const hundred = lines(100);
  const total = (ls: [string, string, number][]) => ls.reduce((s, l) => s + l[2], 0);
  table(
    `Cost model: monthly AWS cost at Haizhou's volume and at 100× (${PRICES.where})`,
    ['line', 'Haizhou quantity', 'Haizhou USD / month', '100× quantity', '100× USD / month'],
    [
      ...one.map((l, i) => [l[0], l[1], usd(l[2]), hundred[i][1], usd(hundred[i][2])]),
      ['**total**', '', `**${usd(total(one))}**`, '', `**${usd(total(hundred))}**`],
    ],
    `Per month at Haizhou: ${int(notes[1].api)} API calls, ${int(notes[1].notifications)} notifications (each drained by the stream-triggered notifier at ${measured.perNotification.rru.toFixed(1)} RRU + ${measured.perNotification.wru.toFixed(1)} WRU), ${int(notes[1].counted)} counted writes pushed up by ${int(notes[1].batches)} counter-aggregator batches (100×: ${int(notes[100].counted)} by ${int(notes[100].batches)}), scheduled jobs ${int(Object.values(JOB_RUNS).reduce((a, b) => a + b, 0))} runs (slaSweep, notify, alertUnclaimed, petitionSweep every 5 min, autoClose hourly). Assumptions: ${Math.round(ASSUME.activeResidentShare * 100)} % of residents open the app ${ASSUME.opensPerActiveResident}× a month; ${int(ASSUME.staffAccounts)} staff accounts, ${ASSUME.staffSessionsPerMonth} sessions each; Lambda billed ms = ${ASSUME.lambdaSlowdown} × local median; cold starts ${ASSUME.coldStartShare[1] * 100} % (Haizhou) / ${ASSUME.coldStartShare[100] * 100} % (100×) of invocations at ${ASSUME.initMs} ms INIT; storage = generated Haizhou data (${(haizhouStoredBytes() / 1024 ** 2).toFixed(0)} MiB incl. GSIs) × ${ASSUME.storageFactor}. At 100× every volume, the residents and the data grow 100×; the fixed lines do not.`,
  );
  printCounters(measured.counterBatches, countedPerMonth);
}
