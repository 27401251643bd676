/** 矛盾纠纷 and 信访 through the real API on DynamoDB Local. */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Dispute, Petition } from '@gridlink/shared/cases';
import { ErrorBody } from '@gridlink/shared/common';
import { GridStats } from '@gridlink/shared/stats';
import { db, table } from '../src/data/client';
import { keys } from '../src/data/keys';
import { userItem } from '../src/data/users';
import { petitionSweep } from '../src/domain/cases/petitions';
import { startApi, type Api } from './harness';

let api: Api;
const t: Record<string, string> = {};
const USERS = [
  'resident-demo',
  'resident-elder',
  'worker-demo',
  'leader-demo',
  'community-admin-demo',
  'street-admin-demo',
  'district-admin-demo',
  'worker-other',
  'agent-demo',
  'office-demo',
];
beforeAll(async () => {
  api = await startApi();
  const now = new Date().toISOString();
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: userItem({
        id: 'worker-other',
        role: 'grid_worker',
        name: '外网格员',
        gridIds: ['hz-xs-hx-c1-a1-b1'],
        version: 1,
        createdAt: now,
        updatedAt: now,
      }),
    }),
  );
  for (const u of USERS) t[u] = await api.login(u);
});
afterAll(async () => api?.stop());

const post = (path: string, who: string, body: unknown = {}) => api.call('POST', path, { token: t[who], body });
const get = (path: string, who: string) => api.call('GET', path, { token: t[who] });
const err = (res: { status: number; body: unknown }, status: number, code?: string) => {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  const e = ErrorBody.parse(res.body).error;
  if (code) expect(e.code).toBe(code);
  return e;
};
const ok = <T>(res: { status: number; body: unknown }, schema: { parse(v: unknown): T }, status = 200): T => {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  return schema.parse(res.body);
};
const stats = async (grid = 'hz-hp-xh', who = 'community-admin-demo') =>
  GridStats.parse((await get(`/v1/stats/grids/${grid}`, who)).body);
const auditOf = async (target: string) =>
  (
    await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditPk(target) },
      }),
    )
  ).Items ?? [];

const UNIT = 'hz-hp-xh-c1-a1-b1-u1';
const NEIGHBOUR = { role: 'respondent', name: '李强', contact: '13912345678' };
const session = {
  date: '2026-03-02',
  place: '1号楼网格议事点',
  participants: ['王丽', '李强', '赵刚'],
  notes: '双方同意由楼上修缮防水，楼下暂停索赔',
};
const agreement = {
  terms: '一、李强于十日内请人修缮卫生间防水；二、修缮费用由李强承担；三、王丽不再主张其他赔偿。',
  performBy: '2026-03-12',
  signedByAll: true,
};

