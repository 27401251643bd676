import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as requests from '../../../api/requests';
import MessagesPage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/requests');
const rq = jest.mocked(requests);

const msg = (id: string, page: string) => ({
  id,
  title: '公共设施损坏：已受理',
  body: '受理：明天上门查看',
  page,
  at: '2024-03-01T02:00:00.000Z',
});

beforeEach(() => signedIn());

test('lists messages; a tap opens the page they point to', async () => {
  rq.listMessages
    .mockResolvedValueOnce({
      items: [msg('m2', '/pkg-resident/pages/request/index?id=r1'), msg('m1', '/pages/services/index')],
      nextCursor: 'c',
    })
    .mockResolvedValueOnce({ items: [msg('m0', 'https://example.com')], nextCursor: null });
  render(<MessagesPage />);
  const m2 = await screen.findByTestId('message-m2');
  expect(m2.textContent).toContain('公共设施损坏：已受理');
  expect(m2.textContent).toContain('2024-03-01 10:00');
  fireEvent.click(m2);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/request/index?id=r1' });
  fireEvent.click(screen.getByTestId('message-m1'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/services/index' });

  await act(async () => {
    fireEvent.click(screen.getByTestId('list-more'));
  });
  expect(rq.listMessages).toHaveBeenLastCalledWith('c', { silent: true });
  fireEvent.click(screen.getByTestId('message-m0')); // not one of our pages: nothing happens
  expect(Taro.navigateTo).toHaveBeenCalledTimes(1);
});

test('no messages: 暂无消息', async () => {
  rq.listMessages.mockResolvedValue({ items: [], nextCursor: null });
  render(<MessagesPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toBe('暂无消息');
});
