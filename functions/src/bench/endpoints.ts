/**
 * Part "endpoints": every route of the route table, called N times through the local API server
 * (in-process startStack on an in-memory DynamoDB Local), each call just after a raw PutItem and a
 * `GET /v1/health` (interleaved: the three see the same moment of a busy machine), with the DynamoDB calls (count, command, time) and
 * request units each call makes, metered per request (data/client.ts `metered`).
 *
 * The figure that matters: "PutItems over health" = (median − health median) ÷ raw PutItem median,
 * the API call's own cost in DynamoDB round trips on this machine (the Lambda plumbing every route
 * pays is in health). Creating routes send a fresh Idempotency-Key each call, as the mini-program does.
 *
 * Paths and bodies come from the trust suites' fixtures (functions/test/trust/fixtures.ts:
 * `concrete`, `createResources`, `sampleForm`); a route that changes state gets a fresh resource in
 * the right state for every call (made before the timing, not counted), so each measured call is
 * the real move and not a 409. Every call also emits its access log line, whose bytes are counted
 * (CloudWatch Logs ingestion in COST.md).
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../data/client';
import { keys } from '../data/keys';
import { userItem } from '../data/users';
import { routes, type RouteDef } from '../routes';
import { JOBS } from '../handlers/jobs';
import { DEMO_USERS } from '../seed/demo-users';
import { startApi, type Api } from '../../test/harness';
import {
  concrete,
  createResources,
  directService,
  INSIDERS,
  reviewedService,
  sampleForm,
  type Resources,
} from '../../test/trust/fixtures';
import { counted, installCounter, type Tally } from './counter';
import { benchCounterBatches, type CounterBatch } from './counters';
import { pendingStats } from '../local/stats-feed';
import { mean, median, ms, num, onCleanup, percentile, ratio, say, table as printTable } from './util';

export interface JobResult {
  job: string;
  lat: number[];
  tallies: Tally[];
}

/** DynamoDB calls, units and ms the notifier spends per queued notification (measured while draining) */
export interface PerNotification {
  rru: number;
  wru: number;
  calls: number;
  ms: number;
}

export interface EndpointsOutcome {
  routes: EndpointResult[];
  jobs: JobResult[];
  perNotification: PerNotification;
  /** the counter aggregator (the table stream's job) on batches of 1 … 1,000 records */
  counterBatches: CounterBatch[];
}

export interface EndpointResult {
  route: RouteDef;
  who: string;
  statuses: Record<number, number>;
  lat: number[];
  /** raw PutItem round trips, one just before each call of the route */
  base: number[];
  /** GET /v1/health, one just before each call of the route */
  health: number[];
  tallies: Tally[];
  logBytes: number;
  /** response body bytes (data transfer out) */
  respBytes: number;
  /** grids whose own (LOCAL) counter item each call wrote: the records it gives the stream aggregator */
  counterWrites: number[];
}

interface Input {
  path: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  /** this call's caller when it differs per call (e.g. each applicant applies once) */
  who?: string;
}
interface Plan {
  who?: string;
  /** a fresh input (a resource in the right state) per call */
  make?: (i: number) => Promise<Input>;
  input?: Input;
}