describe('disputes', () => {
  it("a resident's 邻里纠纷 request becomes a dispute mediated on the spot by the grid worker, agreed, followed up and closed", async () => {
    const req = await post('/v1/requests', 'resident-demo', {
      category: 'neighbor-dispute',
      description: '楼上卫生间漏水到我家，沟通多次未果',
      ignoreSimilar: true,
    });
    expect(req.status).toBe(201);
    const before = await stats();

    err(
      await post('/v1/disputes', 'worker-demo', {
        kind: 'neighbor',
        facts: '楼上漏水',
        fromRequestId: req.body.id,
        parties: [NEIGHBOUR],
      }),
      400,
    ); // facts too short
    err(
      await post('/v1/disputes', 'worker-other', {
        kind: 'neighbor',
        facts: '楼上卫生间漏水至楼下，双方多次沟通未果',
        fromRequestId: req.body.id,
        parties: [NEIGHBOUR],
      }),
      404,
    );
    const d = ok(
      await post('/v1/disputes', 'worker-demo', {
        kind: 'other',
        facts: '楼上卫生间漏水至楼下，双方多次沟通未果',
        fromRequestId: req.body.id,
        parties: [NEIGHBOUR],
      }),
      Dispute,
      201,
    );
    expect(d).toMatchObject({
      status: 'registered',
      kind: 'neighbor',
      level: 'grid',
      unitId: UNIT,
      fromRequestId: req.body.id,
    });
    expect(d.parties.map((p) => [p.role, p.name, p.userId])).toEqual([
      ['applicant', '王丽', 'resident-demo'],
      ['respondent', '李强', undefined],
    ]);
    err(
      await post('/v1/disputes', 'worker-demo', {
        kind: 'neighbor',
        facts: '楼上卫生间漏水至楼下，双方多次沟通未果',
        fromRequestId: req.body.id,
        parties: [NEIGHBOUR],
      }),
      409,
    );
    const reqDetail = await get(`/v1/requests/${req.body.id}`, 'resident-demo');
    expect(reqDetail.body.timeline.at(-1)).toMatchObject({ action: 'toDispute', note: expect.stringContaining(d.id) });

    err(await post(`/v1/disputes/${d.id}/agree`, 'worker-demo', agreement), 409, 'INVALID_TRANSITION'); // no session yet
    err(await post(`/v1/disputes/${d.id}/sessions`, 'resident-demo', session), 403);
    err(await post(`/v1/disputes/${d.id}/sessions`, 'worker-other', session), 403);
    err(
      await post(`/v1/disputes/${d.id}/sessions`, 'worker-demo', { ...session, date: '3月2日', participants: [] }),
      400,
    );
    const s1 = ok(await post(`/v1/disputes/${d.id}/sessions`, 'worker-demo', { ...session, version: 1 }), Dispute);
    expect(s1).toMatchObject({
      status: 'mediating',
      version: 2,
      sessions: [{ place: '1号楼网格议事点', level: 'grid' }],
    });
    err(await post(`/v1/disputes/${d.id}/agree`, 'worker-demo', { ...agreement, version: 1 }), 409, 'VERSION_CONFLICT');
    const e = err(await post(`/v1/disputes/${d.id}/agree`, 'worker-demo', { ...agreement, signedByAll: false }), 400);
    expect(e.details).toEqual([{ path: 'signedByAll', message: '请确认各方当事人已在协议书上签字' }]);
    const agreed = ok(await post(`/v1/disputes/${d.id}/agree`, 'worker-demo', agreement), Dispute);
    expect(agreed).toMatchObject({
      status: 'agreed',
      mediator: { id: 'worker-demo', level: 'grid' },
      agreement: { organisation: '新华社区人民调解委员会', performBy: '2026-03-12' },
    });

    // the party sees it: in the list without identities, in the detail with names (others' contacts masked)
    const mine = await get('/v1/disputes?view=mine', 'resident-demo');
    const row = mine.body.items.find((x: { id: string }) => x.id === d.id);
    expect(row.parties.map((p: { name: string }) => p.name)).toEqual(['王*', '李*']);
    expect(row.facts).toBeUndefined();
    const asParty = ok(await get(`/v1/disputes/${d.id}`, 'resident-demo'), Dispute);
    expect(asParty.parties).toEqual([
      { role: 'applicant', userId: 'resident-demo', name: '王丽', contact: '13904181234', masked: false },
      { role: 'respondent', name: '李强', contact: '139****5678', masked: true },
    ]);
    expect(asParty.agreement?.terms).toContain('修缮卫生间防水');
    err(await get(`/v1/disputes/${d.id}`, 'resident-elder'), 404);
    err(await get(`/v1/disputes/${d.id}`, 'worker-other'), 404);
    err(await get(`/v1/disputes/${d.id}`, 'agent-demo'), 404);

    // the handler's read shows everything and is audited
    const asHandler = ok(await get(`/v1/disputes/${d.id}`, 'community-admin-demo'), Dispute);
    expect(asHandler.parties[1]).toMatchObject({ contact: '13912345678', masked: false });
    expect((await auditOf(`dispute:${d.id}`)).filter((a) => a.action === 'pii.read').map((a) => a.actorId)).toContain(
      'community-admin-demo',
    );

    err(await post(`/v1/disputes/${d.id}/close`, 'worker-demo', { note: '回访双方，漏水已修好' }), 400); // fulfilled?
    const closed = ok(
      await post(`/v1/disputes/${d.id}/close`, 'worker-demo', { note: '回访双方，漏水已修好', fulfilled: true }),
      Dispute,
    );
    expect(closed).toMatchObject({ status: 'closed', followUp: { fulfilled: true } });
    err(await post(`/v1/disputes/${d.id}/sessions`, 'worker-demo', session), 409, 'INVALID_TRANSITION');
    const detail = ok(await get(`/v1/disputes/${d.id}`, 'worker-demo'), Dispute);
    expect(detail.timeline?.map((x) => x.action)).toEqual(['register', 'session', 'agree', 'close']);

    const after = await stats();
    expect(after.disputes.total - before.disputes.total).toBe(1);
    expect(after.disputes.mediatedOnSpot - before.disputes.mediatedOnSpot).toBe(1);
    expect(after.disputes.byKind.neighbor.agreed - before.disputes.byKind.neighbor.agreed).toBe(1);
    expect(after.disputes.byStatus.closed - before.disputes.byStatus.closed).toBe(1);
    expect(after.disputes.open).toBe(before.disputes.open);
  });

  it('escalated to the community mediator (counted as such), up to the street at most; a failed one is referred on and closed', async () => {
    const parties = [
      { role: 'applicant', name: '张桂芬', contact: '13800001111' },
      { role: 'respondent', name: '幸福物业', contact: '0418-3331234' },
    ];
    const d = ok(
      await post('/v1/disputes', 'worker-demo', {
        kind: 'property',
        facts: '物业费收费标准争议，业主拒交物业费',
        unitId: UNIT,
        parties,
      }),
      Dispute,
      201,
    );
    err(
      await post('/v1/disputes', 'worker-demo', {
        kind: 'property',
        facts: '物业费收费标准争议，业主拒交物业费',
        unitId: UNIT,
        parties: [parties[0]],
      }),
      400,
    );
    err(
      await post('/v1/disputes', 'worker-demo', {
        kind: 'property',
        facts: '物业费收费标准争议，业主拒交物业费',
        unitId: 'hz-xs-hx-c1-a1-b1-u1',
        parties,
      }),
      403,
    );
    const up = ok(
      await post(`/v1/disputes/${d.id}/escalate`, 'worker-demo', { note: '涉及物业公司，需社区协调' }),
      Dispute,
    );
    expect(up.level).toBe('community');
    expect(
      (await get('/v1/disputes?view=inbox&gridId=hz-hp-xh', 'leader-demo')).body.items.map((x: { id: string }) => x.id),
    ).toContain(d.id);
    err(await post(`/v1/disputes/${d.id}/sessions`, 'worker-demo', session), 403);
    ok(
      await post(`/v1/disputes/${d.id}/sessions`, 'leader-demo', {
        ...session,
        participants: ['张桂芬', '物业经理', '孙建国'],
      }),
      Dispute,
    );
    const before = await stats();
    const agreed = ok(await post(`/v1/disputes/${d.id}/agree`, 'leader-demo', agreement), Dispute);
    expect(agreed.mediator).toMatchObject({ id: 'leader-demo', level: 'community' });
    const after = await stats();
    expect(after.disputes.mediatedByCommunity - before.disputes.mediatedByCommunity).toBe(1);
    expect(after.disputes.mediatedOnSpot).toBe(before.disputes.mediatedOnSpot);

    const f = ok(
      await post('/v1/disputes', 'leader-demo', {
        kind: 'labor',
        facts: '装修工人讨要工钱，与业主发生争执',
        unitId: UNIT,
        parties,
      }),
      Dispute,
      201,
    );
    expect(f.level).toBe('community');
    expect((await post(`/v1/disputes/${f.id}/escalate`, 'leader-demo')).body.level).toBe('street');
    err(await post(`/v1/disputes/${f.id}/escalate`, 'street-admin-demo'), 409, 'INVALID_TRANSITION');
    ok(await post(`/v1/disputes/${f.id}/sessions`, 'street-admin-demo', session), Dispute);
    err(await post(`/v1/disputes/${f.id}/fail`, 'street-admin-demo', { referral: 'court' }), 400);
    const failed = ok(
      await post(`/v1/disputes/${f.id}/fail`, 'street-admin-demo', {
        referral: 'court',
        referralNote: '海州区人民法院诉讼服务中心',
        note: '双方对工钱数额分歧较大',
      }),
      Dispute,
    );
    expect(failed).toMatchObject({ status: 'failed', referral: { to: 'court' } });
    ok(await post(`/v1/disputes/${f.id}/close`, 'street-admin-demo', { note: '回访：已向法院立案' }), Dispute);
    const s = await stats('hz-hp', 'street-admin-demo');
    expect(s.disputes.referrals.court).toBe(1);
    expect(s.disputes.byKind.labor).toEqual({ total: 1, agreed: 0, failed: 1 });
    expect(s.disputes.agreementRate).toBeCloseTo(2 / 3, 2);
  });

  it('lists: the community view is for community staff and above; bad filters are 400', async () => {
    expect((await get('/v1/disputes?view=community', 'community-admin-demo')).body.items.length).toBeGreaterThanOrEqual(
      3,
    );
    expect((await get('/v1/disputes?view=community&gridId=hz-hp-xh', 'street-admin-demo')).status).toBe(200);
    err(await get('/v1/disputes?view=community', 'worker-demo'), 403);
    err(await get('/v1/disputes?view=community&gridId=hz-hp', 'street-admin-demo'), 400);
    err(await get('/v1/disputes?view=inbox', 'resident-demo'), 403);
    err(await get('/v1/disputes?view=mine&status=nope', 'resident-demo'), 400);
    err(await get('/v1/disputes?view=elsewhere', 'resident-demo'), 400);
  });
});

