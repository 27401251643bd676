import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorBody } from '@gridlink/shared/common';
import { ProxyTask } from '@gridlink/shared/proxy';
import { SERVICES } from '@gridlink/shared/services-catalog';
import { db, table } from '../src/data/client';
import { userItem } from '../src/data/users';
import { alertUnclaimed } from '../src/domain/proxy/sweep';
import { startApi, type Api } from './harness';

let api: Api;
const t: Record<string, string> = {};
const AGENTS = Array.from({ length: 48 }, (_, i) => `agent-x${i}`);
beforeAll(async () => {
  api = await startApi();
  const now = new Date().toISOString();
  for (const id of AGENTS)
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: userItem({
          id,
          role: 'agent',
          name: `代办员${id}`,
          gridIds: ['hz-hp-xh'],
          unitId: 'hz-hp-xh-c2-a2-b1-u1',
          version: 1,
          createdAt: now,
          updatedAt: now,
        }),
      }),
    );
  for (const u of [
    'resident-demo',
    'resident-elder',
    'worker-demo',
    'leader-demo',
    'agent-demo',
    'agent-demo-2',
    'community-admin-demo',
    'office-demo',
    ...AGENTS,
  ])
    t[u] = await api.login(u);
});
afterAll(async () => api?.stop());

const post = (path: string, who: string, body: unknown = {}) => api.call('POST', path, { token: t[who], body });
const get = (path: string, who: string) => api.call('GET', path, { token: t[who] });
const err = (res: { status: number; body: unknown }, status: number) => {
  expect(res.status).toBe(status);
  return ErrorBody.parse(res.body).error;
};
const witnessed = { given: true, method: 'witnessed_signature', note: '本人签字，网格员赵刚见证' };
const direct = SERVICES.find((s) => s.onlineDirect && s.fields.every((f) => f.type !== 'image' || !f.required))!;

async function newTask(body: Record<string, unknown> = {}) {
  const res = await post('/v1/proxy-tasks', 'worker-demo', {
    recipientId: 'resident-elder',
    kind: 'errand',
    description: '代买降压药并送到家',
    consent: witnessed,
    ...body,
  });
  expect(res.status).toBe(201);
  return ProxyTask.parse(res.body);
}

describe('consent', () => {
  it('a task without consent, or with a consent method that does not fit the requester, is refused', async () => {
    err(
      await post('/v1/proxy-tasks', 'worker-demo', {
        recipientId: 'resident-elder',
        kind: 'errand',
        description: '代买药品送到家',
      }),
      400,
    );
    err(
      await post('/v1/proxy-tasks', 'worker-demo', {
        recipientId: 'resident-elder',
        kind: 'errand',
        description: '代买药品送到家',
        consent: { given: false, method: 'in_app' },
      }),
      400,
    );
    err(
      await post('/v1/proxy-tasks', 'worker-demo', {
        recipientId: 'resident-elder',
        kind: 'errand',
        description: '代买药品送到家',
        consent: { given: true, method: 'in_app' },
      }),
      400,
    );
    err(
      await post('/v1/proxy-tasks', 'resident-demo', {
        recipientId: 'resident-elder',
        kind: 'errand',
        description: '代买药品送到家',
        consent: { given: true, method: 'family' },
      }),
      403,
    );
    const own = await post('/v1/proxy-tasks', 'resident-elder', {
      recipientId: 'resident-elder',
      kind: 'errand',
      description: '代缴本月水电费',
      consent: { given: true, method: 'in_app' },
    });
    expect(own.status).toBe(201);
    expect(own.body.consent).toMatchObject({ method: 'in_app', by: 'resident-elder' });
  });
});

