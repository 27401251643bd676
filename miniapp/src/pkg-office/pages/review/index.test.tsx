import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as applications from '../../../api/applications';
import { ApiError } from '../../../api/client';
import { application } from '../../../../test/services-fixtures';
import ReviewQueuePage from './index';
import { freshPage } from '../../../../test/signed-in';

jest.mock('../../../api/applications');
const api = jest.mocked(applications);

beforeEach(() => {
  freshPage();
});

test('审核队列 lists view=review with applicants; a tap opens the review', async () => {
  api.listApplications.mockResolvedValue({
    items: [application({ id: 'a1', overdue: true }), application({ id: 'a2', applicantName: '刘淑珍' })],
    nextCursor: null,
  });
  render(<ReviewQueuePage />);
  const row = await screen.findByTestId('app-a1');
  expect(api.listApplications).toHaveBeenCalledWith('review', null, { silent: true });
  expect(row.textContent).toContain('法律援助申请');
  expect(row.textContent).toContain('审核中');
  expect(row.textContent).toContain('申请人 王丽');
  expect(row.textContent).toContain('已超期');
  expect(screen.getByTestId('app-a2').textContent).toContain('刘淑珍');
  fireEvent.click(row);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-office/pages/review-detail/index?id=a1' });
});

test('empty and forbidden', async () => {
  api.listApplications.mockResolvedValueOnce({ items: [], nextCursor: null });
  const { unmount } = render(<ReviewQueuePage />);
  expect((await screen.findByTestId('state-empty')).textContent).toBe('暂无待审核的办件');
  unmount();
  api.listApplications.mockRejectedValueOnce(new ApiError(403, 'FORBIDDEN', '只有便民服务站有审核队列'));
  render(<ReviewQueuePage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('只有便民服务站有审核队列');
});
