/**
 * List cursors are signed with a key derived from the token signing key (auth/secrets.ts): never
 * a constant from the repository, and no cursor at all where that key is not configured.
 */
const saved = { ...process.env };
const KEY = { PK: 'GRID#hz', SK: 'CHILD#hz-hp' };

beforeEach(() => {
  jest.resetModules();
  delete process.env.TOKEN_SECRET_ARN;
  delete process.env.TOKEN_SECRET;
  delete process.env.CURSOR_SECRET;
});
afterAll(() => {
  process.env = saved;
});

const load = () => import('./cursor');

describe('list cursors', () => {
  it('round-trip within their list and refuse tampering or another list', async () => {
    process.env.STAGE = 'test';
    const { decodeCursor, encodeCursor } = await load();
    const cursor = (await encodeCursor('table|GRID#hz|', KEY))!;
    await expect(decodeCursor('table|GRID#hz|', cursor)).resolves.toEqual(KEY);
    await expect(encodeCursor('table|GRID#hz|', undefined)).resolves.toBeNull();
    await expect(decodeCursor('table|GRID#hz|', undefined)).resolves.toBeUndefined();
    const [payload, mac] = cursor.split('.');
    const other = Buffer.from(JSON.stringify({ ...KEY, PK: 'GRID#hz-hp' })).toString('base64url');
    for (const bad of [`${other}.${mac}`, `${payload}.${mac.slice(1)}x`, `${payload}.${'é'.repeat(22)}`, payload])
      await expect(decodeCursor('table|GRID#hz|', bad)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(decodeCursor('table|GRID#hz-hp|', cursor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('are signed with the token key: another key, another signature', async () => {
    process.env.STAGE = 'prod';
    process.env.TOKEN_SECRET = 'first-deployment-key';
    const first = (await (await load()).encodeCursor('s', KEY))!;
    jest.resetModules();
    process.env.TOKEN_SECRET = 'second-deployment-key';
    const second = await load();
    const again = (await second.encodeCursor('s', KEY))!;
    expect(again.split('.')[0]).toBe(first.split('.')[0]);
    expect(again).not.toBe(first);
    await expect(second.decodeCursor('s', first)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('fail closed (503) outside local/test when no key is configured', async () => {
    process.env.STAGE = 'prod';
    process.env.CURSOR_SECRET = 'an-env-var-is-not-enough';
    const { decodeCursor, encodeCursor } = await load();
    await expect(encodeCursor('s', KEY)).rejects.toMatchObject({ code: 'DEPENDENCY_FAILED' });
    await expect(decodeCursor('s', 'abc.defghijklmnopqrstuvwxy')).rejects.toMatchObject({ code: 'DEPENDENCY_FAILED' });
  });
});