describe('the proxy-task story', () => {
  it('register → open → claimed by one → in progress → on-behalf application → done → confirmed → rated; access window', async () => {
    const task = await newTask({ kind: 'service', serviceCode: direct.code, description: `为老人办理${direct.name}` });
    expect(task.status).toBe('open');
    // before the claim an agent sees the recipient masked
    const hallView = await get(`/v1/proxy-tasks/${task.id}`, 'agent-demo');
    expect(hallView.body.recipient.masked).toBe(true);
    expect(hallView.body.recipient.phone).toMatch(/\*\*\*\*/);
    expect(
      (await get('/v1/proxy-tasks?view=hall', 'agent-demo')).body.items.map((x: { id: string }) => x.id),
    ).toContain(task.id);

    const claimed = await post(`/v1/proxy-tasks/${task.id}/claim`, 'agent-demo');
    expect(claimed.body).toMatchObject({ status: 'claimed', agentId: 'agent-demo' });
    err(await post(`/v1/proxy-tasks/${task.id}/claim`, 'agent-demo-2'), 409);
    err(await post(`/v1/proxy-tasks/${task.id}/start`, 'agent-demo-2'), 403);
    const inWindow = await get(`/v1/proxy-tasks/${task.id}`, 'agent-demo');
    expect(inWindow.body.recipient).toMatchObject({
      masked: false,
      phone: '13841871234',
      idNumber: '21090219450812002X',
    });
    err(await get(`/v1/proxy-tasks/${task.id}`, 'agent-demo-2'), 404); // another agent's task: not theirs to read

    await post(`/v1/proxy-tasks/${task.id}/start`, 'agent-demo');
    const form: Record<string, unknown> = {};
    for (const f of direct.fields)
      if (f.required)
        form[f.name] =
          f.type === 'idNumber'
            ? '210902198001011236'
            : f.type === 'phone'
              ? '13800138000'
              : f.type === 'date'
                ? '2024-03-01'
                : f.type === 'select'
                  ? f.options![0]
                  : f.type === 'multiselect'
                    ? [f.options![0]]
                    : f.type === 'number'
                      ? (f.min ?? 1)
                      : '刘淑珍';
    const app = await post('/v1/applications', 'agent-demo', {
      serviceCode: direct.code,
      form,
      onBehalfOf: 'resident-elder',
    });
    expect(app.status).toBe(201);
    err(
      await post('/v1/applications', 'agent-demo-2', { serviceCode: direct.code, form, onBehalfOf: 'resident-elder' }),
      403,
    );

    const done = await post(`/v1/proxy-tasks/${task.id}/complete`, 'agent-demo', {
      note: '已在线办结',
      applicationId: app.body.id,
    });
    expect(done.body.status).toBe('done');
    err(await post(`/v1/proxy-tasks/${task.id}/confirm`, 'agent-demo'), 403);
    const confirmed = await post(`/v1/proxy-tasks/${task.id}/confirm`, 'worker-demo', { note: '已电话与老人核实' });
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedBy: { id: 'worker-demo' } });

    // the window closed: masked again, and no more applications on behalf
    expect((await get(`/v1/proxy-tasks/${task.id}`, 'agent-demo')).body.recipient.masked).toBe(true);
    err(
      await post('/v1/applications', 'agent-demo', { serviceCode: direct.code, form, onBehalfOf: 'resident-elder' }),
      403,
    );

    const rated = await post(`/v1/proxy-tasks/${task.id}/rating`, 'worker-demo', { stars: 5, comment: '老人很满意' });
    expect(rated.body.rating.stars).toBe(5);
    const profile = await get('/v1/agents/agent-demo', 'resident-demo');
    expect(profile.body).toMatchObject({ tasksDone: 1, averageRating: 5 });
    const stats = await get('/v1/stats/grids/hz-hp-xh', 'community-admin-demo');
    expect(stats.body.proxy.done).toBe(1);

    // every unmasked read by the agent is in the audit trail
    const audit = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': 'AUDITBY#agent-demo' },
      }),
    );
    expect((audit.Items ?? []).filter((i) => i.action === 'pii.read').length).toBeGreaterThanOrEqual(1);
  });

  it('50 concurrent claims: exactly one winner, 49 × 409', async () => {
    const task = await newTask();
    const claimers = ['agent-demo', 'agent-demo-2', ...AGENTS];
    const results = await Promise.all(claimers.map((a) => post(`/v1/proxy-tasks/${task.id}/claim`, a)));
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    // lost before the write or in it: every loser hears the same (the table's firstWins)
    const lost = results.filter((r) => r.status === 409).map((r) => `${r.body.error.code} ${r.body.error.message}`);
    expect(new Set(lost)).toEqual(new Set(['INVALID_TRANSITION 任务已被其他代办员认领']));
    const final = await get(`/v1/proxy-tasks/${task.id}`, 'worker-demo');
    expect(final.body.agentId).toBe(winners[0].body.agentId);
  });

  it('a deadline must be a time with zone (it sorts the hall): text is a 400, +08:00 is kept as UTC', async () => {
    const body = {
      recipientId: 'resident-elder',
      kind: 'errand',
      description: '代买降压药并送到家',
      consent: witnessed,
    };
    for (const deadline of ['x'.repeat(3000), '2030-01-01', '明天上午']) {
      const res = await post('/v1/proxy-tasks', 'worker-demo', { ...body, deadline });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('deadline');
    }
    const task = await newTask({ deadline: '2030-01-01T10:00:00+08:00' });
    expect(task.deadline).toBe('2030-01-01T02:00:00.000Z');
  });

  it('cancel from open or claimed only; unclaimed past deadline alerts the community once', async () => {
    const a = await newTask();
    expect((await post(`/v1/proxy-tasks/${a.id}/cancel`, 'worker-demo')).body.status).toBe('cancelled');
    err(await post(`/v1/proxy-tasks/${a.id}/cancel`, 'worker-demo'), 409);
    const b = await newTask({ deadline: new Date(Date.now() + 3600_000).toISOString() });
    expect(await alertUnclaimed(new Date(Date.now() + 2 * 3600_000).toISOString())).toBeGreaterThanOrEqual(1);
    expect(await alertUnclaimed(new Date(Date.now() + 2 * 3600_000).toISOString())).toBe(0);
    expect((await get(`/v1/proxy-tasks/${b.id}`, 'worker-demo')).body.unclaimedAlerted).toBe(true);
  });
});

