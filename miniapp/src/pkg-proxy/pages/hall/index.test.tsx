import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../../api/endpoints';
import * as proxy from '../../../api/proxy';
import { ApiError } from '../../../api/client';
import { AGENT, RESIDENT, claimedBy, task } from '../../__fixtures__/tasks';
import HallPage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/proxy');
const ep = jest.mocked(endpoints);
const px = jest.mocked(proxy);

beforeEach(() => signedIn());

it('lists the open tasks of the community with masked recipients; 认领 opens the task', async () => {
  ep.getMe.mockResolvedValue(AGENT);
  px.listProxyTasks.mockResolvedValue({
    items: [
      task({ id: 'T1' }),
      task({ id: 'T2', kind: 'errand', serviceCode: undefined, serviceName: undefined, description: '代买降压药' }),
    ],
    nextCursor: null,
  });
  render(<HallPage />);
  const card = await screen.findByTestId('task-T1');
  expect(px.listProxyTasks).toHaveBeenCalledWith('hall', null);
  expect(card.textContent).toContain('为 刘*');
  expect(card.textContent).toContain('代办事项 · 老年助餐服务登记');
  expect(screen.getByTestId('task-T2').textContent).toContain('代办跑腿');

  px.moveProxyTask.mockResolvedValueOnce(claimedBy('agent-demo', '陈红', { id: 'T1' }));
  fireEvent.click(screen.getAllByTestId('action-claim')[0]);
  await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-proxy/pages/task/index?id=T1' }));
  expect(px.moveProxyTask).toHaveBeenCalledWith('T1', 'claim', {});
});

it('a claim lost to another agent: 任务已被其他代办员认领, and the hall reloads', async () => {
  ep.getMe.mockResolvedValue(AGENT);
  px.listProxyTasks.mockResolvedValueOnce({ items: [task({ id: 'T1' })], nextCursor: null });
  px.listProxyTasks.mockResolvedValueOnce({ items: [], nextCursor: null });
  px.moveProxyTask.mockRejectedValueOnce(new ApiError(409, 'CONFLICT', '任务已被其他代办员认领'));
  render(<HallPage />);
  fireEvent.click(await screen.findByTestId('action-claim'));
  await waitFor(() =>
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '任务已被其他代办员认领' })),
  );
  expect((await screen.findByTestId('state-empty')).textContent).toBe('暂时没有待认领的代办任务');
  expect(Taro.navigateTo).not.toHaveBeenCalled();
});

it('an error shows its message and 重试', async () => {
  ep.getMe.mockResolvedValue(AGENT);
  px.listProxyTasks.mockRejectedValueOnce(new ApiError(503, 'DEPENDENCY_FAILED', '服务暂不可用，请稍后再试'));
  px.listProxyTasks.mockResolvedValueOnce({ items: [task()], nextCursor: null });
  render(<HallPage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('服务暂不可用');
  fireEvent.click(screen.getByTestId('state-retry'));
  expect(await screen.findByTestId('task-T1')).toBeTruthy();
});

it('not an agent: no list, an invitation to apply instead', async () => {
  ep.getMe.mockResolvedValue(RESIDENT);
  render(<HallPage />);
  expect((await screen.findByTestId('hall-not-agent')).textContent).toContain('只对红色代办员开放');
  expect(px.listProxyTasks).not.toHaveBeenCalled();
  fireEvent.click(screen.getByTestId('hall-apply'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-proxy/pages/apply/index' });
});
