import { SignJWT } from 'jose';
import { ErrorBody } from '@gridlink/shared/common';
import { Grid } from '@gridlink/shared/grid';
import { LoginResult, Me } from '@gridlink/shared/me';
import { routes } from '../src/routes';
import { bindVerified, startApi, type Api } from './harness';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.stop());

const expectError = (res: { status: number; body: unknown }, status: number, code?: string) => {
  expect(res.status).toBe(status);
  const parsed = ErrorBody.parse(res.body);
  if (code) expect(parsed.error.code).toBe(code);
  expect(parsed.error.message).toMatch(/[\u4e00-\u9fa5]/);
  return parsed;
};

describe('system', () => {
  it('answers health', async () => {
    const res = await api.call('GET', '/v1/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves an OpenAPI document covering every route', async () => {
    const res = await api.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    for (const r of routes) expect(res.body.paths[r.path][r.method.toLowerCase()].operationId).toBe(r.id);
  });

  it('answers unknown routes 404 and wrong methods 405 in the error shape', async () => {
    expectError(await api.call('GET', '/v1/nowhere'), 404, 'NOT_FOUND');
    expectError(await api.call('DELETE', '/v1/me'), 405, 'METHOD_NOT_ALLOWED');
  });
});

describe('sign-in', () => {
  it('dev-login returns a token and the seeded profile', async () => {
    const res = await api.call('POST', '/v1/auth/dev-login', { body: { userId: 'worker-demo' } });
    expect(res.status).toBe(200);
    const login = LoginResult.parse(res.body);
    expect(login.user).toMatchObject({ id: 'worker-demo', role: 'grid_worker', gridIds: ['hz-hp-xh-c1-a1-b1'] });
  });

  it('dev-login refuses unknown users and bad bodies', async () => {
    expectError(await api.call('POST', '/v1/auth/dev-login', { body: { userId: 'nobody' } }), 404);
    const bad = expectError(
      await api.call('POST', '/v1/auth/dev-login', { body: { userId: 'a b' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.error.details?.[0].path).toBe('userId');
    expectError(
      await api.call('POST', '/v1/auth/dev-login', {
        raw: '{"userId":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    expectError(
      await api.call('POST', '/v1/auth/dev-login', {
        raw: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    expectError(
      await api.call('POST', '/v1/auth/dev-login', {
        raw: 'x'.repeat(70 * 1024),
        headers: { 'content-type': 'application/json' },
      }),
      413,
    );
  });

  it('every seeded user of the contract can sign in', async () => {
    for (const id of [
      'resident-demo',
      'resident-elder',
      'worker-demo',
      'leader-demo',
      'agent-demo',
      'agent-demo-2',
      'community-admin-demo',
      'street-admin-demo',
      'district-admin-demo',
      'office-demo',
      'dept-demo',
    ]) {
      const me = await api.call('GET', '/v1/me', { token: await api.login(id) });
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(id);
    }
  });

  it('WeChat login creates a resident on first login and finds them again; no session key leaves', async () => {
    const first = await api.call('POST', '/v1/auth/wechat', { body: { code: 'dev-newcomer' } });
    expect(first.status).toBe(200);
    expect(first.body.user.role).toBe('resident');
    const again = await api.call('POST', '/v1/auth/wechat', { body: { code: 'dev-newcomer' } });
    expect(again.body.user.id).toBe(first.body.user.id);
    expect(JSON.stringify(first.body)).not.toMatch(/session_?key/i);
    expectError(await api.call('POST', '/v1/auth/wechat', { body: { code: 'bad-code' } }), 401);
  });

  it('two first logins racing create one user', async () => {
    const [a, b] = await Promise.all([
      api.call('POST', '/v1/auth/wechat', { body: { code: 'dev-racer' } }),
      api.call('POST', '/v1/auth/wechat', { body: { code: 'dev-racer' } }),
    ]);
    expect(a.body.user.id).toBe(b.body.user.id);
  });

  it('refuses missing, forged and expired tokens with 401', async () => {
    expectError(await api.call('GET', '/v1/me'), 401, 'UNAUTHORIZED');
    expectError(await api.call('GET', '/v1/me', { token: 'not-a-real-token-at-all' }), 401);
    const forged = await new SignJWT({ role: 'district_admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('district-admin-demo')
      .setIssuer('gridlink')
      .setAudience('gridlink-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('guessed-secret'));
    expectError(await api.call('GET', '/v1/me', { token: forged }), 401);
    const expired = await new SignJWT({ role: 'resident' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('resident-demo')
      .setIssuer('gridlink')
      .setAudience('gridlink-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode('gridlink-local-token_secret'));
    expectError(await api.call('GET', '/v1/me', { token: expired }), 401);
  });
});

describe('the grid', () => {
  it('reads a grid with its path, names and staff', async () => {
    const token = await api.login('resident-demo');
    const res = await api.call('GET', '/v1/grids/hz-hp-xh-c1-a1-b1', { token });
    expect(res.status).toBe(200);
    const grid = Grid.parse(res.body);
    expect(grid.level).toBe('building');
    expect(grid.path).toEqual(['hz', 'hz-hp', 'hz-hp-xh', 'hz-hp-xh-c1', 'hz-hp-xh-c1-a1', 'hz-hp-xh-c1-a1-b1']);
    expect(grid.pathNames[0]).toBe('海州区');
    expect(grid.staff.map((s) => s.userId)).toContain('worker-demo');
  });

  it('walks the five levels down from the district with cursor pagination', async () => {
    const token = await api.login('resident-demo');
    const levels: string[] = [];
    let id = 'hz';
    for (;;) {
      const res = await api.call('GET', `/v1/grids/${id}/children`, { token });
      if (!res.body.items.length) break;
      const next = res.body.items.find((g: Grid) => g.id.startsWith('hz-hp')) ?? res.body.items[0];
      levels.push(next.level);
      id = next.id;
    }
    expect(levels).toEqual(['street', 'community', 'compound', 'area', 'building', 'unit']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await api.call('GET', `/v1/grids/hz/children?limit=1${q}`, { token });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((g: Grid) => g.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['hz-hp', 'hz-xs', 'hz-zq']);
  });

  it('refuses a tampered cursor, bad limits and unknown grids', async () => {
    const token = await api.login('resident-demo');
    expectError(await api.call('GET', '/v1/grids/hz/children?cursor=abc.def', { token }), 400);
    expectError(await api.call('GET', '/v1/grids/hz/children?limit=1000', { token }), 400);
    expectError(await api.call('GET', '/v1/grids/nowhere', { token }), 404);
    expectError(await api.call('GET', '/v1/grids/nowhere/children', { token }), 404);
  });
});

describe('me and unit binding', () => {
  it('a resident binds to a unit and sees it on /v1/me; the change is version-checked', async () => {
    const token = await api.login('resident-demo');
    const res = await bindVerified(api, token, 'hz-hp-xh-c2-a1-b1-u1');
    expect(res.status).toBe(200);
    const me = Me.parse((await api.call('GET', '/v1/me', { token })).body);
    expect(me.unitId).toBe('hz-hp-xh-c2-a1-b1-u1');
    expect(me.unitPath?.map((p) => p.name)).toEqual([
      '海州区',
      '和平街道',
      '新华社区',
      '和谐家园',
      '东片区',
      '1号楼',
      '一单元',
    ]);
    expect(me.unitVerified).toBe(true);
    await bindVerified(api, token, 'hz-hp-xh-c1-a1-b1-u1');
  });

  it('refuses binding to a non-unit, an unknown unit, and staff binding', async () => {
    const token = await api.login('resident-elder');
    expectError(await api.call('PUT', '/v1/me/unit', { token, body: { unitId: 'hz-hp-xh' } }), 400);
    expectError(await api.call('PUT', '/v1/me/unit', { token, body: { unitId: 'hz-nowhere' } }), 404);
    expectError(await api.call('PUT', '/v1/me/unit', { token, body: {} }), 400);
    expectError(
      await api.call('PUT', '/v1/me/unit', {
        token: await api.login('worker-demo'),
        body: { unitId: 'hz-hp-xh-c1-a1-b1-u1' },
      }),
      403,
    );
  });

  it('staff see their grids; residents their unit', async () => {
    const me = (await api.call('GET', '/v1/me', { token: await api.login('street-admin-demo') })).body;
    expect(me).toMatchObject({ role: 'street_admin', gridIds: ['hz-hp'] });
    const elder = (await api.call('GET', '/v1/me', { token: await api.login('resident-elder') })).body;
    expect(elder.unitId).toBe('hz-hp-xh-c1-a1-b1-u2');
  });
});
