import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../../api/endpoints';
import * as requests from '../../../api/requests';
import * as upload from '../../../api/upload';
import { ApiError } from '../../../api/client';
import { pathOf, resident, worker } from '../../../../test/fixtures';
import { CATEGORIES, request } from '../../../../test/request-fixtures';
import type { RequestSuggestion } from '@gridlink/shared/requests';
import ReportPage from './index';
import { signedIn, taro } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/requests');
jest.mock('../../../api/upload');
const ep = jest.mocked(endpoints);
const rq = jest.mocked(requests);
const up = jest.mocked(upload);

beforeEach(() => {
  signedIn();
  ep.getMe.mockResolvedValue(resident({ unitId: 'u1', unitPath: pathOf('u1') }));
  rq.listCategories.mockResolvedValue({ items: CATEGORIES });
  rq.createRequest.mockResolvedValue(request({ id: 'new-1' }));
  up.uploadImage.mockImplementation(async (path) => `uploads/resident-demo/request/${path.replace(/\W/g, '')}.jpg`);
});

const tap = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};
const type = (text: string) => fireEvent.change(screen.getByTestId('report-desc'), { target: { value: text } });

test('reports a problem with photos: category, description, the bound unit, the photo keys and an Idempotency-Key', async () => {
  taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:a', 'blob:b'] });
  render(<ReportPage />);
  expect(screen.getByTestId('state-loading')).toBeTruthy();
  const cat = await screen.findByTestId('cat-facility');
  expect(cat.textContent).toContain('路灯、井盖、楼道灯');
  expect(screen.getByTestId('report-unit').textContent).toBe('西山社区 › 阳光小区 › 一片区 › 1号楼 › 1单元');

  await tap('cat-facility');
  expect(cat.getAttribute('aria-checked')).toBe('true');
  expect(screen.getByTestId('report-route').textContent).toBe('由楼栋网格员受理，48 小时内办理');
  type('  1号楼1单元楼道灯不亮  ');

  await tap('photo-add');
  expect(taro.chooseImage).toHaveBeenCalledWith(expect.objectContaining({ count: 9 }));
  await waitFor(() => expect(up.uploadImage).toHaveBeenCalledTimes(2));
  expect(up.uploadImage).toHaveBeenCalledWith('blob:a', 'request');
  expect(screen.getByTestId('photo-1')).toBeTruthy();
  await tap('photo-remove-0'); // drop the first one
  expect(screen.queryByTestId('photo-1')).toBeNull();

  await tap('report-submit');
  expect(rq.createRequest).toHaveBeenCalledTimes(1);
  const [body, key] = rq.createRequest.mock.calls[0];
  expect(body).toEqual({
    category: 'facility',
    description: '1号楼1单元楼道灯不亮',
    unitId: 'u1',
    attachments: ['uploads/resident-demo/request/blobb.jpg'],
  });
  expect(key).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/request/index?id=new-1' });
});

test('says what is missing before sending anything', async () => {
  render(<ReportPage />);
  await screen.findByTestId('cat-facility');
  await tap('report-submit');
  expect(screen.getByTestId('report-error').textContent).toBe('请选择问题类别');
  await tap('cat-sanitation');
  type('灯坏');
  await tap('report-submit');
  expect(screen.getByTestId('report-error').textContent).toBe('请至少用 5 个字描述问题');
  expect(rq.createRequest).not.toHaveBeenCalled();
});

test('a lost answer is retried with the same Idempotency-Key; changed content gets a new one', async () => {
  rq.createRequest.mockRejectedValueOnce(new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试'));
  rq.createRequest.mockRejectedValueOnce(new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试'));
  render(<ReportPage />);
  await screen.findByTestId('cat-facility');
  await tap('cat-facility');
  type('楼道灯不亮了好几天');
  await tap('report-submit');
  expect(screen.getByTestId('report-error').textContent).toBe('网络连接失败，请检查网络后重试');
  await tap('report-submit');
  expect(rq.createRequest.mock.calls[1][1]).toBe(rq.createRequest.mock.calls[0][1]);
  type('楼道灯不亮了好几天，请尽快');
  await tap('report-submit');
  expect(rq.createRequest.mock.calls[2][1]).not.toBe(rq.createRequest.mock.calls[0][1]);
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/request/index?id=new-1' });
});

test('a failed photo blocks the submit until it is retried or removed', async () => {
  taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:x'] });
  up.uploadImage.mockRejectedValueOnce(new ApiError(0, 'NETWORK_ERROR', '图片上传失败，请检查网络后重试'));
  render(<ReportPage />);
  await screen.findByTestId('cat-facility');
  await tap('cat-facility');
  type('楼道灯不亮了好几天');
  await tap('photo-add');
  expect((await screen.findByTestId('photo-retry-0')).textContent).toBe('上传失败，点按重试');
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '图片上传失败，请检查网络后重试', icon: 'none' });
  await tap('report-submit');
  expect(screen.getByTestId('report-error').textContent).toBe('有照片上传失败，请点按重试或删除');
  await tap('photo-retry-0');
  await waitFor(() => expect(screen.queryByTestId('photo-retry-0')).toBeNull());
  await tap('report-submit');
  expect(rq.createRequest.mock.calls[0][0].attachments).toEqual(['uploads/resident-demo/request/blobx.jpg']);
});

