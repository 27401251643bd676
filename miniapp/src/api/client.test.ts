import Taro from '@tarojs/taro';
import { ApiError, api, apiBase, toApiError } from './client';
import { getToken, setToken } from './session';

const request = Taro.request as unknown as jest.Mock;
const reply = (statusCode: number, data: unknown) => request.mockResolvedValueOnce({ statusCode, data, header: {} });
const FUTURE = new Date(Date.now() + 3600_000).toISOString();

beforeEach(() => {
  jest.clearAllMocks();
  (Taro as unknown as { __reset(): void }).__reset();
  delete window.__GRIDLINK_API_BASE__;
});

describe('toApiError', () => {
  it('maps the contract error body', () => {
    const body = {
      error: { code: 'VALIDATION_FAILED', message: '提交内容有误', details: [{ path: 'unitId', message: '必填' }] },
    };
    const err = toApiError(400, body);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '提交内容有误' });
    expect(err.details).toEqual([{ path: 'unitId', message: '必填' }]);
  });

  it('parses a JSON string body and falls back to a Chinese message for anything else', () => {
    expect(toApiError(409, '{"error":{"code":"CONFLICT","message":"已被他人处理"}}')).toMatchObject({
      code: 'CONFLICT',
      message: '已被他人处理',
    });
    expect(toApiError(502, '<html>bad gateway</html>')).toMatchObject({ code: 'UNKNOWN', message: '服务出错（502）' });
    expect(toApiError(401, undefined)).toMatchObject({ code: 'UNAUTHORIZED', message: '登录已失效，请重新登录' });
  });
});

describe('request', () => {
  it('uses window.__GRIDLINK_API_BASE__ in h5, else the default', () => {
    expect(apiBase()).toBe('http://127.0.0.1:3000');
    window.__GRIDLINK_API_BASE__ = 'http://10.0.0.5:4000/';
    expect(apiBase()).toBe('http://10.0.0.5:4000');
  });

  it('sends JSON with the bearer token and an Idempotency-Key', async () => {
    setToken('tok-1', FUTURE);
    reply(201, { id: 'r1' });
    const out = await api.post('/v1/requests', { category: 'noise' }, { idempotencyKey: 'k-1' });
    expect(out).toEqual({ id: 'r1' });
    const opts = request.mock.calls[0][0];
    expect(opts).toMatchObject({
      url: 'http://127.0.0.1:3000/v1/requests',
      method: 'POST',
      data: '{"category":"noise"}',
    });
    expect(opts.header).toMatchObject({
      Authorization: 'Bearer tok-1',
      'Content-Type': 'application/json',
      'Idempotency-Key': 'k-1',
    });
  });

  it('adds the query string, skipping empty values', async () => {
    reply(200, { items: [], nextCursor: null });
    await api.get('/v1/grids/hz/children', { query: { limit: 20, cursor: null } });
    expect(request.mock.calls[0][0].url).toBe('http://127.0.0.1:3000/v1/grids/hz/children?limit=20');
    expect(request.mock.calls[0][0].header.Authorization).toBeUndefined();
  });

  it('throws ApiError on non-2xx and toasts its Chinese message', async () => {
    reply(403, { error: { code: 'FORBIDDEN', message: '只有居民可以绑定单元' } });
    await expect(api.put('/v1/me/unit', { unitId: 'u1' })).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '只有居民可以绑定单元' }));
  });

  it('stays quiet when asked to', async () => {
    reply(404, { error: { code: 'NOT_FOUND', message: '未找到' } });
    await expect(api.get('/v1/services', { silent: true })).rejects.toBeInstanceOf(ApiError);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('on 401 clears the token and goes to sign-in, remembering the page', async () => {
    setToken('old', FUTURE);
    (Taro.getCurrentPages as jest.Mock).mockReturnValueOnce([{ route: 'pages/bind/index', options: { unitId: 'u1' } }]);
    reply(401, { error: { code: 'UNAUTHORIZED', message: '请先登录' } });
    await expect(api.get('/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(getToken()).toBe('');
    expect(Taro.reLaunch).toHaveBeenCalledWith({
      url: `/pages/login/index?redirect=${encodeURIComponent('/pages/bind/index?unitId=u1')}`,
    });
  });

  it('turns a network failure into NETWORK_ERROR', async () => {
    request.mockRejectedValueOnce(new Error('request:fail'));
    await expect(api.get('/v1/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }));
  });

  it('forgets an expired token', () => {
    setToken('stale', new Date(Date.now() - 1000).toISOString());
    expect(getToken()).toBe('');
  });
});