const UNIT = 'hz-hp-xh-c1-a1-b1-u1';
const PARTIES = [
  { role: 'applicant', name: '张桂芬', contact: '13800001111' },
  { role: 'respondent', name: '幸福物业', contact: '0418-3331234' },
];
const DISPUTE = { kind: 'property', facts: '物业费收费标准争议，业主拒交物业费', unitId: UNIT, parties: PARTIES };
const SESSION = {
  date: '2026-03-02',
  place: '1号楼网格议事点',
  participants: ['张桂芬', '物业经理', '赵刚'],
  notes: '双方同意按原标准缴纳，物业改进保洁',
};
const AGREEMENT = {
  terms: '一、业主于十日内补缴物业费；二、物业公司每周两次清扫楼道；三、双方不再主张其他费用。',
  performBy: '2026-03-12',
  signedByAll: true,
};
const PETITION = {
  subject: '小区停车位被长期占用',
  content: '小区内公共停车位被个别业主长期用地锁占用，多次反映未解决',
  channel: 'visit',
  unitId: UNIT,
  petitioner: { userId: 'resident-demo' },
};
const OPEN311_FORM = {
  api_key: 'open311-demo-key',
  service_code: 'heating',
  description: '二单元暖气不热已经两天',
  address_id: 'hz-hp-xh-c1-a1-b1-u2',
};
const form = (o: Record<string, string>): Pick<Input, 'raw' | 'headers'> => ({
  raw: new URLSearchParams(o).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

/** The demo user that may call a route, when the plan does not say. */
function defaultWho(route: RouteDef): string | undefined {
  if (route.auth === 'public') return undefined;
  if (route.auth === 'user') return 'resident-demo';
  const order = [
    'resident-demo',
    'worker-demo',
    'leader-demo',
    'community-admin-demo',
    'street-admin-demo',
    'district-admin-demo',
    'office-demo',
    'agent-demo',
    'dept-demo',
  ];
  return (
    order.find((id) => (route.auth as readonly string[]).includes(DEMO_USERS.find((u) => u.id === id)!.role)) ??
    'resident-demo'
  );
}

export async function benchEndpoints(opts: { calls: number }): Promise<EndpointsOutcome> {
  const n = opts.calls;
  say('endpoints: starting the local stack (API server, S3, WeChat emulator) on the bench DynamoDB Local…');
  // the counter aggregator runs between the calls, outside their counts (it is the stream's work, not theirs)
  const api: Api = await startApi({ statsFeed: 'manual' });
  onCleanup(() => api.stop());
  installCounter();

  // access-log lines are JSON on stdout: swallow them (counting bytes while measuring)
  const realLog = console.log;
  const realError = console.error;
  let capture: { bytes: number } | undefined;
  const sink =
    (real: typeof console.log) =>
    (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('{"level"')) {
        if (capture) capture.bytes += Buffer.byteLength(args[0]) + 1;
        return;
      }
      real(...args);
    };
  console.log = sink(realLog);
  console.error = sink(realError);
  const prevLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'info';
  const restore = () => {
    console.log = realLog;
    console.error = realError;
    process.env.LOG_LEVEL = prevLevel;
  };
  onCleanup(restore);

  try {
    const tokens: Record<string, string> = {};
    for (const u of INSIDERS) tokens[u] = await api.login(u);
    const res: Resources = await createResources(api, (u) => tokens[u]);
    say(
      `endpoints: fixtures ready (request ${res.requestId}, application ${res.applicationId}, task ${res.taskId}, call-back ${res.callbackId})`,
    );

    const call = async (
      method: string,
      path: string,
      who: string | undefined,
      body?: unknown,
      extra: Partial<Input> = {},
    ) => api.call(method, path, { token: who ? tokens[who] : undefined, body, raw: extra.raw, headers: extra.headers });
    const must = async (what: string, p: Promise<{ status: number; body: any }>) => {
      const r = await p;
      if (r.status >= 300) throw new Error(`bench setup ${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      return r.body;
    };
    const post = (what: string, path: string, who: string, body: unknown = {}) =>
      must(what, call('POST', path, who, body));

    // makers: a resource in a given state, through the API as its rightful users would
    let seq = 0;
    const mkRequest = async () =>
      (
        await post('request', '/v1/requests', 'resident-demo', {
          category: 'facility',
          description: `单元门禁坏了无法关闭（压测 ${++seq}）`,
          ignoreSimilar: true,
        })
      ).id as string;
    const mkAccepted = async () => {
      const id = await mkRequest();
      await post('accept', `/v1/requests/${id}/accept`, 'worker-demo');
      return id;
    };
    const mkResolved = async () => {
      const id = await mkAccepted();
      await post('resolve', `/v1/requests/${id}/resolve`, 'worker-demo', { note: '已修好' });
      return id;
    };
    const mkCallback = async () => {
      const id = await mkResolved();
      await post('rate 1★', `/v1/requests/${id}/rating`, 'resident-demo', { stars: 1 });
      const list = await must('callbacks', call('GET', '/v1/callbacks?status=open&limit=1', 'community-admin-demo'));
      return list.items[0].id as string;
    };
    const mkTask = async () =>
      (
        await post('task', '/v1/proxy-tasks', 'worker-demo', {
          recipientId: 'resident-elder',
          kind: 'errand',
          description: `代买药品送到家（压测 ${++seq}）`,
          consent: { given: true, method: 'witnessed_signature' },
        })
      ).id as string;
    const mkClaimed = async () => {
      const id = await mkTask();
      await post('claim', `/v1/proxy-tasks/${id}/claim`, 'agent-demo');
      return id;
    };
    const mkInProgress = async () => {
      const id = await mkClaimed();
      await post('start', `/v1/proxy-tasks/${id}/start`, 'agent-demo');
      return id;
    };
    const mkDone = async () => {
      const id = await mkInProgress();
      await post('complete', `/v1/proxy-tasks/${id}/complete`, 'agent-demo', { note: '已办完' });
      return id;
    };
    const mkConfirmed = async () => {
      const id = await mkDone();
      await post('confirm', `/v1/proxy-tasks/${id}/confirm`, 'worker-demo');
      return id;
    };
    const mkRecipient = async () =>
      (
        await post('recipient', '/v1/care-recipients', 'worker-demo', {
          name: `压测老人${++seq}`,
          unitId: 'hz-hp-xh-c1-a1-b1-u3',
          phone: '13904180001',
          needs: ['elderly_alone'],
        })
      ).id as string;
    const mkFamilyPending = async () => {
      const id = await mkRecipient();
      await post('family', `/v1/care-recipients/${id}/family`, 'resident-demo');
      return id;
    };
    const mkResident = async (bound = true) => {
      const id = `bench-res-${++seq}`;
      const now = new Date().toISOString();
      await db().send(
        new PutCommand({
          TableName: table(),
          Item: userItem({
            id,
            role: 'resident',
            name: `居民${seq}`,
            phone: '13900000000',
            ...(bound ? { unitId: UNIT } : {}),
            gridIds: [],
            version: 1,
            createdAt: now,
            updatedAt: now,
          }),
        }),
      );
      tokens[id] = await api.login(id);
      return id;
    };
    const mkApplicant = async () => {
      const id = await mkResident();
      await post('agent application', '/v1/agents/applications', id, { partyMember: true, reason: '愿意为社区服务' });
      return id;
    };
    const mkUnderReview = async () =>
      (
        await post('application', '/v1/applications', 'resident-demo', {
          serviceCode: reviewedService.code,
          form: sampleForm(reviewedService.code),
        })
      ).id as string;
    const mkReturned = async () => {
      const id = await mkUnderReview();
      await post('return', `/v1/applications/${id}/return`, 'office-demo', { note: '请补充材料' });
      return id;
    };
    const mkCompletedApp = async () =>
      (
        await post('direct application', '/v1/applications', 'resident-demo', {
          serviceCode: directService.code,
          form: sampleForm(directService.code),
        })
      ).id as string;
    const mkDispute = async () => (await post('dispute', '/v1/disputes', 'worker-demo', DISPUTE)).id as string;
    const mkMediating = async () => {
      const id = await mkDispute();
      await post('session', `/v1/disputes/${id}/sessions`, 'worker-demo', SESSION);
      return id;
    };
    const mkAgreed = async () => {
      const id = await mkMediating();
      await post('agree', `/v1/disputes/${id}/agree`, 'worker-demo', AGREEMENT);
      return id;
    };
    const mkPetition = async () => (await post('petition', '/v1/petitions', 'worker-demo', PETITION)).id as string;
    const mkHandling = async () => {
      const id = await mkPetition();
      await post('petition accept', `/v1/petitions/${id}/accept`, 'worker-demo');
      return id;
    };
    const mkReplied = async () => {
      const id = await mkHandling();
      await post('reply', `/v1/petitions/${id}/reply`, 'worker-demo', {
        reply: '已协调物业拆除地锁，恢复公共车位',
        channel: 'offline',
      });
      return id;
    };
    const mkOpen311 = async () =>
      (
        await must('open311 post', call('POST', '/open311/v2/requests.json', undefined, undefined, form(OPEN311_FORM)))
      )[0].service_request_id as string;

    const disputeId = await mkMediating();
    const petitionId = await mkHandling();
    const open311Id = await mkOpen311().catch(() => 'UNKNOWN0000000000000000000');
    await api.stack.drainModeration(); // content security passes it, so the feed publishes it (statsFeed manual)

    const at =
      (suffix: string, mk: () => Promise<string>, body: unknown = {}, base = '') =>
      async (): Promise<Input> => ({ path: `${base}/${await mk()}${suffix}`, body });
    // a submit as the mini-program makes it: with the duplicate check (no ignoreSimilar), each call
    // in a building and category with nothing open yet, so it is a 201 and not the 409 offer to join;
    // six categories per unit before the next building (a warm container knows most grid nodes); not
    // heating: the Open311 fixture keeps one open in the first building
    const BUILDINGS = ['c1-a1-b1', 'c1-a1-b2', 'c1-a2-b1', 'c1-a2-b2', 'c2-a1-b1', 'c2-a1-b2', 'c2-a2-b1', 'c2-a2-b2'];
    const FRESH_CATEGORIES = [
      'sanitation',
      'street-vending',
      'property',
      'illegal-building',
      'food-safety',
      'water-power',
    ];
    const PLANS: Record<string, Plan> = {
      'requests.create': {
        who: 'resident-demo',
        make: async (i) => ({
          path: '/v1/requests',
          body: {
            category: FRESH_CATEGORIES[i % FRESH_CATEGORIES.length],
            description: `楼道灯不亮了，晚上看不清台阶（压测 ${i}）`,
            unitId: `hz-hp-xh-${BUILDINGS[Math.floor(i / FRESH_CATEGORIES.length) % BUILDINGS.length]}-u3`,
          },
        }),
      },
      'requests.list': { who: 'worker-demo' },
      'requests.accept': { who: 'worker-demo', make: at('/accept', mkRequest, {}, '/v1/requests') },
      'requests.reject': {
        who: 'worker-demo',
        make: at('/reject', mkRequest, { note: '不属于受理范围' }, '/v1/requests'),
      },
      'requests.dispatch': {
        who: 'leader-demo',
        make: at('/dispatch', mkAccepted, { departmentId: 'dept-housing' }, '/v1/requests'),
      },
      'requests.resolve': { who: 'worker-demo', make: at('/resolve', mkAccepted, { note: '已修好' }, '/v1/requests') },
      'requests.escalate': {
        who: 'worker-demo',
        make: at('/escalate', mkRequest, { note: '需社区协调' }, '/v1/requests'),
      },
      'requests.rating': { who: 'resident-demo', make: at('/rating', mkResolved, { stars: 4 }, '/v1/requests') },
      'requests.join': { who: 'resident-elder', make: at('/join', mkRequest, undefined, '/v1/requests') },
      'requests.callbacks': { who: 'community-admin-demo' },
      'requests.callbackComplete': {
        who: 'community-admin-demo',
        make: at('/complete', mkCallback, { outcome: 'confirmed', note: '电话回访，居民认可' }, '/v1/callbacks'),
      },
      'grids.bindUnit': {
        who: 'a new resident each call',
        make: async () => ({
          ...concrete(
            routes.find((r) => r.id === 'grids.bindUnit')!,
            res,
          ),
          who: await mkResident(false),
        }),
      },
      'proxy.create': { who: 'worker-demo' },
      'proxy.get': { who: 'worker-demo' },
      'proxy.list': { who: 'resident-demo' },
      'proxy.claim': { who: 'agent-demo', make: at('/claim', mkTask, {}, '/v1/proxy-tasks') },
      'proxy.start': { who: 'agent-demo', make: at('/start', mkClaimed, {}, '/v1/proxy-tasks') },
      'proxy.complete': {
        who: 'agent-demo',
        make: at('/complete', mkInProgress, { note: '已办完' }, '/v1/proxy-tasks'),
      },
      'proxy.confirm': { who: 'worker-demo', make: at('/confirm', mkDone, {}, '/v1/proxy-tasks') },
      'proxy.cancel': { who: 'worker-demo', make: at('/cancel', mkTask, {}, '/v1/proxy-tasks') },
      'proxy.rating': { who: 'worker-demo', make: at('/rating', mkConfirmed, { stars: 5 }, '/v1/proxy-tasks') },
      'proxy.recipient': { who: 'worker-demo' },
      'proxy.familyRequest': {
        who: 'resident-demo',
        make: at('/family', mkRecipient, undefined, '/v1/care-recipients'),
      },
      'proxy.familyConfirm': {
        who: 'worker-demo',
        make: at('/family/resident-demo/confirm', mkFamilyPending, undefined, '/v1/care-recipients'),
      },
      'proxy.agentApply': {
        who: 'a new resident each call',
        make: async () => ({
          path: '/v1/agents/applications',
          body: { partyMember: true, reason: '愿意为社区服务' },
          who: await mkResident(),
        }),
      },
      'proxy.agentApplications': { who: 'community-admin-demo' },
      'proxy.agentApprove': { who: 'community-admin-demo', make: at('/approve', mkApplicant, undefined, '/v1/agents') },
      'services.approve': { who: 'office-demo', make: at('/approve', mkUnderReview, {}, '/v1/applications') },
      'services.reject': {
        who: 'office-demo',
        make: at('/reject', mkUnderReview, { note: '材料不全' }, '/v1/applications'),
      },
      'services.return': {
        who: 'office-demo',
        make: at('/return', mkUnderReview, { note: '请补充材料' }, '/v1/applications'),
      },
      'services.supplement': {
        who: 'resident-demo',
        make: at('/supplement', mkReturned, { form: sampleForm(reviewedService.code) }, '/v1/applications'),
      },
      'services.rating': {
        who: 'resident-demo',
        make: at('/rating', mkCompletedApp, { stars: 4 }, '/v1/applications'),
      },
      'cases.createDispute': { who: 'worker-demo', input: { path: '/v1/disputes', body: DISPUTE } },
      'cases.listDisputes': { who: 'worker-demo', input: { path: '/v1/disputes?view=inbox' } },
      'cases.getDispute': { who: 'worker-demo', input: { path: `/v1/disputes/${disputeId}` } },
      'cases.disputeSession': { who: 'worker-demo', make: at('/sessions', mkDispute, SESSION, '/v1/disputes') },
      'cases.disputeEscalate': {
        who: 'worker-demo',
        make: at('/escalate', mkDispute, { note: '涉及物业公司，需社区协调' }, '/v1/disputes'),
      },
      'cases.disputeAgree': { who: 'worker-demo', make: at('/agree', mkMediating, AGREEMENT, '/v1/disputes') },
      'cases.disputeFail': {
        who: 'worker-demo',
        make: at(
          '/fail',
          mkMediating,
          { referral: 'mediation_point', note: '双方分歧较大，引导至评理说事点' },
          '/v1/disputes',
        ),
      },
      'cases.disputeClose': {
        who: 'worker-demo',
        make: at('/close', mkAgreed, { note: '回访双方，协议已履行', fulfilled: true }, '/v1/disputes'),
      },
      'cases.createPetition': { who: 'worker-demo', input: { path: '/v1/petitions', body: PETITION } },
      'cases.listPetitions': { who: 'worker-demo', input: { path: '/v1/petitions?view=inbox' } },
      'cases.getPetition': { who: 'worker-demo', input: { path: `/v1/petitions/${petitionId}` } },
      'cases.petitionAccept': { who: 'worker-demo', make: at('/accept', mkPetition, {}, '/v1/petitions') },
      'cases.petitionProgress': {
        who: 'worker-demo',
        make: at('/progress', mkHandling, { channel: 'online', note: '微信视频与当事人沟通' }, '/v1/petitions'),
      },
      'cases.petitionEscalate': {
        who: 'worker-demo',
        make: at('/escalate', mkPetition, { note: '需社区协调物业' }, '/v1/petitions'),
      },
      'cases.petitionReply': {
        who: 'worker-demo',
        make: at(
          '/reply',
          mkHandling,
          { reply: '已协调物业拆除地锁，恢复公共车位', channel: 'offline' },
          '/v1/petitions',
        ),
      },
      'cases.petitionKey': {
        who: 'leader-demo',
        make: at(
          '/key',
          mkPetition,
          { kind: 'backlog', leaderName: '吴敏', plan: '社区牵头协调物业，限期拆除地锁' },
          '/v1/petitions',
        ),
      },
      'cases.petitionRating': { who: 'resident-demo', make: at('/rating', mkReplied, { stars: 5 }, '/v1/petitions') },
      'cases.petitionReads': { who: 'leader-demo', input: { path: `/v1/petitions/${petitionId}/reads` } },
      'stats.grid': { who: 'community-admin-demo' },
      'open311.service': { input: { path: '/open311/v2/services/heating.json' } },
      'open311.post': { input: { path: '/open311/v2/requests.json', ...form(OPEN311_FORM) } },
      'open311.requests': { input: { path: '/open311/v2/requests.json' } },
      'open311.request': { input: { path: `/open311/v2/requests/${open311Id}.json` } },
    };

    const results: EndpointResult[] = [];
    const probe = keys.seedMarker('bench-probe'); // a small item of its own: the raw PutItem baseline
    let idem = 0;
    for (const [ri, route] of routes.entries()) {
      const plan = PLANS[route.id] ?? {};
      const who = plan.who ?? defaultWho(route);
      // n + 1 inputs: the first call warms the area's module and is not kept
      const inputs: Input[] = [];
      for (let i = 0; i <= n; i++) inputs.push(plan.make ? await plan.make(i) : (plan.input ?? concrete(route, res)));
      // creating routes: a fresh Idempotency-Key per call, as the mini-program sends
      if (route.idempotent)
        for (const [i, input] of inputs.entries())
          inputs[i] = { ...input, headers: { ...input.headers, 'idempotency-key': `bench-key-${++idem}` } };
      const r: EndpointResult = {
        route,
        who: who ?? 'anonymous',
        statuses: {},
        lat: [],
        base: [],
        health: [],
        tallies: [],
        logBytes: 0,
        respBytes: 0,
        counterWrites: [],
      };
      for (const [i, input] of inputs.entries()) {
        // the yardsticks interleaved with the calls, so that all three see the same moment of a busy machine
        let t0 = performance.now();
        await db().send(new PutCommand({ TableName: table(), Item: { ...probe, type: 'bench', n: i } }));
        if (i > 0) r.base.push(performance.now() - t0);
        t0 = performance.now();
        await call('GET', '/v1/health', undefined);
        if (i > 0) r.health.push(performance.now() - t0);
        const caller = input.who ?? who;
        await api.stack.drainStats();
        const cap = { bytes: 0 };
        capture = i > 0 ? cap : undefined;
        const t = performance.now();
        const { value: out, tally } = await counted(() => call(route.method, input.path, caller, input.body, input));
        const dt = performance.now() - t;
        capture = undefined;
        if (i === 0) continue;
        r.counterWrites.push(pendingStats());
        r.lat.push(dt);
        r.tallies.push(tally);
        r.statuses[out.status] = (r.statuses[out.status] ?? 0) + 1;
        r.logBytes += cap.bytes;
        r.respBytes += Buffer.byteLength(typeof out.body === 'string' ? out.body : JSON.stringify(out.body ?? ''));
      }
      results.push(r);
      const bad = Object.keys(r.statuses).filter((s) => Number(s) >= 300);
      say(
        `endpoints ${String(ri + 1).padStart(2)}/${routes.length} ${route.id.padEnd(26)} median ${ms(median(r.lat))} ms, ${overHealth(r)} PutItems over health, ${num(mean(r.tallies.map((t) => t.calls)))} DynamoDB calls${bad.length ? `  (statuses ${JSON.stringify(r.statuses)})` : ''}`,
      );
    }
    printEndpoints(results, n);

    // the notifier first drains what the routes above queued: its cost per notification
    say("endpoints: draining the outbox the measured calls filled (the notifier's cost per notification)…");
    let drained = 0;
    const drainTallies: Tally[] = [];
    const drainStart = performance.now();
    for (;;) {
      const { value, tally } = await counted(() => JOBS.notify());
      drainTallies.push(tally);
      drained += value;
      if (!value) break;
    }
    const drainMs = performance.now() - drainStart;
    const perNotification: PerNotification = {
      ms: drainMs / Math.max(1, drained),
      rru: drainTallies.reduce((x, t) => x + t.rru, 0) / Math.max(1, drained),
      wru: drainTallies.reduce((x, t) => x + t.wru, 0) / Math.max(1, drained),
      calls: drainTallies.reduce((x, t) => x + t.calls, 0) / Math.max(1, drained),
    };
    // then every job as the jobs function runs it on a schedule: an idle sweep is the common case
    const jobs: JobResult[] = [];
    for (const [name, run] of Object.entries(JOBS)) {
      const j: JobResult = { job: name, lat: [], tallies: [] };
      for (let i = 0; i <= n; i++) {
        const t = performance.now();
        const { tally } = await counted(() => (run as () => Promise<unknown>)());
        if (i > 0) {
          j.lat.push(performance.now() - t);
          j.tallies.push(tally);
        }
      }
      jobs.push(j);
    }
    printTable(
      `Jobs: ${n} scheduled runs each with nothing due (in-process, same table), and the notifier's cost per notification`,
      ['job', 'median ms', 'p95 ms', 'DynamoDB calls', 'commands', 'RRU', 'WRU'],
      [
        ...jobs.map((j) => [
          j.job,
          ms(median(j.lat)),
          ms(percentile(j.lat, 95)),
          num(mean(j.tallies.map((t) => t.calls))),
          commandMix(j.tallies),
          num(mean(j.tallies.map((t) => t.rru))),
          num(mean(j.tallies.map((t) => t.wru))),
        ]),
        [
          `notify, per notification (${drained} drained)`,
          ms(perNotification.ms),
          '',
          num(perNotification.calls),
          '',
          num(perNotification.rru),
          num(perNotification.wru),
        ],
      ],
    );
    await api.stack.drainStats();
    const counterBatches = await benchCounterBatches();
    return { routes: results, jobs, perNotification, counterBatches };
  } finally {
    restore();
  }
}

export const statusText = (s: Record<number, number>) => {
  const e = Object.entries(s);
  return e.length === 1 ? e[0][0] : e.map(([k, v]) => `${k}×${v}`).join(' ');
};

/** The command mix of the most common call, e.g. "Get 2 · Query 1 · TransactWrite 1". */
export function commandMix(tallies: Tally[]) {
  const counts = new Map<string, number>();
  for (const t of tallies) {
    const k =
      Object.entries(t.byCommand)
        .sort()
        .map(([c, v]) => `${c.replace(/Item$|Items$/, '')}${v > 1 ? ` ${v}` : ''}`)
        .join(' · ') || '—';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '—';
}

/** (median − health median) ÷ raw PutItem median: what the call itself costs, in DynamoDB round trips */
export const overHealthRatio = (r: EndpointResult) => (median(r.lat) - median(r.health)) / median(r.base);
const overHealth = (r: EndpointResult) => {
  const x = overHealthRatio(r);
  return Number.isFinite(x) ? x.toFixed(1) : '–';
};
const isWrite = (r: EndpointResult) => r.route.method !== 'GET';

/** The tally of the call whose latency is the median one (its steps tell where the time went). */
function medianTally(r: EndpointResult): Tally | undefined {
  const order = r.lat.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const mid = order[(order.length - 1) >> 1];
  return mid ? r.tallies[mid[1]] : undefined;
}

function printEndpoints(results: EndpointResult[], n: number) {
  const all = (f: (r: EndpointResult) => number[]) => results.flatMap(f);
  const put = median(all((r) => r.base));
  const health = median(all((r) => r.health));
  printTable(
    `Endpoints: ${n} calls each through the local API server (in-process, DynamoDB Local in memory), each just after a raw PutItem and a GET /v1/health`,
    [
      'route',
      'method path',
      'as',
      'status',
      'median ms',
      'p95 ms',
      'DynamoDB ms',
      '÷ health',
      'PutItems over health',
      'DynamoDB calls',
      'commands',
      'RRU',
      'WRU',
    ],
    results.map((r) => [
      r.route.id,
      `${r.route.method} ${r.route.path}`,
      r.who,
      statusText(r.statuses),
      ms(median(r.lat)),
      ms(percentile(r.lat, 95)),
      ms(median(r.tallies.map((t) => t.dbMs))),
      ratio(median(r.lat), median(r.health)),
      overHealth(r),
      num(mean(r.tallies.map((t) => t.calls))),
      commandMix(r.tallies),
      num(mean(r.tallies.map((t) => t.rru))),
      num(mean(r.tallies.map((t) => t.wru))),
    ]),
    `Raw PutItem over all routes: median ${ms(put)} ms, p95 ${ms(
      percentile(
        all((r) => r.base),
        95,
      ),
    )} ms; GET /v1/health: median ${ms(health)} ms. "PutItems over health": (route median − health median) ÷ PutItem median, interleaved with the route's calls. "DynamoDB ms": median wall time with a DynamoDB call in flight (parallel calls count once); the rest is the handler's own work. "DynamoDB calls": commands per API call (mean), metered per request on db() (data/client.ts); RRU/WRU: the request units DynamoDB Local reports (ReturnConsumedCapacity), GSI writes and the 2× of transactions included. State-changing routes act on a fresh resource each call; creating routes send a fresh Idempotency-Key.`,
  );
  const writes = results.filter(isWrite);
  printTable(
    'Where the time goes: the DynamoDB calls of the median call of every write, in order (› after, ∥ in parallel; ms each)',
    ['route', 'median ms', 'DynamoDB ms', 'PutItems over health', 'calls', 'steps'],
    writes.map((r) => {
      const t = medianTally(r);
      return [r.route.id, ms(median(r.lat)), ms(t?.dbMs ?? NaN), overHealth(r), num(t?.calls ?? NaN), t?.steps || '—'];
    }),
  );
  const over = (rs: EndpointResult[], limit: number) =>
    rs.filter((r) => overHealthRatio(r) > limit).map((r) => `${r.route.id} ${overHealth(r)}`);
  const scans = results.filter((r) => r.tallies.some((t) => t.byCommand.Scan)).map((r) => r.route.id);
  const many = results.filter((r) => mean(r.tallies.map((t) => t.calls)) > 4).map((r) => r.route.id);
  const slowWrites = over(writes, 6);
  const reads = results.filter((r) => ['requests.get', 'requests.list'].includes(r.route.id));
  const slowReads = over(reads, 2);
  process.stdout.write(
    [
      '',
      `Writes over 6 PutItems over health: ${slowWrites.length ? slowWrites.join(', ') : 'none'}.`,
      `Detail and inbox reads (requests.get, requests.list) over 2: ${slowReads.length ? slowReads.join(', ') : 'none'}.`,
      `Routes with a Scan: ${scans.length ? scans.join(', ') : 'none'}. Routes with more than 4 DynamoDB calls: ${many.length ? many.join(', ') : 'none'}.`,
      '',
    ].join('\n'),
  );
}
