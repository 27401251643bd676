/**
 * Faults: an injected failure on every Nth DynamoDB call → 503, nothing half-written, a retry with
 * the same Idempotency-Key succeeds; DynamoDB Local killed and restarted under a running API → the
 * API recovers by itself; the local stack stopped and started again → nothing lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../../src/data/client';
import { startDynamoLocal, freePort } from '../../src/local/dynamodb';
import { startStack } from '../../src/local/stack';
import { startApi } from '../harness';

const body = (i: number) => ({ category: 'facility', description: `第 ${i} 个故障注入测试诉求`, ignoreSimilar: true });

it('every 4th DynamoDB call fails: 503s only, no half-written request, retries succeed, no duplicates', async () => {
  const api = await startApi();
  try {
    const token = await api.login('resident-demo');
    let calls = 0;
    let failEvery = 4;
    db().middlewareStack.add(
      (next) => async (args) => {
        if (failEvery && ++calls % failEvery === 0)
          throw Object.assign(new Error('injected fault'), { name: 'ServiceUnavailable', $fault: 'server' });
        return next(args);
      },
      { step: 'initialize', name: 'faultInjector' },
    );
    const N = 30;
    const first = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        api.call('POST', '/v1/requests', { token, body: body(i), headers: { 'idempotency-key': `fault-key-${i}` } }),
      ),
    );
    const statuses = first.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 503 || s === 401)).toBe(true);
    expect(statuses.filter((s) => s !== 201).length).toBeGreaterThan(0);
    for (const r of first.filter((x) => x.status >= 500)) expect(r.body.error.code).toBe('DEPENDENCY_FAILED');
    failEvery = 0;
    db().middlewareStack.remove('faultInjector');
    const ids = new Set<string>();
    for (let i = 0; i < N; i++) {
      const again = await api.call('POST', '/v1/requests', {
        token,
        body: body(i),
        headers: { 'idempotency-key': `fault-key-${i}` },
      });
      expect(again.status).toBe(201);
      if (first[i].status === 201) expect(again.body.id).toBe(first[i].body.id); // the first answer, replayed
      ids.add(again.body.id);
    }
    expect(ids.size).toBe(N);
    // exactly N requests exist, each with its submit event, and the counters agree
    const mine = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': 'REQBY#resident-demo' },
      }),
    );
    expect(mine.Items!.length).toBe(N);
    for (const id of ids) {
      const part = await db().send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': `REQ#${id}` },
        }),
      );
      expect(part.Items!.filter((i) => i.type === 'event')).toHaveLength(1);
    }
    const stats = await api.call('GET', '/v1/stats/grids/hz-hp-xh-c1-a1-b1', { token: await api.login('worker-demo') });
    expect(stats.body.requests.total).toBe(N);
  } finally {
    await api.stop();
  }
}, 60000);

it('DynamoDB Local killed and restarted under a running API: 503 while down, then it recovers by itself', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gridlink-restart-'));
  const port = await freePort();
  let dynamo = await startDynamoLocal({ dbPath: dir, port });
  const stack = await startStack({ dynamoEndpoint: dynamo.endpoint, tableName: 'restart' });
  try {
    const login = () =>
      fetch(`${stack.apiUrl}/v1/auth/dev-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'resident-demo' }),
      });
    const { token } = await (await login()).json();
    const created = await fetch(`${stack.apiUrl}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body(1)),
    }).then((r) => r.json());
    await dynamo.stop(); // SIGTERM: with SIGKILL DynamoDB Local itself may lose its last writes (not ours to test)
    const down = await fetch(`${stack.apiUrl}/v1/requests/${created.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(down.status).toBe(503);
    dynamo = await startDynamoLocal({ dbPath: dir, port });
    const up = await fetch(`${stack.apiUrl}/v1/requests/${created.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(up.status).toBe(200);
    expect((await up.json()).description).toBe(body(1).description);
  } finally {
    await stack.stop();
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}, 90000);

it('the local stack stopped and started again on its data folder: nothing lost, seed not duplicated', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gridlink-data-'));
  const dataDir = path.join(dir, 'dynamodb');
  let stack = await startStack({ dataDir });
  let id: string;
  try {
    expect(stack.seeded).toBeGreaterThan(0);
    const { token } = await fetch(`${stack.apiUrl}/v1/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'resident-demo' }),
    }).then((r) => r.json());
    id = (
      await fetch(`${stack.apiUrl}/v1/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body(2)),
      }).then((r) => r.json())
    ).id;
  } finally {
    await stack.stop();
  }
  stack = await startStack({ dataDir });
  try {
    expect(stack.seeded).toBe(0);
    const { token } = await fetch(`${stack.apiUrl}/v1/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'resident-demo' }),
    }).then((r) => r.json());
    const mine = await fetch(`${stack.apiUrl}/v1/requests?view=mine`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json());
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual([id]);
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}, 90000);