describe('petitions', () => {
  const base = {
    subject: '小区停车位被长期占用',
    content: '小区内公共停车位被个别业主长期用地锁占用，多次反映未解决',
    channel: 'visit',
    unitId: UNIT,
  };

  it('first visit in the grid → accepted → handled online and offline → one escalation → the community replies → the petitioner is satisfied: settled inside the grid', async () => {
    const before = await stats();
    err(await post('/v1/petitions', 'resident-demo', { ...base, petitioner: { userId: 'resident-demo' } }), 403);
    err(await post('/v1/petitions', 'worker-demo', { ...base, petitioner: {} }), 400);
    const p = ok(
      await post('/v1/petitions', 'worker-demo', { ...base, petitioner: { userId: 'resident-demo' } }),
      Petition,
      201,
    );
    expect(p).toMatchObject({
      status: 'registered',
      level: 'grid',
      source: 'first_visit',
      petitioner: { name: '王丽' },
      escalations: 0,
    });
    expect(Date.parse(p.dueAt!) - Date.parse(p.createdAt)).toBe(7 * 86400_000);
    expect(
      (await get('/v1/petitions?view=inbox', 'worker-demo')).body.items.map((x: { id: string }) => x.id),
    ).toContain(p.id);

    err(
      await post(`/v1/petitions/${p.id}/reply`, 'worker-demo', { reply: '已协调物业拆除地锁，恢复公共车位' }),
      409,
      'INVALID_TRANSITION',
    );
    ok(await post(`/v1/petitions/${p.id}/accept`, 'worker-demo'), Petition);
    err(await post(`/v1/petitions/${p.id}/progress`, 'worker-demo', { channel: 'online' }), 400);
    ok(
      await post(`/v1/petitions/${p.id}/progress`, 'worker-demo', {
        channel: 'online',
        note: '微信视频与占位业主沟通',
      }),
      Petition,
    );
    ok(
      await post(`/v1/petitions/${p.id}/progress`, 'worker-demo', {
        channel: 'offline',
        note: '入户走访占位业主，对方不同意拆除',
      }),
      Petition,
    );
    const up = ok(await post(`/v1/petitions/${p.id}/escalate`, 'worker-demo', { note: '需社区协调物业' }), Petition);
    expect(up).toMatchObject({ level: 'community', escalations: 1, status: 'handling' });
    expect(Date.parse(up.dueAt!) - Date.parse(up.updatedAt)).toBe(15 * 86400_000);
    err(await post(`/v1/petitions/${p.id}/reply`, 'worker-demo', { reply: '已协调物业拆除地锁，恢复公共车位' }), 403);
    const replied = ok(
      await post(`/v1/petitions/${p.id}/reply`, 'community-admin-demo', {
        reply: '社区协调物业拆除地锁，恢复公共车位并张贴公示',
        channel: 'offline',
      }),
      Petition,
    );
    expect(replied).toMatchObject({ status: 'replied', dueAt: null, reply: { level: 'community' } });

    err(await post(`/v1/petitions/${p.id}/rating`, 'resident-elder', { stars: 5 }), 404);
    err(await post(`/v1/petitions/${p.id}/rating`, 'resident-demo', { stars: 0 }), 400);
    const rated = ok(
      await post(`/v1/petitions/${p.id}/rating`, 'resident-demo', { stars: 5, comment: '车位恢复了' }),
      Petition,
    );
    expect(rated).toMatchObject({ status: 'closed', rating: { stars: 5, recordedBy: { id: 'resident-demo' } } });
    const detail = ok(await get(`/v1/petitions/${p.id}`, 'street-admin-demo'), Petition);
    expect(detail.timeline?.map((e) => [e.action, e.channel ?? ''])).toEqual([
      ['register', ''],
      ['accept', ''],
      ['progress', 'online'],
      ['progress', 'offline'],
      ['escalate', ''],
      ['reply', 'offline'],
      ['rate', ''],
    ]);

    const after = await stats();
    expect(after.petitions.firstVisitConcluded - before.petitions.firstVisitConcluded).toBe(1);
    expect(after.petitions.firstVisitSettledInGrid - before.petitions.firstVisitSettledInGrid).toBe(1);
    expect(after.petitions.settledByLevel.community - before.petitions.settledByLevel.community).toBe(1);
    expect(after.petitions.handlingOnline - before.petitions.handlingOnline).toBe(1);
    expect(after.petitions.escalated - before.petitions.escalated).toBe(1);
    expect(after.petitions.firstVisitSettledInGridRate).not.toBeNull();
  });

  it('forwarded from the street: the grid tries first; staff record an offline petitioner\'s rating; unsatisfied is not "settled"', async () => {
    const p = ok(
      await post('/v1/petitions', 'street-admin-demo', {
        ...base,
        channel: 'letter',
        petitioner: { name: '周大海', contact: '13655556666' },
      }),
      Petition,
      201,
    );
    expect(p).toMatchObject({ source: 'street_forwarded', level: 'grid' });
    expect(
      (await get('/v1/petitions?view=inbox', 'worker-demo')).body.items.map((x: { id: string }) => x.id),
    ).toContain(p.id);
    await post(`/v1/petitions/${p.id}/accept`, 'worker-demo');
    await post(`/v1/petitions/${p.id}/reply`, 'worker-demo', { reply: '经核实，该车位属业主产权车位，不属公共车位' });
    const rated = ok(
      await post(`/v1/petitions/${p.id}/rating`, 'worker-demo', { stars: 2, comment: '不认可' }),
      Petition,
    );
    expect(rated.timeline).toBeUndefined();
    const detail = ok(await get(`/v1/petitions/${p.id}`, 'worker-demo'), Petition);
    expect(detail.timeline?.at(-1)?.note).toContain('工作人员代为记录');
    const s = await stats();
    expect(s.petitions.forwarded).toBeGreaterThanOrEqual(1);
    expect(s.petitions.satisfiedRate).toBeLessThan(1);
  });

  it('key cases: leaders flag them with a responsible leader and plan; every read is audited; the petitioner never sees the label', async () => {
    const p = ok(
      await post('/v1/petitions', 'worker-demo', {
        ...base,
        subject: '拆迁补偿长期未落实',
        petitioner: { userId: 'resident-demo' },
      }),
      Petition,
      201,
    );
    const key = {
      kind: 'backlog',
      leaderName: '郑伟',
      leaderId: 'street-admin-demo',
      plan: '每周约谈一次，协调区征收办出具书面答复',
    };
    err(await post(`/v1/petitions/${p.id}/key`, 'worker-demo', key), 403);
    err(await post(`/v1/petitions/${p.id}/key`, 'leader-demo', { ...key, plan: '' }), 400);
    const before = await stats();
    const flagged = ok(await post(`/v1/petitions/${p.id}/key`, 'leader-demo', key), Petition);
    expect(flagged.keyCase).toMatchObject({ kind: 'backlog', leaderName: '郑伟', plan: key.plan });
    ok(await post(`/v1/petitions/${p.id}/key`, 'community-admin-demo', { ...key, leaderName: '吴敏' }), Petition); // a change of leader: counted once
    expect((await stats()).petitions.keyCases.open - before.petitions.keyCases.open).toBe(1);

    const list = await get('/v1/petitions?view=community&key=true', 'community-admin-demo');
    const row = list.body.items.find((x: { id: string }) => x.id === p.id);
    expect(row).toMatchObject({ petitioner: { name: '王*', masked: true }, keyCase: { leaderName: '吴敏' } });
    expect(row.keyCase.plan).toBeUndefined();
    expect(row.content).toBeUndefined();
    expect(
      (await get('/v1/petitions?view=community&key=false', 'community-admin-demo')).body.items.map(
        (x: { id: string }) => x.id,
      ),
    ).not.toContain(p.id);

    const asPetitioner = ok(await get(`/v1/petitions/${p.id}`, 'resident-demo'), Petition);
    expect(asPetitioner.keyCase).toBeUndefined();
    const ownList = await get('/v1/petitions?view=mine', 'resident-demo');
    expect(ownList.body.items.find((x: { id: string }) => x.id === p.id).keyCase).toBeUndefined();
    await get(`/v1/petitions/${p.id}`, 'street-admin-demo');
    const reads = await get(`/v1/petitions/${p.id}/reads`, 'street-admin-demo');
    const keyReads = reads.body.items
      .filter((a: { action: string }) => a.action === 'keycase.read')
      .map((a: { actorId: string }) => a.actorId);
    expect(keyReads).toEqual(expect.arrayContaining(['resident-demo', 'street-admin-demo']));
    err(await get(`/v1/petitions/${p.id}/reads`, 'worker-demo'), 403);

    await post(`/v1/petitions/${p.id}/accept`, 'worker-demo');
    await post(`/v1/petitions/${p.id}/reply`, 'worker-demo', { reply: '征收办已出具书面答复，补偿款本月发放' });
    await post(`/v1/petitions/${p.id}/rating`, 'resident-demo', { stars: 4 });
    const after = await stats();
    expect(after.petitions.keyCases.open).toBe(before.petitions.keyCases.open);
    expect(after.petitions.keyCases.closed - before.petitions.keyCases.closed).toBe(1);
  });

  it('by proxy: a grid worker with witnessed consent; an agent only with a live proxy task for the petitioner', async () => {
    const consent = { given: true, method: 'witnessed_signature', note: '本人签字，网格员见证' };
    err(
      await post('/v1/petitions', 'worker-demo', {
        ...base,
        petitioner: { userId: 'resident-elder' },
        byProxy: { consent: { given: false, method: 'in_app' } },
      }),
      400,
    );
    const p = ok(
      await post('/v1/petitions', 'worker-demo', {
        ...base,
        petitioner: { userId: 'resident-elder' },
        byProxy: { consent },
      }),
      Petition,
      201,
    );
    expect(p.proxy).toMatchObject({ id: 'worker-demo', consent: { method: 'witnessed_signature' } });
    expect(
      (await get('/v1/petitions?view=mine', 'resident-elder')).body.items.map((x: { id: string }) => x.id),
    ).toContain(p.id);
    err(
      await post('/v1/petitions', 'street-admin-demo', {
        ...base,
        petitioner: { userId: 'resident-elder' },
        byProxy: { consent },
      }),
      400,
    );

    err(await post('/v1/petitions', 'agent-demo', { ...base, petitioner: { userId: 'resident-elder' } }), 400);
    err(
      await post('/v1/petitions', 'agent-demo', {
        ...base,
        petitioner: { userId: 'resident-elder' },
        byProxy: { consent },
      }),
      403,
    );
    const task = await post('/v1/proxy-tasks', 'resident-elder', {
      recipientId: 'resident-elder',
      kind: 'errand',
      description: '代为反映小区车位问题',
      consent: { given: true, method: 'in_app' },
    });
    expect(task.status).toBe(201);
    expect((await post(`/v1/proxy-tasks/${task.body.id}/claim`, 'agent-demo')).status).toBe(200);
    const viaAgent = ok(
      await post('/v1/petitions', 'agent-demo', {
        ...base,
        petitioner: { userId: 'resident-elder' },
        byProxy: { consent: { given: true, method: 'in_app' }, proxyTaskId: task.body.id },
      }),
      Petition,
      201,
    );
    expect(viaAgent.proxy).toMatchObject({ id: 'agent-demo', proxyTaskId: task.body.id });
    const asAgent = ok(await get(`/v1/petitions/${viaAgent.id}`, 'agent-demo'), Petition);
    expect(asAgent.petitioner).toMatchObject({ name: '刘淑珍', masked: true });
    expect((await get('/v1/petitions?view=mine', 'agent-demo')).body.items.map((x: { id: string }) => x.id)).toContain(
      viaAgent.id,
    );
    err(await get(`/v1/petitions/${viaAgent.id}`, 'office-demo'), 404);
    expect((await stats()).petitions.byProxy).toBeGreaterThanOrEqual(2);
  });

  it('deadline sweep: an overdue petition goes up one level with a new deadline', async () => {
    const p = ok(
      await post('/v1/petitions', 'worker-demo', {
        ...base,
        subject: '楼道堆放杂物无人清理',
        petitioner: { name: '马春华' },
      }),
      Petition,
      201,
    );
    const later = new Date(Date.now() + 8 * 86400_000).toISOString();
    expect(await petitionSweep(later)).toBeGreaterThanOrEqual(1);
    const moved = ok(await get(`/v1/petitions/${p.id}`, 'community-admin-demo'), Petition);
    expect(moved).toMatchObject({ level: 'community', overdue: true, escalations: 1 });
    expect(moved.timeline?.at(-1)).toMatchObject({ action: 'autoEscalate', actorId: 'system' });
    expect((await stats()).petitions.overdue).toBeGreaterThanOrEqual(1);
    expect(await petitionSweep(later)).toBe(0); // nothing due any more at the new deadline
  });
});
