import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../../api/endpoints';
import * as proxy from '../../../api/proxy';
import { ApiError } from '../../../api/client';
import { AGENT, AGENT2, ELDER, WORKER, claimedBy, elderFull, elderMasked, task } from '../../__fixtures__/tasks';
import TaskPage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/proxy');
jest.mock('../../../api/upload');
const ep = jest.mocked(endpoints);
const px = jest.mocked(proxy);

beforeEach(() => {
  signedIn({ id: 'T1' });
});

const open = (who: typeof AGENT, t: proxy.ProxyTask) => {
  ep.getMe.mockResolvedValue(who);
  px.getProxyTask.mockResolvedValue(t);
  return render(<TaskPage />);
};

describe('the recipient card', () => {
  it('an agent looking at an open task sees masked data and the 🔒 信息已脱敏 hint', async () => {
    open(AGENT, task());
    expect((await screen.findByTestId('recipient-name')).textContent).toBe('刘*');
    expect(screen.getByTestId('recipient-phone').textContent).toBe('138****1234');
    const hint = screen.getByTestId('mask-hint');
    expect(hint.textContent).toContain('🔒 信息已脱敏');
    expect(hint.textContent).toContain('认领后');
    expect(hint.textContent).toContain('确认办结后即恢复脱敏');
    expect(screen.queryByTestId('access-hint')).toBeNull();
    expect(screen.getByTestId('action-claim')).toBeTruthy();
  });

  it('the assigned agent in the window sees it unmasked, told that access ends when the task is confirmed', async () => {
    open(AGENT, claimedBy('agent-demo', '陈红', { status: 'in_progress', recipient: elderFull }));
    expect((await screen.findByTestId('recipient-phone')).textContent).toBe('13841871234');
    expect(screen.getByTestId('recipient-id').textContent).toBe('21090219450812002X');
    expect(screen.getByTestId('access-hint').textContent).toContain('任务确认办结后，访问即结束');
    expect(screen.queryByTestId('mask-hint')).toBeNull();
  });

  it('after confirmation the agent reads it masked again: access has ended', async () => {
    open(AGENT, claimedBy('agent-demo', '陈红', { status: 'confirmed', recipient: elderMasked }));
    const hint = await screen.findByTestId('mask-hint');
    expect(hint.textContent).toContain('权限已随之结束');
    expect(screen.queryByTestId('task-actions')).toBeNull();
  });

  it('the losing agent sees a claimed task masked and has no buttons', async () => {
    open(AGENT2, claimedBy('agent-demo', '陈红', { recipient: elderMasked }));
    expect((await screen.findByTestId('mask-hint')).textContent).toContain('只有认领此任务的代办员');
    expect(screen.queryByTestId('task-actions')).toBeNull();
  });
});

it('shows consent, timeline (consent code in Chinese) and the progress', async () => {
  open(WORKER, task({ recipient: elderFull }));
  expect((await screen.findByTestId('task-consent')).textContent).toBe('本人签字（网格员见证）');
  expect(screen.getByTestId('step-create').textContent).toContain('授权方式：本人签字（网格员见证）');
  expect(screen.getByTestId('task-status').textContent).toBe('待认领');
  expect(screen.getByTestId('task-deadline').textContent).toContain('还剩');
  // the grid worker who asked may cancel, not claim
  expect(screen.getByTestId('action-cancel')).toBeTruthy();
  expect(screen.queryByTestId('action-claim')).toBeNull();
});

it('claim: the winner sees 开始办理; a loser is told 任务已被其他代办员认领 and sees the task as it is', async () => {
  open(AGENT, task());
  px.moveProxyTask.mockResolvedValueOnce(claimedBy('agent-demo', '陈红', { recipient: elderFull }));
  px.getProxyTask.mockResolvedValueOnce(claimedBy('agent-demo', '陈红', { recipient: elderFull }));
  fireEvent.click(await screen.findByTestId('action-claim'));
  await screen.findByTestId('action-start');
  expect(px.moveProxyTask).toHaveBeenCalledWith('T1', 'claim', {});
  expect(Taro.showModal).toHaveBeenCalled();
});

it('a lost claim (409) toasts the reason and reloads', async () => {
  open(AGENT2, task());
  px.moveProxyTask.mockRejectedValueOnce(new ApiError(409, 'CONFLICT', '任务已被其他代办员认领'));
  px.getProxyTask.mockResolvedValue(claimedBy('agent-demo', '陈红'));
  fireEvent.click(await screen.findByTestId('action-claim'));
  await waitFor(() =>
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '任务已被其他代办员认领' })),
  );
  await waitFor(() => expect(screen.getByTestId('task-status').textContent).toBe('已认领'));
  expect(screen.queryByTestId('action-claim')).toBeNull();
});

