/**
 * Fast writes: the Idempotency-Key claim and the rate-limit count are one write, and it keeps both
 * contracts (replays never count, a 429 is the key's answer); a submit's DynamoDB calls, metered per
 * request by the local API server (watchRequests), stay few: grid nodes come from the warm cache,
 * the actor's user item is read once (no Scan anywhere: the authorisation matrix checks every route).
 */
import { watchRequests, type RequestCost } from '../../src/local/api-server';
import { forgetGridCache } from '../../src/data/grids';
import { startApi, withRateLimits, type Api } from '../harness';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.stop());

const withLimits = withRateLimits;

const report = (token: string, i: number, key?: string) =>
  api.call('POST', '/v1/requests', {
    token,
    body: { category: 'noise', description: `快写测试第 ${i} 条诉求`, ignoreSimilar: true },
    headers: key ? { 'idempotency-key': key } : {},
  });

it('replays of an Idempotency-Key do not count against the limit; the call after the limit is a 429', async () => {
  const token = await api.login('resident-demo');
  await withLimits(async () => {
    const first = await report(token, 0, 'fast-replay-0001');
    expect(first.status).toBe(201);
    for (let i = 0; i < 35; i++) {
      const again = await report(token, 0, 'fast-replay-0001');
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
    }
    const statuses: number[] = [];
    for (let i = 1; i <= 30; i++) statuses.push((await report(token, i, `fast-new-${i}-key`)).status);
    expect(statuses.slice(0, 29).every((s) => s === 201)).toBe(true); // 1 + 29 = the limit of 30
    expect(statuses[29]).toBe(429);
  });
});

it('a refused call keeps its 429 as the answer of its key; a key never used is not spent by a 429', async () => {
  const token = await api.login('resident-elder');
  await withLimits(async () => {
    for (let i = 0; i < 30; i++) expect((await report(token, i)).status).toBe(201);
    const refused = await report(token, 30, 'fast-limited-01');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    const retried = await report(token, 30, 'fast-limited-01');
    expect(retried.status).toBe(429);
    expect(retried.body).toEqual(refused.body);
    const reused = await report(token, 31, 'fast-limited-01');
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

it('a warm submit: one user read, one claim-and-count write, the duplicate check, the transaction, the answer', async () => {
  const token = await api.login('resident-demo');
  const costs: RequestCost[] = [];
  const stop = watchRequests((c) => costs.push(c));
  try {
    // the same unit twice (the first call warms its grid nodes), categories with nothing open there;
    // the reporter's own (verified) unit: duplicates are looked for only where the caller lives
    const submit = (category: string) =>
      api.call('POST', '/v1/requests', {
        token,
        body: { category, description: `快写测试：${category} 问题已经一整天`, unitId: 'hz-hp-xh-c1-a1-b1-u1' },
        headers: { 'idempotency-key': `fast-cost-${category}` },
      });
    forgetGridCache(); // loaded afresh now: no entry warmed long ago (a slow run) expires between the two
    expect((await submit('water-power')).status).toBe(201);
    costs.length = 0;
    expect((await submit('heating')).status).toBe(201);
  } finally {
    stop();
  }
  const [cost] = costs;
  expect(cost.routeId).toBe('requests.create');
  expect(cost.calls.map((c) => c.command)).toEqual([
    'GetItem', // the actor's user item
    'TransactWriteItems', // claim the Idempotency-Key + count the rate window
    'Query', // open requests of the same building and category
    'TransactWriteItems', // the request, its event, counters, index, feed, audit, outbox
    'UpdateItem', // the answer, for retries
  ]);
});
