/** Personal data and abuse limits: rate limits on sign-in and creating, the session key never kept, every change in the audit trail. */
import { QueryCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../../src/data/client';
import { keys } from '../../src/data/keys';
import { startApi, withRateLimits, type Api } from '../harness';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.stop());

it('sign-in and creating routes are rate limited per caller (429 with the error shape)', async () => {
  await withRateLimits(async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await api.call('POST', '/v1/auth/wechat', { body: { code: `dev-rate-${i}` } })).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    const limited = await api.call('POST', '/v1/auth/wechat', { body: { code: 'dev-rate-x' } });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });
  const token = await api.login('resident-elder');
  await withRateLimits(async () => {
    const created: number[] = [];
    for (let i = 0; i < 31; i++)
      created.push(
        (
          await api.call('POST', '/v1/requests', {
            token,
            body: { category: 'noise', description: `限流测试第 ${i} 条诉求`, ignoreSimilar: true },
          })
        ).status,
      );
    expect(created.filter((s) => s === 201)).toHaveLength(30);
    expect(created.at(-1)).toBe(429);
  });
});

it('the WeChat session key is never stored nor returned', async () => {
  const res = await api.call('POST', '/v1/auth/wechat', { body: { code: 'dev-sessionkey' } });
  expect(JSON.stringify(res.body)).not.toMatch(/session/i);
  const user = await db().send(new GetCommand({ TableName: table(), Key: keys.user(res.body.user.id) }));
  expect(JSON.stringify(user.Item)).not.toMatch(/session/i);
  expect(user.Item!.openid).toMatch(/^o/);
});

it('the audit trail records every state change: who, when, what, from → to', async () => {
  const resident = await api.login('resident-demo');
  const worker = await api.login('worker-demo');
  const r = await api.call('POST', '/v1/requests', {
    token: resident,
    body: { category: 'facility', description: '审计测试：楼门坏了', ignoreSimilar: true },
  });
  await api.call('POST', `/v1/requests/${r.body.id}/accept`, { token: worker, body: {} });
  await api.call('POST', `/v1/requests/${r.body.id}/resolve`, { token: worker, body: { note: '修好了' } });
  const audit = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#request:${r.body.id}` },
    }),
  );
  const rows = (audit.Items ?? []).map((i) => ({
    actorId: i.actorId,
    action: i.action,
    from: i.from,
    to: i.to,
    at: typeof i.at,
  }));
  expect(rows).toEqual([
    { actorId: 'resident-demo', action: 'request.submit', from: null, to: 'submitted', at: 'string' },
    { actorId: 'worker-demo', action: 'request.accept', from: 'submitted', to: 'accepted', at: 'string' },
    { actorId: 'worker-demo', action: 'request.resolve', from: 'accepted', to: 'resolved', at: 'string' },
  ]);
});
