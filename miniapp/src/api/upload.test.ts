import Taro from '@tarojs/taro';
import { ApiError } from './client';
import { setToken } from './session';
import { MAX_IMAGE_BYTES, uploadImage } from './upload';

const taro = Taro as unknown as Record<string, jest.Mock> & { __reset(): void };
const request = Taro.request as unknown as jest.Mock;
const TICKET = {
  key: 'uploads/resident-demo/request/abc.jpg',
  url: 'http://s3.local/bucket',
  method: 'POST',
  fields: {
    'Content-Type': 'image/jpeg',
    bucket: 'bucket',
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    key: 'uploads/resident-demo/request/abc.jpg',
    Policy: 'eyJjb25kaXRpb25zIjpbXX0=',
    'X-Amz-Signature': 'abc',
  },
  headers: {},
  maxBytes: 5 * 1024 * 1024,
  expiresAt: '2099-01-01T00:00:00Z',
};
const uploadFile = Taro.uploadFile as unknown as jest.Mock;

const fetchMock = jest.fn();
const realFetch = global.fetch;

beforeEach(() => {
  jest.clearAllMocks();
  taro.__reset();
  setToken('tok', new Date(Date.now() + 3600_000).toISOString());
  global.fetch = fetchMock as unknown as typeof fetch;
  process.env.TARO_ENV = 'h5';
});

afterAll(() => {
  global.fetch = realFetch;
  process.env.TARO_ENV = 'h5';
});

describe('h5', () => {
  const blob = (type: string, size: number) =>
    size > 1024 * 1024 ? ({ type, size } as Blob) : new Blob([new Uint8Array(size)], { type });

  it('reads the blob, asks for a ticket and POSTs the policy fields, then the file last', async () => {
    const file = blob('image/jpeg', 2048);
    fetchMock.mockResolvedValueOnce({ blob: async () => file }).mockResolvedValueOnce({ status: 204 });
    request.mockResolvedValueOnce({ statusCode: 201, data: TICKET, header: {} });

    await expect(uploadImage('blob:http://x/1', 'request')).resolves.toBe(TICKET.key);

    expect(fetchMock).toHaveBeenNthCalledWith(1, 'blob:http://x/1');
    const ask = request.mock.calls[0][0];
    expect(ask.url).toBe('http://127.0.0.1:3000/v1/uploads');
    expect(ask.method).toBe('POST');
    expect(JSON.parse(ask.data)).toEqual({ purpose: 'request', contentType: 'image/jpeg', size: 2048 });
    const [url, init] = fetchMock.mock.calls[1];
    expect(url).toBe(TICKET.url);
    expect(init.method).toBe('POST');
    const form = init.body as FormData;
    expect([...form.keys()]).toEqual([...Object.keys(TICKET.fields), 'file']);
    expect(form.get('Policy')).toBe(TICKET.fields.Policy);
    expect((form.get('file') as Blob).size).toBe(2048);
  });

  it('refuses other types and big files before asking the API', async () => {
    fetchMock.mockResolvedValueOnce({ blob: async () => blob('image/gif', 10) });
    await expect(uploadImage('blob:gif', 'application')).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: '仅支持 JPG、PNG、WebP 图片',
    });
    fetchMock.mockResolvedValueOnce({ blob: async () => blob('image/png', MAX_IMAGE_BYTES + 1) });
    await expect(uploadImage('blob:big', 'proxy')).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '图片不能超过 5 MB',
    });
    expect(request).not.toHaveBeenCalled();
  });

  it('a refused POST (policy: type, size, expiry) is an ApiError with a Chinese message', async () => {
    fetchMock
      .mockResolvedValueOnce({ blob: async () => blob('image/webp', 99) })
      .mockResolvedValueOnce({ status: 403 });
    request.mockResolvedValueOnce({ statusCode: 201, data: TICKET, header: {} });
    const err = await uploadImage('blob:w', 'request').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 403, message: '图片上传失败，请重试' });
  });

  it('the API refusing the ticket passes its error on, without a toast', async () => {
    fetchMock.mockResolvedValueOnce({ blob: async () => blob('image/jpeg', 10) });
    request.mockResolvedValueOnce({
      statusCode: 429,
      data: { error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' } },
      header: {},
    });
    await expect(uploadImage('blob:j', 'request')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});

describe('weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('reads the file for its size, takes the type from getImageInfo and posts it with uploadFile', async () => {
    const bytes = new ArrayBuffer(4096);
    taro.getImageInfo.mockResolvedValueOnce({ type: 'png', width: 10, height: 10 });
    const readFile = jest.fn((o: { filePath: string; success: (r: { data: ArrayBuffer }) => void }) =>
      o.success({ data: bytes }),
    );
    taro.getFileSystemManager.mockReturnValue({ readFile });
    request.mockResolvedValueOnce({
      statusCode: 201,
      data: { ...TICKET, fields: { ...TICKET.fields, 'Content-Type': 'image/png' } },
      header: {},
    });
    uploadFile.mockResolvedValueOnce({ statusCode: 204, data: '' });

    await expect(uploadImage('wxfile://tmp/a.png', 'application')).resolves.toBe(TICKET.key);

    expect(readFile.mock.calls[0][0].filePath).toBe('wxfile://tmp/a.png');
    expect(JSON.parse(request.mock.calls[0][0].data)).toEqual({
      purpose: 'application',
      contentType: 'image/png',
      size: 4096,
    });
    expect(request).toHaveBeenCalledTimes(1);
    expect(uploadFile.mock.calls[0][0]).toMatchObject({
      url: TICKET.url,
      filePath: 'wxfile://tmp/a.png',
      name: 'file',
      formData: { ...TICKET.fields, 'Content-Type': 'image/png' },
    });
  });

  it('falls back to the extension when getImageInfo says nothing useful; a failed read is explained', async () => {
    taro.getImageInfo.mockResolvedValueOnce({ type: 'unknown', width: 1, height: 1 });
    taro.getFileSystemManager.mockReturnValue({
      readFile: (o: { success: (r: { data: ArrayBuffer }) => void }) => o.success({ data: new ArrayBuffer(8) }),
    });
    request.mockResolvedValueOnce({ statusCode: 201, data: TICKET, header: {} });
    uploadFile.mockResolvedValueOnce({ statusCode: 204, data: '' });
    await uploadImage('wxfile://tmp/b.JPG', 'request');
    expect(JSON.parse(request.mock.calls[0][0].data).contentType).toBe('image/jpeg');

    taro.getFileSystemManager.mockReturnValue({
      readFile: (o: { fail: (e: unknown) => void }) => o.fail({ errMsg: 'no such file' }),
    });
    await expect(uploadImage('wxfile://gone.jpg', 'request')).rejects.toMatchObject({
      message: '读取图片失败，请重新选择',
    });
  });
});
