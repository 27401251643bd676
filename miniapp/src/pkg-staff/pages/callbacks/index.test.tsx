import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as requests from '../../../api/requests';
import { callback } from '../../../../test/request-fixtures';
import CallbacksPage from './index';
import { signedIn } from '../../../../test/signed-in';
import * as endpoints from '../../../api/endpoints';
import { worker } from '../../../../test/fixtures';

jest.mock('../../../api/requests');
jest.mock('../../../api/endpoints');
const ep = jest.mocked(endpoints);
const rq = jest.mocked(requests);

beforeEach(() => signedIn());

const tap = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

test('lists open call-backs and completes one with 重新办理', async () => {
  rq.listCallbacks
    .mockResolvedValueOnce({ items: [callback()], nextCursor: null })
    .mockResolvedValueOnce({ items: [], nextCursor: null });
  rq.completeCallback.mockResolvedValue(callback({ status: 'done', outcome: 'reopen' }));
  render(<CallbacksPage />);
  const card = await screen.findByTestId('cb-cb1');
  expect(card.textContent).toContain('公共设施损坏');
  expect(card.textContent).toContain('★★☆☆☆ 不满意');
  expect(card.textContent).toContain('回访时限');
  expect(card.textContent).toContain('差评回访');
  expect(rq.listCallbacks).toHaveBeenCalledWith('open', null, { silent: true }, undefined);

  fireEvent.click(screen.getByTestId('cb-view-cb1'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-staff/pages/handle/index?id=r1' });

  await tap('cb-open-cb1');
  await tap('cb-submit');
  expect(screen.getByTestId('cb-error').textContent).toBe('请选择回访结果');
  await tap('cb-outcome-reopen');
  await tap('cb-submit');
  expect(screen.getByTestId('cb-error').textContent).toBe('请填写回访情况');
  fireEvent.change(screen.getByTestId('cb-note'), { target: { value: '电话回访，灯仍不亮' } });
  await tap('cb-submit');
  expect(rq.completeCallback).toHaveBeenCalledWith('cb1', {
    outcome: 'reopen',
    note: '电话回访，灯仍不亮',
    version: 1,
  });
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已转重新办理', icon: 'none' });
  expect(screen.getByTestId('state-empty').textContent).toBe('暂无待回访的诉求');
});

test('已回访 shows the outcome and note', async () => {
  rq.listCallbacks.mockImplementation(async (status) =>
    status === 'done'
      ? { items: [callback({ id: 'cb2', status: 'done', outcome: 'confirmed', note: '居民认可' })], nextCursor: null }
      : { items: [], nextCursor: null },
  );
  render(<CallbacksPage />);
  await screen.findByTestId('state-empty');
  await tap('cb-tab-done');
  expect(screen.getByTestId('cb-result-cb2').textContent).toBe('回访确认：居民认可');
  expect(screen.queryByTestId('cb-open-cb2')).toBeNull();
});

test('a street leader sees the call-backs escalated to the street, with their kind', async () => {
  ep.getMe.mockResolvedValue(worker({ id: 'street-admin-demo', role: 'street_admin', gridIds: ['hz-hp'] }));
  rq.listCallbacks.mockResolvedValue({
    items: [callback({ id: 'cb9', kind: 'low', escalatedAt: '2026-12-03T01:00:00Z', level: 'street' })],
    nextCursor: null,
  });
  render(<CallbacksPage />);
  await waitFor(() => expect(rq.listCallbacks).toHaveBeenLastCalledWith('open', null, { silent: true }, 'escalated'));
  expect((await screen.findByTestId('cb-escalated-cb9')).textContent).toBe('超时未回访，已上报街道');
  expect(screen.getByTestId('cb-kind-cb9').textContent).toBe('差评回访');
});
