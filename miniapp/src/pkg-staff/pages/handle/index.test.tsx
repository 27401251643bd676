import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../../api/endpoints';
import * as requests from '../../../api/requests';
import { ApiError } from '../../../api/client';
import { worker } from '../../../../test/fixtures';
import { CATEGORIES, request } from '../../../../test/request-fixtures';
import HandlePage, { allowedActions, departmentsOf } from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/requests');
const ep = jest.mocked(endpoints);
const rq = jest.mocked(requests);

beforeEach(() => {
  signedIn({ id: 'r1' });
  ep.getMe.mockResolvedValue(worker());
  rq.listCategories.mockResolvedValue({ items: CATEGORIES });
});

const tap = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

test('the actions follow the workflow table and the role', () => {
  expect(allowedActions({ status: 'submitted', level: 'grid' }, 'grid_worker')).toEqual([
    'accept',
    'reject',
    'escalate',
  ]);
  expect(allowedActions({ status: 'accepted', level: 'grid' }, 'grid_worker')).toEqual(['resolve', 'escalate']);
  expect(allowedActions({ status: 'accepted', level: 'community' }, 'community_admin')).toEqual([
    'dispatch',
    'resolve',
    'escalate',
  ]);
  expect(allowedActions({ status: 'accepted', level: 'district' }, 'district_admin')).toEqual(['dispatch', 'resolve']);
  // 回访 moves are made on 回访, not here
  expect(allowedActions({ status: 'closed', level: 'grid' }, 'grid_leader')).toEqual([]);
  // 社区吹哨、部门报到: 报到 / 退回 first; 办结 and 申请延期 once signed; one extension; the community answers it
  expect(allowedActions({ status: 'dispatched', level: 'community' }, 'department')).toEqual(['sign', 'deptReturn']);
  const signed = { status: 'dispatched', level: 'community', signedAt: '2026-12-02T01:00:00Z' } as const;
  expect(allowedActions(signed, 'department')).toEqual(['resolve', 'deptReturn', 'requestExtension']);
  const pending = { dueAt: '2026-12-09T01:00:00Z', reason: '需采购', at: '2026-12-02T02:00:00Z' };
  expect(allowedActions({ ...signed, extension: { ...pending, status: 'pending' } }, 'department')).toEqual([
    'resolve',
    'deptReturn',
  ]);
  expect(allowedActions({ ...signed, extension: { ...pending, status: 'pending' } }, 'community_admin')).toEqual([
    'resolve',
    'approveExtension',
    'refuseExtension',
  ]);
  expect(allowedActions({ ...signed, extension: { ...pending, status: 'approved' } }, 'community_admin')).toEqual([
    'resolve',
  ]);
  expect(allowedActions({ status: 'accepted', level: 'community' }, 'department')).toEqual([]);
  expect(allowedActions({ status: 'resolved', level: 'grid' }, 'grid_leader')).toEqual([]);
  expect(allowedActions({ status: 'submitted', level: 'grid' }, 'resident')).toEqual([]);
  expect(departmentsOf(CATEGORIES)).toEqual([
    { id: 'dept-housing', name: '区住房和城乡建设局' },
    { id: 'dept-urban', name: '区城市管理综合行政执法局' },
  ]);
});

test('a grid worker accepts with a note, then resolves', async () => {
  rq.getRequest
    .mockResolvedValueOnce(request({ version: 1 }))
    .mockResolvedValueOnce(request({ status: 'accepted', version: 2 }))
    .mockResolvedValueOnce(request({ status: 'resolved', version: 3, dueAt: null }));
  rq.actOnRequest.mockResolvedValue(request());
  render(<HandlePage />);
  expect((await screen.findByTestId('request-status')).textContent).toBe('已提交');
  expect(screen.getByText('报事人')).toBeTruthy();
  expect(screen.getByTestId('act-accept')).toBeTruthy();
  expect(screen.getByTestId('act-reject')).toBeTruthy();
  expect(screen.queryByTestId('act-dispatch')).toBeNull();

  await tap('act-accept');
  fireEvent.change(screen.getByTestId('act-note'), { target: { value: '明天上门查看' } });
  await tap('act-confirm');
  expect(rq.actOnRequest).toHaveBeenCalledWith('r1', 'accept', { version: 1, note: '明天上门查看' });
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已受理', icon: 'success' });
  expect(screen.getByTestId('request-status').textContent).toBe('已受理');

  await tap('act-resolve');
  await tap('act-confirm');
  expect(rq.actOnRequest).toHaveBeenLastCalledWith('r1', 'resolve', { version: 2 });
  expect(screen.getByTestId('handle-none').textContent).toBe('已办结，等待居民评价');
});