test('nine photos at most: the add button goes away', async () => {
  taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: Array.from({ length: 12 }, (_, i) => `blob:${i}`) });
  render(<ReportPage />);
  await screen.findByTestId('cat-facility');
  await tap('photo-add');
  await waitFor(() => expect(up.uploadImage).toHaveBeenCalledTimes(9));
  expect(screen.getByTestId('photo-8')).toBeTruthy();
  expect(screen.queryByTestId('photo-add')).toBeNull();
});

describe('the same problem is already open in the building (409, details similar)', () => {
  /** the suggestion projection: no description, reporter or unit */
  const similar: RequestSuggestion = {
    id: 'r9',
    category: 'facility',
    categoryName: '公共设施损坏',
    publicSummary: '一楼楼道灯坏了',
    status: 'accepted',
    joinCount: 2,
    createdAt: '2026-01-01T00:00:00.000Z',
    mine: false,
  };
  beforeEach(() => {
    rq.createRequest.mockRejectedValueOnce(
      new ApiError(409, 'CONFLICT', '同楼栋已有相同问题正在办理', [{ path: 'similar', message: 'r9' }]),
    );
    rq.similarRequests.mockResolvedValue({ items: [similar] });
  });

  const fileIt = async () => {
    render(<ReportPage />);
    await screen.findByTestId('cat-facility');
    await tap('cat-facility');
    type('楼道灯不亮了好几天');
    await tap('report-submit');
    expect(rq.similarRequests).toHaveBeenCalledWith('facility', { silent: true });
    expect((await screen.findByTestId('similar-r9')).textContent).toContain('2 位邻居也遇到');
    expect(screen.getByTestId('similar-r9-summary').textContent).toBe('一楼楼道灯坏了');
  };

  test('我也遇到 joins the open one', async () => {
    rq.joinRequest.mockResolvedValue(request({ id: 'r9', status: 'accepted', joinCount: 3 }));
    await fileIt();
    await tap('similar-join-r9');
    expect(rq.joinRequest).toHaveBeenCalledWith('r9');
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/request/index?id=r9' });
    expect(rq.createRequest).toHaveBeenCalledTimes(1);
  });

  test('仍要新建 sends it again with ignoreSimilar and a fresh key', async () => {
    await fileIt();
    await tap('similar-new');
    expect(rq.createRequest).toHaveBeenCalledTimes(2);
    expect(rq.createRequest.mock.calls[1][0]).toMatchObject({ category: 'facility', ignoreSimilar: true });
    expect(rq.createRequest.mock.calls[1][1]).not.toBe(rq.createRequest.mock.calls[0][1]);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/request/index?id=new-1' });
  });

  test('返回修改 goes back to the form as it was', async () => {
    await fileIt();
    await tap('similar-back');
    expect((screen.getByTestId('report-desc') as HTMLTextAreaElement).value).toBe('楼道灯不亮了好几天');
  });
});

test('an unbound resident is sent to bind a unit first', async () => {
  ep.getMe.mockResolvedValue(resident());
  render(<ReportPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toContain('请先绑定您居住的单元');
  await tap('report-bind');
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' });
});

test('staff are pointed to 待办', async () => {
  ep.getMe.mockResolvedValue(worker());
  render(<ReportPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toContain('待办');
  await tap('report-inbox');
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-staff/pages/inbox/index' });
});

test('a failed load shows why, and 重试 loads again', async () => {
  rq.listCategories.mockRejectedValueOnce(new ApiError(503, 'DEPENDENCY_FAILED', '服务暂不可用，请稍后再试'));
  render(<ReportPage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('服务暂不可用');
  await tap('state-retry');
  expect(await screen.findByTestId('cat-facility')).toBeTruthy();
});
