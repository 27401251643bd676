/**
 * Issue 12, the low findings: prototype keys as ids, cursors from elsewhere, the per-IP sign-in
 * limit, upload keys built only by the server, and an unset STAGE failing closed. Through the API.
 */
import { startApi, uploadTo, withRateLimits, type Api } from '../harness';

let api: Api;
const t: Record<string, string> = {};
beforeAll(async () => {
  api = await startApi();
  for (const u of ['resident-demo', 'resident-elder', 'worker-demo', 'leader-demo', 'community-admin-demo'])
    t[u] = await api.login(u);
});
afterAll(async () => api?.stop());

const post = (path: string, who: string, body: unknown = {}) => api.call('POST', path, { token: t[who], body });
const get = (path: string, who: string) => api.call('GET', path, { token: t[who] });
const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

async function acceptedRequest() {
  const r = await post('/v1/requests', 'resident-demo', {
    category: 'facility',
    description: '楼道灯不亮已经一周了',
    ignoreSimilar: true,
  });
  expect(r.status).toBe(201);
  const a = await post(`/v1/requests/${r.body.id}/accept`, 'worker-demo', { version: 1 });
  expect(a.status).toBe(200);
  return a.body as { id: string; version: number };
}

describe('prototype keys as ids', () => {
  it.each(PROTO_KEYS)('dispatch to department %s is a 400 and leaves the request where it was', async (dept) => {
    const r = await acceptedRequest();
    const res = await post(`/v1/requests/${r.id}/dispatch`, 'leader-demo', { departmentId: dept, version: r.version });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'departmentId' }] });
    const after = await get(`/v1/requests/${r.id}`, 'leader-demo');
    expect(after.body).toMatchObject({ status: 'accepted', version: r.version });
    expect(after.body.departmentId).toBeUndefined();
  });

  it.each(PROTO_KEYS)('an Open311 api_key %s is refused with the Open311 error shape', async (key) => {
    const res = await api.call('POST', '/open311/v2/requests.json', {
      body: {
        api_key: key,
        service_code: 'noise',
        description: '夜间施工噪音扰民',
        address_id: 'hz-hp-xh-c1-a1-b1-u1',
      },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body[0]).toMatchObject({ code: res.status, description: expect.any(String) });
  });
});