test('不予受理 needs a reason', async () => {
  rq.getRequest.mockResolvedValue(request());
  render(<HandlePage />);
  await screen.findByTestId('act-reject');
  await tap('act-reject');
  await tap('act-confirm');
  expect(screen.getByTestId('act-error').textContent).toBe('请填写不予受理的原因');
  expect(rq.actOnRequest).not.toHaveBeenCalled();
  fireEvent.change(screen.getByTestId('act-note'), { target: { value: '属于私人住宅内部问题' } });
  await tap('act-confirm');
  expect(rq.actOnRequest).toHaveBeenCalledWith('r1', 'reject', { version: 1, note: '属于私人住宅内部问题' });
  await tap('act-reject');
  await tap('act-cancel');
  expect(screen.queryByTestId('act-form')).toBeNull();
});

test("转办 offers the categories' departments, the category's own first chosen", async () => {
  ep.getMe.mockResolvedValue(worker({ id: 'community-admin-demo', role: 'community_admin', gridIds: ['xs'] }));
  rq.getRequest.mockResolvedValue(request({ status: 'accepted', level: 'community', version: 4 }));
  rq.actOnRequest.mockResolvedValue(request());
  render(<HandlePage />);
  await screen.findByTestId('act-dispatch');
  await tap('act-dispatch');
  expect(screen.getByTestId('dept-dept-housing').getAttribute('aria-checked')).toBe('true');
  await tap('dept-dept-urban');
  await tap('act-confirm');
  expect(rq.actOnRequest).toHaveBeenCalledWith('r1', 'dispatch', { version: 4, departmentId: 'dept-urban' });
});

test('a department signs for (报到) what was dispatched to it, then must resolve with a result and a photo', async () => {
  ep.getMe.mockResolvedValue(worker({ id: 'dept-demo', role: 'department', gridIds: ['hz'] }));
  const dispatched = request({
    status: 'dispatched',
    departmentId: 'dept-housing',
    signDueAt: '2026-12-02T03:00:00Z',
  });
  rq.getRequest
    .mockResolvedValueOnce(dispatched)
    .mockResolvedValue({ ...dispatched, version: 4, signedAt: '2026-12-02T02:00:00Z' });
  rq.deptMove.mockResolvedValue(dispatched);
  render(<HandlePage />);
  expect((await screen.findByTestId('request-department')).textContent).toBe('区住房和城乡建设局');
  expect(screen.getByTestId('dept-sign-due').textContent).toContain('报到时限');
  expect(screen.queryByTestId('act-resolve')).toBeNull();
  expect(screen.queryByTestId('act-escalate')).toBeNull();
  await tap('act-sign');
  await tap('act-confirm');
  expect(rq.deptMove).toHaveBeenCalledWith(dispatched.id, 'sign', { version: dispatched.version });
  expect((await screen.findByTestId('dept-signed')).textContent).toContain('已报到');
  await tap('act-resolve');
  await tap('act-confirm');
  expect(screen.getByTestId('act-error').textContent).toBe('部门办结需填写办理结果并上传至少一张照片');
  expect(rq.actOnRequest).not.toHaveBeenCalled();
});

test('a lost race (409) reloads the request as it is now', async () => {
  rq.getRequest.mockResolvedValueOnce(request()).mockResolvedValueOnce(request({ status: 'accepted', version: 2 }));
  rq.actOnRequest.mockRejectedValue(new ApiError(409, 'VERSION_CONFLICT', '数据已被他人修改，请刷新后重试'));
  render(<HandlePage />);
  await screen.findByTestId('act-accept');
  await tap('act-accept');
  await tap('act-confirm');
  expect(rq.getRequest).toHaveBeenCalledTimes(2);
  expect(screen.getByTestId('request-status').textContent).toBe('已受理');
  expect(screen.queryByTestId('act-form')).toBeNull();
});