it("in progress: 代为申请办事 opens the services form on the elder's behalf; 办理完成 with a note and the linked application", async () => {
  const t = claimedBy('agent-demo', '陈红', { status: 'in_progress', version: 3, recipient: elderFull });
  open(AGENT, t);
  fireEvent.click(await screen.findByTestId('action-apply'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/pkg-services/pages/service/index?code=elderly-meal-service&onBehalfOf=resident-elder&taskId=T1',
  });

  px.listMyApplications.mockResolvedValue({
    items: [
      { id: 'A-old', applicantId: 'resident-elder', createdAt: '2025-02-01T00:00:00.000Z' },
      {
        id: 'A1',
        applicantId: 'resident-elder',
        serviceName: '老年助餐服务登记',
        status: 'completed',
        resultNumber: 'HZ20250301000001',
        createdAt: '2025-03-01T02:00:00.000Z',
      },
      { id: 'A2', applicantId: 'someone-else', createdAt: '2025-03-01T02:00:00.000Z' },
    ] as never,
    nextCursor: null,
  });
  fireEvent.click(screen.getByTestId('action-complete'));
  expect(await screen.findByTestId('complete-app-A1')).toBeTruthy();
  expect(screen.queryByTestId('complete-app-A-old')).toBeNull(); // before the task
  expect(screen.queryByTestId('complete-app-A2')).toBeNull(); // someone else's
  expect(screen.getByTestId('complete-app-A1').getAttribute('aria-checked')).toBe('true'); // the newest is preselected

  fireEvent.click(screen.getByTestId('complete-submit'));
  expect((await screen.findByTestId('complete-error')).textContent).toContain('请说明办理结果');
  expect(px.moveProxyTask).not.toHaveBeenCalled();

  px.moveProxyTask.mockResolvedValueOnce({ ...t, status: 'done', version: 4 });
  px.getProxyTask.mockResolvedValue({
    ...t,
    status: 'done',
    version: 4,
    result: { note: '已在线办结', applicationId: 'A1', photos: [] },
  });
  fireEvent.change(screen.getByTestId('complete-note'), { target: { value: '已在线办结' } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('complete-submit'));
  });
  expect(px.moveProxyTask).toHaveBeenCalledWith('T1', 'complete', {
    note: '已在线办结',
    applicationId: 'A1',
    version: 3,
  });
  expect((await screen.findByTestId('task-result-app')).textContent).toBe('A1 ›');
  expect(screen.queryByTestId('action-complete')).toBeNull();
});

it('done: the grid worker confirms for the elder; then rates', async () => {
  const done = claimedBy('agent-demo', '陈红', {
    status: 'done',
    version: 4,
    recipient: elderFull,
    result: { note: '已办好', photos: [] },
  });
  open(WORKER, done);
  const confirmed = {
    ...done,
    status: 'confirmed' as const,
    version: 5,
    recipient: elderFull,
    confirmedBy: { id: 'worker-demo', name: '李建国', role: 'grid_worker', at: done.createdAt },
  };
  px.moveProxyTask.mockResolvedValueOnce(confirmed);
  px.getProxyTask.mockResolvedValue(confirmed);
  fireEvent.click(await screen.findByTestId('action-confirm'));
  expect((await screen.findByTestId('task-confirmed-by')).textContent).toContain('李建国（网格员）');
  expect(px.moveProxyTask).toHaveBeenCalledWith('T1', 'confirm', { version: 4 });

  fireEvent.click(screen.getByTestId('rating-submit'));
  expect(await screen.findByText('请点选星级')).toBeTruthy();
  fireEvent.click(screen.getByTestId('star-5'));
  expect(screen.getByTestId('rating-name').textContent).toBe('非常满意');
  const rated = { ...confirmed, version: 6, rating: { stars: 5, comment: '很好', at: done.createdAt } };
  px.rateProxyTask.mockResolvedValueOnce(rated);
  px.getProxyTask.mockResolvedValue(rated);
  fireEvent.change(screen.getByTestId('rating-comment'), { target: { value: '很好' } });
  fireEvent.click(screen.getByTestId('rating-submit'));
  expect((await screen.findByTestId('rating-view')).textContent).toContain('★★★★★');
  expect(px.rateProxyTask).toHaveBeenCalledWith('T1', 5, '很好');
  await waitFor(() => expect(screen.queryByTestId('rating-form')).toBeNull());
});

it('the elder herself confirms a done task', async () => {
  open(ELDER, claimedBy('agent-demo', '陈红', { status: 'done', recipient: elderFull }));
  expect(await screen.findByTestId('action-confirm')).toBeTruthy();
  expect(screen.queryByTestId('action-cancel')).toBeNull();
});

it('a load error shows its message and 重试', async () => {
  ep.getMe.mockResolvedValue(AGENT);
  px.getProxyTask.mockRejectedValueOnce(new ApiError(404, 'NOT_FOUND', '任务不存在'));
  px.getProxyTask.mockResolvedValueOnce(task());
  render(<TaskPage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('任务不存在');
  fireEvent.click(screen.getByTestId('state-retry'));
  expect(await screen.findByTestId('mask-hint')).toBeTruthy();
});

it('an open task past its deadline says so, and that the community has been alerted', async () => {
  open(WORKER, task({ deadline: new Date(Date.now() - 3600_000).toISOString(), unclaimedAlerted: true }));
  const d = await screen.findByTestId('task-deadline');
  expect(d.textContent).toContain('已超过认领时限');
  expect(d.textContent).toContain('已提醒社区安排');
});
