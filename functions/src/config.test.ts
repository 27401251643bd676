/** An unset or unknown STAGE is production: no dev-login route, no development keys, no demo Open311 key. */
export {};
const saved = { ...process.env };
beforeEach(() => {
  jest.resetModules();
  delete process.env.TOKEN_SECRET;
  delete process.env.TOKEN_SECRET_ARN;
});
afterAll(() => {
  process.env = saved;
});

describe('STAGE fails closed', () => {
  it.each([undefined, '', 'Local', 'staging'])('STAGE=%p is treated as prod', async (stage) => {
    if (stage === undefined) delete process.env.STAGE;
    else process.env.STAGE = stage;
    const { config } = await import('./config');
    expect(config.stage).toBe('prod');
    expect(config.isLocal).toBe(false);
    const { secret } = await import('./auth/secrets');
    await expect(secret('TOKEN_SECRET')).rejects.toMatchObject({ code: 'DEPENDENCY_FAILED' });
  });

  it('the local stages keep their development key', async () => {
    process.env.STAGE = 'local';
    const { secret } = await import('./auth/secrets');
    await expect(secret('TOKEN_SECRET')).resolves.toMatch(/^gridlink-local-/);
  });
});
