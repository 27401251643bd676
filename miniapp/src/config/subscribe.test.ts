import type TaroType from '@tarojs/taro';

const ENV = { ...process.env };
afterEach(() => {
  process.env = { ...ENV };
  jest.clearAllMocks();
});

/** subscribe.ts reads the ids when it loads (Taro inlines them at build time): load it afresh, with its Taro */
function load(env: Record<string, string>) {
  Object.assign(process.env, env);
  let mod!: typeof import('./subscribe') & { ask: jest.Mock };
  jest.isolateModules(() => {
    const taro = (require('@tarojs/taro') as { default: typeof TaroType }).default;
    mod = {
      ...(require('./subscribe') as typeof import('./subscribe')),
      ask: taro.requestSubscribeMessage as unknown as jest.Mock,
    };
  });
  return mod;
}

const IDS = {
  TARO_APP_TPL_REQUEST_STATUS: 'tpl-request',
  TARO_APP_TPL_CALLBACK: 'tpl-callback',
  TARO_APP_TPL_APPLICATION_STATUS: 'tpl-application',
  TARO_APP_TPL_PROXY_TASK: 'tpl-proxy',
  TARO_APP_TPL_CASE_STATUS: 'tpl-case',
};

it('takes the template ids from the build configuration', () => {
  const { SUBSCRIBE_TEMPLATES } = load(IDS);
  expect(SUBSCRIBE_TEMPLATES).toEqual({
    requestStatus: 'tpl-request',
    callback: 'tpl-callback',
    applicationStatus: 'tpl-application',
    proxyTask: 'tpl-proxy',
    caseStatus: 'tpl-case',
  });
});

it('asks in weapp for the templates of what is submitted', async () => {
  const { askSubscribe, SUBSCRIBE_ON, ask } = load({ ...IDS, TARO_ENV: 'weapp' });
  await askSubscribe(SUBSCRIBE_ON.request);
  await askSubscribe(SUBSCRIBE_ON.application);
  await askSubscribe(SUBSCRIBE_ON.proxyTask);
  expect(ask.mock.calls.map((c) => c[0].tmplIds)).toEqual([
    ['tpl-request', 'tpl-callback'],
    ['tpl-application'],
    ['tpl-proxy'],
  ]);
});

it('ignores a refusal, a thrown error and missing ids; asks nothing on h5', async () => {
  let mod = load({ ...IDS, TARO_ENV: 'weapp' });
  const mock = mod.ask;
  mock.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel', errCode: 20004 });
  await expect(mod.askSubscribe(['requestStatus'])).resolves.toBeUndefined();
  mock.mockImplementationOnce(() => {
    throw new Error('not supported');
  });
  await expect(mod.askSubscribe(['requestStatus'])).resolves.toBeUndefined();
  expect(mock).toHaveBeenCalledTimes(2);

  mod = load({ TARO_ENV: 'weapp', TARO_APP_TPL_REQUEST_STATUS: '', TARO_APP_TPL_CALLBACK: '' });
  await mod.askSubscribe(mod.SUBSCRIBE_ON.request);
  expect(mod.ask).not.toHaveBeenCalled();
  mod = load({ ...IDS, TARO_ENV: 'h5' });
  await mod.askSubscribe(mod.SUBSCRIBE_ON.request);
  expect(mod.ask).not.toHaveBeenCalled();
});
