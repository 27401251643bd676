import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../../api/endpoints';
import * as proxy from '../../../api/proxy';
import { ELDER, claimedBy, task } from '../../__fixtures__/tasks';
import RequestedPage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/proxy');
const ep = jest.mocked(endpoints);
const px = jest.mocked(proxy);

beforeEach(() => signedIn());

it('what I asked for and what is done for me, with progress', async () => {
  ep.getMe.mockResolvedValue(ELDER);
  px.listProxyTasks.mockResolvedValue({
    items: [
      task({ id: 'MINE', requesterId: 'resident-elder' }),
      claimedBy('agent-demo', '陈红', { id: 'FORME', status: 'in_progress' }),
    ],
    nextCursor: 'c2',
  });
  render(<RequestedPage />);
  expect((await screen.findByTestId('task-MINE')).textContent).toContain('我提出的');
  expect(screen.getByTestId('task-FORME').textContent).toContain('为我代办');
  expect(screen.getByTestId('task-FORME').textContent).toContain('代办员 陈红');
  expect(px.listProxyTasks).toHaveBeenCalledWith('requested', null);
  px.listProxyTasks.mockResolvedValueOnce({ items: [task({ id: 'OLD' })], nextCursor: null });
  fireEvent.click(screen.getByTestId('list-more'));
  expect(await screen.findByTestId('task-OLD')).toBeTruthy();
  expect(px.listProxyTasks).toHaveBeenLastCalledWith('requested', 'c2');
  fireEvent.click(screen.getByTestId('task-open-FORME'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-proxy/pages/task/index?id=FORME' });
});

it('empty: 还没有代办记录, and 申请代办', async () => {
  ep.getMe.mockResolvedValue(ELDER);
  px.listProxyTasks.mockResolvedValue({ items: [], nextCursor: null });
  render(<RequestedPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toBe('还没有代办记录');
  fireEvent.click(await screen.findByTestId('requested-new'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-proxy/pages/request/index' });
});