describe('care recipients, family and agents', () => {
  it('a grid worker registers an elder without WeChat; family links need the worker; family may then ask with family consent', async () => {
    const res = await post('/v1/care-recipients', 'worker-demo', {
      name: '张大爷',
      unitId: 'hz-hp-xh-c1-a1-b1-u3',
      phone: '13904180000',
      needs: ['elderly_alone', 'no_wechat'],
    });
    expect(res.status).toBe(201);
    const id = res.body.id;
    err(
      await post('/v1/care-recipients', 'worker-demo', {
        name: '外网格',
        unitId: 'hz-xs-hx-c1-a1-b1-u1',
        phone: '13904180000',
        needs: ['disabled'],
      }),
      403,
    );
    expect((await get('/v1/care-recipients', 'worker-demo')).body.items.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([id, 'resident-elder']),
    );
    await post(`/v1/care-recipients/${id}/family`, 'resident-demo');
    err(
      await post('/v1/proxy-tasks', 'resident-demo', {
        recipientId: id,
        kind: 'errand',
        description: '代缴取暖费',
        consent: { given: true, method: 'family' },
      }),
      403,
    );
    err(await post(`/v1/care-recipients/${id}/family/resident-demo/confirm`, 'agent-demo'), 403);
    expect((await post(`/v1/care-recipients/${id}/family/resident-demo/confirm`, 'worker-demo')).body.status).toBe(
      'confirmed',
    );
    const task = await post('/v1/proxy-tasks', 'resident-demo', {
      recipientId: id,
      kind: 'errand',
      description: '代缴取暖费',
      consent: { given: true, method: 'family' },
    });
    expect(task.status).toBe(201);
    expect(
      (await get('/v1/proxy-tasks?view=requested', 'resident-demo')).body.items.map((x: { id: string }) => x.id),
    ).toContain(task.body.id);
  });

  it('a resident applies to be an agent; the community approves', async () => {
    expect(
      (
        await post('/v1/agents/applications', 'resident-demo', {
          partyMember: true,
          reason: '党员，愿意为社区老人服务',
        })
      ).status,
    ).toBe(201);
    err(await post('/v1/agents/applications', 'resident-demo', { partyMember: true, reason: '再次申请一次' }), 409);
    expect((await get('/v1/agents/applications', 'community-admin-demo')).body.items[0].userId).toBe('resident-demo');
    err(await post('/v1/agents/resident-demo/approve', 'worker-demo'), 403);
    const approved = await post('/v1/agents/resident-demo/approve', 'community-admin-demo');
    expect(approved.body).toMatchObject({ id: 'resident-demo', communityIds: ['hz-hp-xh'], tasksDone: 0 });
  });
});
