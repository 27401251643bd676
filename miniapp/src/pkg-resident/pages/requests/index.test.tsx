import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as requests from '../../../api/requests';
import { ApiError } from '../../../api/client';
import { request } from '../../../../test/request-fixtures';
import MyRequestsPage from './index';
import { signedIn, taro } from '../../../../test/signed-in';

jest.mock('../../../api/requests');
const rq = jest.mocked(requests);

beforeEach(() => signedIn());

test('lists my requests with status tags and due times, page by page', async () => {
  rq.listRequests
    .mockResolvedValueOnce({
      items: [
        request({ id: 'r2', status: 'accepted', overdue: true, dueAt: '2024-03-03T01:00:00.000Z' }),
        request({ id: 'r1', status: 'closed', dueAt: null }),
      ],
      nextCursor: 'c2',
    })
    .mockResolvedValueOnce({ items: [request({ id: 'r0', status: 'resolved', dueAt: null })], nextCursor: null });
  render(<MyRequestsPage />);
  const open = await screen.findByTestId('request-r2');
  expect(open.textContent).toContain('已受理');
  expect(open.textContent).toContain('办理时限 2024-03-03 09:00');
  expect(open.textContent).toContain('已超期');
  expect(screen.getByTestId('request-r1').textContent).toContain('已结案');
  expect(screen.getByTestId('request-r1').textContent).not.toContain('办理时限');
  expect(rq.listRequests).toHaveBeenCalledWith({ view: 'mine', cursor: null }, { silent: true });

  await act(async () => {
    fireEvent.click(screen.getByTestId('list-more'));
  });
  expect(rq.listRequests).toHaveBeenLastCalledWith({ view: 'mine', cursor: 'c2' }, { silent: true });
  expect(screen.getByTestId('request-r0').textContent).toContain('已办结待评价');
  expect(screen.queryByTestId('list-more')).toBeNull();

  fireEvent.click(screen.getByTestId('request-r2'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/request/index?id=r2' });
});

test('nothing yet: an empty state and 我要报事', async () => {
  rq.listRequests.mockResolvedValue({ items: [], nextCursor: null });
  render(<MyRequestsPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toContain('您还没有提交过诉求');
  fireEvent.click(screen.getByTestId('requests-report'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/report/index' });
});

test('an error can be retried', async () => {
  rq.listRequests.mockRejectedValueOnce(new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试'));
  rq.listRequests.mockResolvedValueOnce({ items: [request()], nextCursor: null });
  render(<MyRequestsPage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('网络连接失败');
  await act(async () => {
    fireEvent.click(screen.getByTestId('state-retry'));
  });
  expect(screen.getByTestId('request-r1')).toBeTruthy();
});

test('signed out: off to sign in', () => {
  taro.__reset();
  render(<MyRequestsPage />);
  expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  expect(rq.listRequests).not.toHaveBeenCalled();
});
