import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as requests from '../../../api/requests';
import { request } from '../../../../test/request-fixtures';
import InboxPage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/requests');
const rq = jest.mocked(requests);

beforeEach(() => signedIn());

test('lists the inbox, filters by status tab and pages on', async () => {
  rq.listRequests.mockImplementation(async (q) =>
    q.status === 'submitted'
      ? q.cursor
        ? { items: [request({ id: 's2' })], nextCursor: null }
        : { items: [request({ id: 's1', reporterName: '王丽' })], nextCursor: 'more' }
      : { items: [request({ id: 'a1', status: 'accepted' }), request({ id: 's1' })], nextCursor: null },
  );
  render(<InboxPage />);
  expect((await screen.findByTestId('request-a1')).textContent).toContain('已受理');
  expect(rq.listRequests).toHaveBeenCalledWith({ view: 'inbox', status: '', cursor: null }, { silent: true });
  expect(screen.getByTestId('inbox-tab-all').getAttribute('aria-selected')).toBe('true');

  await act(async () => {
    fireEvent.click(screen.getByTestId('inbox-tab-submitted'));
  });
  expect(rq.listRequests).toHaveBeenLastCalledWith(
    { view: 'inbox', status: 'submitted', cursor: null },
    { silent: true },
  );
  expect(screen.queryByTestId('request-a1')).toBeNull();
  expect(screen.getByTestId('request-s1').textContent).toContain('王丽'); // staff see who reported it
  await act(async () => {
    fireEvent.click(screen.getByTestId('list-more'));
  });
  expect(rq.listRequests).toHaveBeenLastCalledWith(
    { view: 'inbox', status: 'submitted', cursor: 'more' },
    { silent: true },
  );
  expect(screen.getByTestId('request-s2')).toBeTruthy();

  fireEvent.click(screen.getByTestId('request-s1'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-staff/pages/handle/index?id=s1' });
});

test('an empty tab says so', async () => {
  rq.listRequests.mockResolvedValue({ items: [], nextCursor: null });
  render(<InboxPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toBe('暂无待办诉求');
  await act(async () => {
    fireEvent.click(screen.getByTestId('inbox-tab-dispatched'));
  });
  expect(screen.getByTestId('state-empty').textContent).toBe('没有“已转办”的诉求');
});
