import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as endpoints from '../../../api/endpoints';
import * as proxy from '../../../api/proxy';
import { AGENT, claimedBy, elderFull } from '../../__fixtures__/tasks';
import MinePage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/proxy');
jest.mock('../../../api/upload');
const ep = jest.mocked(endpoints);
const px = jest.mocked(proxy);

beforeEach(() => {
  signedIn();
  ep.getMe.mockResolvedValue(AGENT);
});

const claimed = claimedBy('agent-demo', '陈红', { id: 'C1', recipient: elderFull });
const working = claimedBy('agent-demo', '陈红', {
  id: 'W1',
  status: 'in_progress',
  kind: 'errand',
  serviceCode: undefined,
  recipient: elderFull,
  version: 3,
});
const finished = claimedBy('agent-demo', '陈红', { id: 'D1', status: 'confirmed' });

it('进行中 shows claimed and in-progress tasks: 开始办理 on one, 办理完成 (note, no application for an errand) on the other', async () => {
  px.listProxyTasks.mockResolvedValue({ items: [claimed, working, finished], nextCursor: null });
  render(<MinePage />);
  await screen.findByTestId('task-C1');
  expect(px.listProxyTasks).toHaveBeenCalledWith('mine', null);
  expect(screen.queryByTestId('task-D1')).toBeNull();

  px.moveProxyTask.mockResolvedValueOnce({ ...claimed, status: 'in_progress', version: 3 });
  fireEvent.click(screen.getByTestId('action-start'));
  await waitFor(() => expect(screen.getByTestId('task-C1').textContent).toContain('办理中'));
  expect(px.moveProxyTask).toHaveBeenCalledWith('C1', 'start', { version: 2 });

  px.listMyApplications.mockResolvedValue({ items: [], nextCursor: null });
  const completeButtons = screen.getAllByTestId('action-complete');
  fireEvent.click(completeButtons[completeButtons.length - 1]);
  expect((await screen.findByTestId('complete-app-none')).textContent).toContain('跑腿类代办无需关联');
  fireEvent.change(screen.getByTestId('complete-note'), { target: { value: '药已送到老人家中' } });
  px.moveProxyTask.mockResolvedValueOnce({ ...working, status: 'done', version: 4 });
  fireEvent.click(screen.getByTestId('complete-submit'));
  await waitFor(() =>
    expect(px.moveProxyTask).toHaveBeenCalledWith('W1', 'complete', { note: '药已送到老人家中', version: 3 }),
  );
  // done moves out of 进行中
  await waitFor(() => expect(screen.queryByTestId('task-W1')).toBeNull());
  fireEvent.click(screen.getByTestId('mine-filter-done'));
  expect(screen.getByTestId('task-W1').textContent).toContain('已办完待确认');
  expect(screen.getByTestId('task-D1')).toBeTruthy();
});

it('nothing claimed yet: a pointer to 任务大厅', async () => {
  px.listProxyTasks.mockResolvedValue({ items: [], nextCursor: null });
  render(<MinePage />);
  expect((await screen.findByTestId('state-empty')).textContent).toContain('去任务大厅看看');
});
