/**
 * Staff administration (实名动态管理, issue 13 item 5): admins add, move, suspend, reactivate and
 * retire the staff of their grids; a leaver's open work moves to the successor with a timeline
 * entry; every change is audited with values masked.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorBody } from '@gridlink/shared/common';
import { StaffAssignment, StaffChange, StaffMember } from '@gridlink/shared/staff';
import { db, table } from '../src/data/client';
import { keys } from '../src/data/keys';
import { scanAll } from './table-scan';
import { requestItem } from '../src/data/requests';
import { bindVerified, startApi, type Api } from './harness';

let api: Api;
const t: Record<string, string> = {};
const B1 = 'hz-hp-xh-c1-a1-b1';
const B2 = 'hz-hp-xh-c1-a1-b2';
beforeAll(async () => {
  api = await startApi();
  for (const u of ['resident-demo', 'worker-demo', 'leader-demo', 'community-admin-demo', 'street-admin-demo'])
    t[u] = await api.login(u);
});
afterAll(async () => api?.stop());

const call = (method: string, path: string, who: string, body?: unknown) =>
  api.call(method, path, { token: t[who] ?? who, body });
const err = (res: { status: number; body: unknown }, status: number, code?: string) => {
  expect(res.status).toBe(status);
  const e = ErrorBody.parse(res.body).error;
  if (code) expect(e.code).toBe(code);
  return e;
};

const audits = async (target: string) =>
  (await scanAll()).filter((i) => i.type === 'audit' && i.target === target && String(i.action).startsWith('staff.'));

const staffIdsOf = async (gridId: string) =>
  ((await db().send(new GetCommand({ TableName: table(), Key: keys.grid(gridId) }))).Item?.staffIds as string[]) ?? [];

async function add(who: string, body: Record<string, unknown>) {
  const res = await call('POST', '/v1/staff', who, body);
  expect(res.status).toBe(201);
  return StaffMember.parse(res.body);
}

describe('who may administer staff', () => {
  it('workers, leaders and residents are refused; admins only within their grids', async () => {
    for (const who of ['worker-demo', 'leader-demo', 'resident-demo'])
      err(await call('GET', `/v1/staff?gridId=${B1}`, who), 403, 'FORBIDDEN');
    err(await call('POST', '/v1/staff', 'worker-demo', { name: '某', phone: '13900000001' }), 403);
    // a community admin of 五龙社区, added by the street admin
    const other = await add('street-admin-demo', {
      name: '钱芳',
      phone: '13911110000',
      role: 'community_admin',
      gridIds: ['hz-hp-wl'],
    });
    t.other = await api.login(other.id);
    err(await call('GET', `/v1/staff?gridId=${B1}`, 'other'), 403, 'FORBIDDEN');
    err(await call('GET', '/v1/staff/worker-demo', 'other'), 403, 'FORBIDDEN');
    err(
      await call('POST', '/v1/staff', 'other', {
        name: '某',
        phone: '13900000002',
        role: 'grid_worker',
        gridIds: [B1],
      }),
      403,
    );
    // a community admin may not create another community admin (only lower roles)
    err(
      await call('POST', '/v1/staff', 'community-admin-demo', {
        name: '某',
        phone: '13900000003',
        role: 'community_admin',
        gridIds: ['hz-hp-xh'],
      }),
      403,
    );
  });

  it('bad input is a 400 in the contract shape; a phone already registered is a 409', async () => {
    const e = err(
      await call('POST', '/v1/staff', 'community-admin-demo', { name: '', phone: '123', role: 'x', gridIds: [] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(e.details?.map((d) => d.path)).toEqual(expect.arrayContaining(['name', 'phone', 'role', 'gridIds']));
    err(
      await call('POST', '/v1/staff', 'community-admin-demo', {
        name: '某',
        phone: '13900000004',
        role: 'grid_worker',
        gridIds: ['no-such-grid'],
      }),
      400,
      'VALIDATION_FAILED',
    );
    const body = { name: '孙丽', phone: '13900000005', role: 'grid_worker', gridIds: [B2], duties: ['informant'] };
    await add('community-admin-demo', body);
    err(await call('POST', '/v1/staff', 'community-admin-demo', body), 409, 'CONFLICT');
    err(await call('PUT', '/v1/staff/worker-demo', 'community-admin-demo', { version: 'one' }), 400);
  });
});

describe('adding, moving, suspending', () => {
  it('a member serving two grids is listed under both, phone masked, and sees both inboxes', async () => {
    const m = await add('community-admin-demo', {
      name: '周敏',
      phone: '13912345678',
      role: 'grid_worker',
      gridIds: [B1, B2],
      duties: ['informant', 'safety'],
    });
    expect(m).toMatchObject({ role: 'grid_worker', phone: '139****5678', status: 'active', version: 1 });
    expect(m.grids.map((g) => g.id)).toEqual([B1, B2]);

    const list = await call('GET', '/v1/staff?gridId=hz-hp-xh&limit=100', 'community-admin-demo');
    expect(list.status).toBe(200);
    const rows = list.body.items.map((r: unknown) => StaffAssignment.parse(r));
    expect(rows.filter((r: StaffAssignment) => r.userId === m.id).map((r: StaffAssignment) => r.gridId)).toEqual([
      B1,
      B2,
    ]);
    expect(rows.map((r: StaffAssignment) => r.userId)).toEqual(expect.arrayContaining(['worker-demo', 'leader-demo']));
    expect(JSON.stringify(list.body)).not.toContain('13912345678');
    // the building's list is the building only
    const b2 = await call('GET', `/v1/staff?gridId=${B2}`, 'community-admin-demo');
    expect(b2.body.items.map((r: StaffAssignment) => r.userId)).not.toContain('worker-demo');

    const audit = await audits(`user:${m.id}`);
    expect(audit.map((a) => a.action)).toEqual(['staff.create']);
    expect(JSON.stringify(audit)).not.toContain('13912345678');

    t.zhou = await api.login(m.id);
    const inbox = await call('GET', '/v1/requests?view=inbox', 'zhou');
    expect(inbox.status).toBe(200);
    err(await call('GET', '/v1/requests?view=inbox&gridId=hz-hp-wl', 'zhou'), 403);
  });

  it('move and duties change at the version read; suspension refuses the token at once; reactivation restores it', async () => {
    const m = await add('community-admin-demo', {
      name: '吴刚',
      phone: '13987654321',
      role: 'grid_worker',
      gridIds: [B2],
    });
    const token = await api.login(m.id);
    const moved = await call('PUT', `/v1/staff/${m.id}`, 'community-admin-demo', {
      version: 1,
      gridIds: [B2, B1],
      duties: ['mediator'],
    });
    expect(moved.status).toBe(200);
    const c = StaffChange.parse(moved.body);
    expect(c.member).toMatchObject({ version: 2, duties: ['mediator'] });
    expect(c.member.grids.map((g) => g.id)).toEqual([B2, B1]);
    err(
      await call('PUT', `/v1/staff/${m.id}`, 'community-admin-demo', { version: 1, duties: [] }),
      409,
      'VERSION_CONFLICT',
    );
    // removing a grid without a successor is refused (its work needs someone)
    err(await call('PUT', `/v1/staff/${m.id}`, 'community-admin-demo', { version: 2, gridIds: [B1] }), 400);

    const s = await call('POST', `/v1/staff/${m.id}/suspend`, 'community-admin-demo', { version: 2 });
    expect(s.status).toBe(200);
    expect(s.body.status).toBe('suspended');
    err(await api.call('GET', '/v1/me', { token }), 401, 'UNAUTHORIZED');
    const listed = await call('GET', `/v1/staff?gridId=${B2}`, 'community-admin-demo');
    expect(listed.body.items.find((r: StaffAssignment) => r.userId === m.id).status).toBe('suspended');
    // a suspended worker no longer routes: out of the grids' staffIds until reactivated
    expect(await staffIdsOf(B2)).not.toContain(m.id);
    expect(await staffIdsOf(B1)).not.toContain(m.id);

    const r = await call('POST', `/v1/staff/${m.id}/reactivate`, 'community-admin-demo', { version: 3 });
    expect(r.body.status).toBe('active');
    expect((await api.call('GET', '/v1/me', { token })).status).toBe(200);
    expect(await staffIdsOf(B2)).toContain(m.id);
    // a role that takes no requests leaves staffIds too, the grids still served
    const admin = await call('PUT', `/v1/staff/${m.id}`, 'community-admin-demo', { version: 4, role: 'office' });
    expect(admin.status).toBe(200);
    expect(await staffIdsOf(B2)).not.toContain(m.id);
    expect(admin.body.member.grids.map((g: { id: string }) => g.id)).toEqual([B2, B1]);
    expect((await audits(`user:${m.id}`)).map((a) => a.action).sort()).toEqual(
      ['staff.create', 'staff.suspend', 'staff.update', 'staff.update', 'staff.update'].sort(),
    );
  });
});

describe('retiring with a successor', () => {
  it("the leaver's open requests move to the successor with a timeline entry; the leaver is refused", async () => {
    const reports = [];
    for (let i = 0; i < 3; i++) {
      const res = await call('POST', '/v1/requests', 'resident-demo', {
        category: 'facility',
        description: `1号楼一单元楼道灯坏了第${i + 1}处，晚上看不见`,
        ignoreSimilar: true,
      });
      expect(res.status).toBe(201);
      reports.push(res.body.id as string);
    }
    // a dispute the leaver is mediating (it waits in the building's inbox)
    const d = await call('POST', '/v1/disputes', 'worker-demo', {
      kind: 'neighbor',
      facts: '楼上卫生间漏水至楼下，双方多次沟通未果',
      unitId: `${B1}-u1`,
      parties: [
        { role: 'applicant', name: '王丽', contact: '13912340000' },
        { role: 'respondent', name: '李强' },
      ],
    });
    expect(d.status).toBe(201);
    const s1 = await call('POST', `/v1/disputes/${d.body.id}/sessions`, 'worker-demo', {
      date: '2026-03-02',
      place: '1号楼网格议事点',
      participants: ['王丽', '赵刚'],
      notes: '双方同意先修缮防水',
      version: 1,
    });
    expect(s1.status).toBe(200);
    const inbox = await call('GET', '/v1/requests?view=inbox&limit=100', 'worker-demo');
    for (const id of reports) expect(inbox.body.items.map((x: { id: string }) => x.id)).toContain(id);

    const successor = await add('community-admin-demo', {
      name: '郑强',
      phone: '13955556666',
      role: 'grid_worker',
      gridIds: [B2],
    });
    const me = await call('GET', '/v1/staff/worker-demo', 'community-admin-demo');
    expect(me.status).toBe(200);
    err(await call('POST', '/v1/staff/worker-demo/retire', 'community-admin-demo', { version: me.body.version }), 400);
    err(
      await call('POST', '/v1/staff/worker-demo/retire', 'community-admin-demo', {
        version: me.body.version,
        successorId: 'resident-demo',
      }),
      404,
    );
    const res = await call('POST', '/v1/staff/worker-demo/retire', 'community-admin-demo', {
      version: me.body.version,
      successorId: successor.id,
    });
    expect(res.status).toBe(200);
    const c = StaffChange.parse(res.body);
    expect(c.member).toMatchObject({ status: 'retired', grids: [] });
    expect(c.handover).toMatchObject({ fromId: 'worker-demo', toId: successor.id, gridIds: [B1], done: true });
    expect(c.handover!.requests).toBeGreaterThanOrEqual(3);
    expect(c.handover!.disputes).toBe(1);

    err(await call('GET', '/v1/me', 'worker-demo'), 401);
    const st = await api.login(successor.id);
    const theirs = await api.call('GET', '/v1/requests?view=inbox&limit=100', { token: st });
    expect(theirs.status).toBe(200);
    for (const id of reports) expect(theirs.body.items.map((x: { id: string }) => x.id)).toContain(id);
    const detail = await api.call('GET', `/v1/requests/${reports[0]}`, { token: st });
    const entries = detail.body.timeline.filter((e: { action: string }) => e.action === 'handover');
    expect(entries).toHaveLength(1);
    expect(entries[0].note).toBe(
      '工作交接：张明 → 郑强'.replace('张明', entries[0].note.split('：')[1].split(' → ')[0]),
    );

    const dispute = await api.call('GET', `/v1/disputes/${d.body.id}`, { token: st });
    expect(dispute.status).toBe(200);
    expect(dispute.body.status).toBe('mediating');
    expect(dispute.body.timeline.filter((e: { action: string }) => e.action === 'handover')).toHaveLength(1);

    // the successor now serves B1 and B2; the leaver is gone from the lists
    const succ = await call('GET', `/v1/staff/${successor.id}`, 'community-admin-demo');
    expect(succ.body.grids.map((g: { id: string }) => g.id).sort()).toEqual([B1, B2].sort());
    const b1 = await call('GET', `/v1/staff?gridId=${B1}`, 'community-admin-demo');
    expect(b1.body.items.map((r: StaffAssignment) => r.userId)).not.toContain('worker-demo');

    const actions = (await audits('user:worker-demo')).map((a) => a.action).sort();
    expect(actions).toEqual(['staff.handover', 'staff.retire']);
    // retiring again: conflict (the hand-over is done)
    err(
      await call('POST', '/v1/staff/worker-demo/retire', 'community-admin-demo', {
        version: c.member.version,
        successorId: successor.id,
      }),
      409,
    );
  });
});

describe('several grids', () => {
  it('the inbox of a member serving two grids is one list over both, newest first, paged without loss', async () => {
    const m = await add('community-admin-demo', {
      name: '冯雪',
      phone: '13933334444',
      role: 'grid_worker',
      gridIds: [B2, B1],
    });
    // a resident of B2 (bound by the unit's QR code) and one of B1 report
    const res = await api.call('POST', '/v1/auth/wechat', { body: { code: 'dev-staff-b2' } });
    const b2resident = res.body.token as string;
    expect((await bindVerified(api, b2resident, `${B2}-u1`)).status).toBe(200);
    const ids: string[] = [];
    for (const [token, text] of [
      [b2resident, '2号楼一单元门禁坏了，进出不便'],
      [t['resident-demo'], '1号楼一单元垃圾桶满了没人清'],
      [b2resident, '2号楼一单元电梯异响，担心安全'],
    ]) {
      const r = await api.call('POST', '/v1/requests', {
        token,
        body: { category: 'facility', description: text, ignoreSimilar: true },
      });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const token = await api.login(m.id);
    const all = await api.call('GET', '/v1/requests?view=inbox&limit=100', { token });
    const listed = all.body.items.map((x: { id: string; createdAt: string }) => x);
    for (const id of ids) expect(listed.map((x: { id: string }) => x.id)).toContain(id);
    const times = listed.map((x: { createdAt: string }) => x.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    // page by page, one at a time: the same items, each once
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const p = await api.call('GET', `/v1/requests?view=inbox&limit=1${q}`, { token });
      expect(p.status).toBe(200);
      paged.push(...p.body.items.map((x: { id: string }) => x.id));
      cursor = p.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(listed.map((x: { id: string }) => x.id));
    // one grid asked for: that grid only; a grid not served (nor below one): refused
    const one = await api.call('GET', `/v1/requests?view=inbox&gridId=${B2}&limit=100`, { token });
    expect(one.body.items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([ids[0], ids[2]]));
    expect(one.body.items.map((x: { id: string }) => x.id)).not.toContain(ids[1]);
    err(await api.call('GET', '/v1/requests?view=inbox&gridId=hz-hp-xh', { token }), 403);
    // 帮扶对象 of both grids: the elder of B1 is listed for a worker of B2 + B1, not for one of B2 alone
    const care = await api.call('GET', '/v1/care-recipients', { token });
    expect(care.status).toBe(200);
    expect(care.body.items.map((c: { id: string }) => c.id)).toContain('resident-elder');
    const onlyB2 = await add('community-admin-demo', {
      name: '何静',
      phone: '13933335555',
      role: 'grid_worker',
      gridIds: [B2],
    });
    const b2care = await api.call('GET', '/v1/care-recipients', { token: await api.login(onlyB2.id) });
    expect(b2care.body.items.map((c: { id: string }) => c.id)).not.toContain('resident-elder');
    // a community admin may read the inbox of a grid below theirs
    const below = await call('GET', `/v1/requests?view=inbox&gridId=${B2}`, 'community-admin-demo');
    expect(below.status).toBe(200);
  });
});

describe('a move that stopped half-way', () => {
  it('is finished when the same call is retried: the work left moves once, the result is the same', async () => {
    const m = await add('community-admin-demo', {
      name: '孙悦',
      phone: '13933337777',
      role: 'grid_worker',
      gridIds: [B2],
    });
    const succ = await add('community-admin-demo', {
      name: '钱坤',
      phone: '13933338888',
      role: 'grid_worker',
      gridIds: [B1],
    });
    const body = { version: 1, gridIds: [B1], successorId: succ.id };
    // the move with its hand-over, then made to look as if the function stopped after the move
    const first = await call('PUT', `/v1/staff/${m.id}`, 'community-admin-demo', body);
    expect(first.status).toBe(200);
    const hId = first.body.handover.id as string;
    const [h] = (await scanAll()).filter((i) => i.type === 'handover' && i.id === hId);
    await db().send(new PutCommand({ TableName: table(), Item: { ...h, done: false } }));
    // work that reached the grid left meanwhile moves with the resumed hand-over
    const b2 = (await api.call('POST', '/v1/auth/wechat', { body: { code: 'dev-staff-b2-resume' } })).body.token;
    expect((await bindVerified(api, b2, `${B2}-u2`)).status).toBe(200);
    const r = await api.call('POST', '/v1/requests', {
      token: b2,
      body: { category: 'facility', description: '2号楼门口井盖松动，晚上危险', ignoreSimilar: true },
    });
    expect(r.status).toBe(201);
    const again = await call('PUT', `/v1/staff/${m.id}`, 'community-admin-demo', body);
    expect(again.status).toBe(200);
    expect(again.body.handover).toMatchObject({ id: hId, done: true, requests: first.body.handover.requests + 1 });
    expect(again.body.member).toMatchObject({ version: 2 });
    // another change at the old version is refused as before, and nothing is pending any more
    err(await call('PUT', `/v1/staff/${m.id}`, 'community-admin-demo', { version: 1, duties: [] }), 409);
    const [done] = (await scanAll()).filter((i) => i.type === 'handover' && i.id === hId);
    expect(done.done).toBe(true);
    const events = (await scanAll()).filter((i) => i.PK === `REQ#${r.body.id}` && i.action === 'handover');
    expect(events).toHaveLength(1);
  });
});

describe('queues of several communities', () => {
  it('an admin serving two communities reviews the agent applications of both, merged newest first', async () => {
    const m = await add('street-admin-demo', {
      name: '吕娜',
      phone: '13933336666',
      role: 'community_admin',
      gridIds: ['hz-hp-xh', 'hz-hp-wl'],
    });
    const wl = (await api.call('POST', '/v1/auth/wechat', { body: { code: 'dev-staff-wl' } })).body.token as string;
    expect((await bindVerified(api, wl, 'hz-hp-wl-c1-a1-b1-u1')).status).toBe(200);
    const reason = '党员，愿意为社区老人服务';
    for (const token of [t['resident-demo'], wl])
      expect(
        (await api.call('POST', '/v1/agents/applications', { token, body: { partyMember: true, reason } })).status,
      ).toBe(201);
    const token = await api.login(m.id);
    const both = await api.call('GET', '/v1/agents/applications?limit=100', { token });
    expect(both.status).toBe(200);
    const ids = both.body.items.map((a: { userId: string }) => a.userId);
    expect(ids.length).toBe(2);
    expect(ids[1]).toBe('resident-demo'); // newest first: 五龙's applicant came second
    // paged one at a time: the same two, each once
    const first = await api.call('GET', '/v1/agents/applications?limit=1', { token });
    const next = encodeURIComponent(first.body.nextCursor);
    const second = await api.call('GET', `/v1/agents/applications?limit=1&cursor=${next}`, { token });
    expect([...first.body.items, ...second.body.items].map((a: { userId: string }) => a.userId)).toEqual(ids);
    // the admin of 新华 alone sees only 新华's
    const xh = await call('GET', '/v1/agents/applications?limit=100', 'community-admin-demo');
    expect(xh.body.items.map((a: { userId: string }) => a.userId)).toEqual(['resident-demo']);
  });
});

describe('a hand-over larger than a page', () => {
  it('moves 30 open requests (two pages, one small transaction each), each with one entry; done ones stay', async () => {
    const B = 'hz-hp-xh-c1-a2-b1';
    const leaver = await add('community-admin-demo', {
      name: '陈涛',
      phone: '13966667777',
      role: 'grid_worker',
      gridIds: [B],
    });
    const next = await add('community-admin-demo', {
      name: '林芳',
      phone: '13966668888',
      role: 'grid_leader',
      gridIds: [B],
    });
    const now = Date.now();
    const base = (i: number, status: 'accepted' | 'closed') => {
      const at = new Date(now - (i + 1) * 60_000).toISOString();
      return requestItem({
        id: `bulk-${String(i).padStart(2, '0')}`,
        status,
        version: 2,
        createdAt: at,
        updatedAt: at,
        category: 'facility',
        categoryName: '公共设施损坏',
        description: '楼道灯坏了，晚上看不见',
        unitId: `${B}-u1`,
        unitName: '幸福小区 二片区 4号楼 一单元',
        gridPath: ['hz', 'hz-hp', 'hz-hp-xh', 'hz-hp-xh-c1', 'hz-hp-xh-c1-a2', B, `${B}-u1`],
        level: 'grid',
        lastLevel: 'grid',
        inbox: B,
        dueAt: null,
        overdue: false,
        reporterId: 'resident-demo',
        reporterName: '王丽',
        attachments: [],
        reopenCount: 0,
        joinCount: 0,
        joinerIds: [],
      });
    };
    for (let i = 0; i < 32; i++)
      await db().send(new PutCommand({ TableName: table(), Item: base(i, i < 30 ? 'accepted' : 'closed') }));
    const res = await call('POST', `/v1/staff/${leaver.id}/retire`, 'community-admin-demo', {
      version: 1,
      successorId: next.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.handover).toMatchObject({ requests: 30, disputes: 0, petitions: 0, done: true });
    const items = (await scanAll()).filter((i) => String(i.PK).startsWith('REQ#bulk-'));
    const entries = items.filter((i) => i.type === 'event' && i.action === 'handover');
    expect(entries).toHaveLength(30);
    expect(new Set(entries.map((e) => e.PK)).size).toBe(30);
    const moved = items.filter((i) => i.type === 'request' && i.version === 3).map((i) => i.id);
    expect(moved).toHaveLength(30);
    expect(moved).not.toContain('bulk-30');

    // an unfinished hand-over (as if the function stopped half-way) is resumed by retiring again:
    // what was moved is skipped (its entry exists), what is left moves, counts add up
    const [h] = (await scanAll()).filter((i) => i.type === 'handover' && i.fromId === leaver.id);
    await db().send(new PutCommand({ TableName: table(), Item: { ...h, done: false } }));
    await db().send(new PutCommand({ TableName: table(), Item: base(40, 'accepted') }));
    const again = await call('POST', `/v1/staff/${leaver.id}/retire`, 'community-admin-demo', {
      version: 1,
      successorId: next.id,
    });
    expect(again.status).toBe(200);
    expect(again.body.handover).toMatchObject({ id: h.id, requests: 31, done: true });
    const after = (await scanAll()).filter((i) => i.type === 'event' && i.action === 'handover');
    expect(after.filter((e) => String(e.PK).startsWith('REQ#bulk-'))).toHaveLength(31);
    err(
      await call('POST', `/v1/staff/${leaver.id}/retire`, 'community-admin-demo', { version: 1, successorId: next.id }),
      409,
    );
  });
});