describe('cursors', () => {
  it('forged, truncated, from another partition or another user: 400 VALIDATION_FAILED', async () => {
    // two cursors of the same list for two users, one of another list
    for (let i = 0; i < 2; i++) {
      await post('/v1/requests', 'resident-demo', {
        category: 'noise',
        description: `游标测试诉求 ${i}`,
        ignoreSimilar: true,
      });
      await post('/v1/requests', 'resident-elder', {
        category: 'noise',
        description: `游标测试诉求 ${i}`,
        ignoreSimilar: true,
      });
    }
    const mine = (await get('/v1/requests?view=mine&limit=1', 'resident-demo')).body.nextCursor as string;
    const theirs = (await get('/v1/requests?view=mine&limit=1', 'resident-elder')).body.nextCursor as string;
    const grid = (await get('/v1/grids/hz-hp/children?limit=1', 'resident-demo')).body.nextCursor as string;
    expect([mine, theirs, grid].every((c) => typeof c === 'string' && c.includes('.'))).toBe(true);
    const ok = await get(`/v1/requests?view=mine&limit=1&cursor=${encodeURIComponent(mine)}`, 'resident-demo');
    expect(ok.status).toBe(200);
    const [payload, mac] = mine.split('.');
    const forged = [
      theirs, // another user's list
      grid, // another partition
      mine.slice(0, -1),
      mine.slice(0, mine.length >> 1),
      payload,
      `${payload}.`,
      `.${mac}`,
      `${Buffer.from(JSON.stringify({ PK: 'USER#resident-elder', SK: 'X' })).toString('base64url')}.${mac}`,
      `${payload}.${'A'.repeat(22)}`,
      `${payload}.${mac}.${mac}`,
      ...PROTO_KEYS,
      '..',
      '%2e%2e',
      '网格'.repeat(50),
      'x'.repeat(3000),
    ];
    for (const [i, cursor] of forged.entries()) {
      const res = await get(`/v1/requests?view=mine&limit=1&cursor=${encodeURIComponent(cursor)}`, 'resident-demo');
      expect({ i, status: res.status, code: res.body.error?.code }).toEqual({
        i,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });
});

describe('sign-in limit', () => {
  it('counts per IP whatever bearer token comes along', async () => {
    await withRateLimits(async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push((await api.call('POST', '/v1/auth/wechat', { body: { code: `dev-ip-${i}` } })).status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      for (const who of ['resident-demo', 'worker-demo']) {
        const res = await api.call('POST', '/v1/auth/wechat', { token: t[who], body: { code: `dev-ip-${who}` } });
        expect(res.status).toBe(429);
        expect(res.body.error.code).toBe('RATE_LIMITED');
      }
    });
  });
});

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

describe('upload keys', () => {
  it('only the exact server-built key of the caller passes: no `..`, no extra segments', async () => {
    const ticket = await post('/v1/uploads', 'resident-elder', {
      purpose: 'request',
      contentType: 'image/png',
      size: 68,
    });
    expect(ticket.status).toBe(201);
    expect(ticket.body.key).toMatch(/^uploads\/resident-elder\/request\/[0-9A-Z]{26}\.png$/);
    expect((await uploadTo(ticket.body, PNG)).status).toBe(204);
    const theirs = ticket.body.key as string;
    const rest = theirs.slice('uploads/resident-elder/'.length);
    const tricks = [
      theirs,
      `uploads/resident-demo/../resident-elder/${rest}`,
      `uploads/resident-demo/%2e%2e/resident-elder/${rest}`,
      `uploads/resident-demo/./../resident-elder/${rest}`,
      `uploads/resident-demo//../resident-elder/${rest}`,
      `uploads/resident-demo/request/../../resident-elder/${rest}`,
      `uploads/resident-demo-x/${rest}`,
      `uploads/resident-demo/${rest}/../../../resident-elder/${rest}`,
    ];
    for (const key of tricks) {
      const res = await post('/v1/requests', 'resident-demo', {
        category: 'facility',
        description: '附件路径穿越的测试诉求',
        ignoreSimilar: true,
        attachments: [key],
      });
      expect({ key, status: res.status, code: res.body.error?.code }).toEqual({
        key,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });
});

describe('presigned POST and sniffing', () => {
  it('the ticket is a presigned POST bound to the key, the type and ≤ 5 MB', async () => {
    const ticket = await post('/v1/uploads', 'resident-demo', {
      purpose: 'request',
      contentType: 'image/jpeg',
      size: 9,
    });
    expect(ticket.status).toBe(201);
    expect(ticket.body).toMatchObject({ method: 'POST', maxBytes: 5 * 1024 * 1024, url: expect.any(String) });
    const { fields } = ticket.body;
    expect(fields).toMatchObject({ key: ticket.body.key, 'Content-Type': 'image/jpeg' });
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['eq', '$Content-Type', 'image/jpeg'],
        ['content-length-range', 1, 5 * 1024 * 1024],
        { key: ticket.body.key },
      ]),
    );
  });

  it.each([
    ['text', Buffer.from('hello, not a photo at all')],
    ['html', Buffer.from('<html><script>alert(1)</script></html>')],
    ['pdf', Buffer.from('%PDF-1.7 fake')],
    ['a PNG declared as JPEG', PNG],
  ])('%s uploaded with an image name and type is refused with a 400', async (_name, bytes) => {
    const ticket = await post('/v1/uploads', 'resident-demo', {
      purpose: 'request',
      contentType: 'image/jpeg',
      size: bytes.length,
    });
    expect((await uploadTo(ticket.body, bytes, 'image/jpeg')).status).toBe(204);
    const res = await post('/v1/requests', 'resident-demo', {
      category: 'facility',
      description: '附件内容不是图片的诉求',
      ignoreSimilar: true,
      attachments: [ticket.body.key],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      details: [{ path: 'attachments.0', message: '文件内容不是有效的图片' }],
    });
  });

  it('a real image of the declared type is attached', async () => {
    const ticket = await post('/v1/uploads', 'resident-demo', {
      purpose: 'request',
      contentType: 'image/png',
      size: 68,
    });
    expect((await uploadTo(ticket.body, PNG)).status).toBe(204);
    const res = await post('/v1/requests', 'resident-demo', {
      category: 'facility',
      description: '附件是真图片的诉求',
      ignoreSimilar: true,
      attachments: [ticket.body.key],
    });
    expect(res.status).toBe(201);
  });
});

describe('an unset STAGE fails closed', () => {
  it('serves no dev-login', async () => {
    const stage = process.env.STAGE;
    delete process.env.STAGE;
    try {
      const res = await api.call('POST', '/v1/auth/dev-login', { body: { userId: 'resident-demo' } });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    } finally {
      process.env.STAGE = stage;
    }
    expect((await api.call('POST', '/v1/auth/dev-login', { body: { userId: 'resident-demo' } })).status).toBe(200);
  });
});

describe('CORS', () => {
  const ALLOWED = 'https://h5.gridlink.example.cn';
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.ALLOWED_ORIGINS;
    process.env.ALLOWED_ORIGINS = `${ALLOWED},https://admin.gridlink.example.cn`;
  });
  afterAll(() => {
    process.env.ALLOWED_ORIGINS = saved;
  });
  const from = (origin: string | undefined, path = '/v1/me', token = t['resident-demo']) =>
    api.call('GET', path, { token, headers: origin ? { origin } : {} });

  it('echoes an allowed Origin only, on answers and errors alike; never *', async () => {
    for (const path of ['/v1/me', '/v1/requests/nope', '/v1/health']) {
      const ok = await from(ALLOWED, path);
      expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(ok.headers.get('vary')).toMatch(/origin/i);
    }
    for (const origin of ['https://evil.example', 'null', `${ALLOWED}.evil.example`, undefined]) {
      const res = await from(origin);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    const unauth = await from('https://evil.example', '/v1/me', '');
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a `*` in the configuration allows nothing', async () => {
    process.env.ALLOWED_ORIGINS = '*';
    try {
      expect((await from('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      const pre = await fetch(`${api.url}/v1/me`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
      expect(pre.headers.get('access-control-allow-origin') ?? '').not.toBe('*');
    } finally {
      process.env.ALLOWED_ORIGINS = `${ALLOWED},https://admin.gridlink.example.cn`;
    }
  });
});
