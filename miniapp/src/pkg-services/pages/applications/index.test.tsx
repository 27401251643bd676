import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as applications from '../../../api/applications';
import { application } from '../../../../test/services-fixtures';
import MyApplicationsPage from './index';
import { freshPage } from '../../../../test/signed-in';

jest.mock('../../../api/applications');
const api = jest.mocked(applications);

beforeEach(() => {
  freshPage();
});

test('我的办件: status in words, 办件编号, the 补正 note; 加载更多 fetches the next page', async () => {
  api.listApplications
    .mockResolvedValueOnce({
      items: [
        application({ id: 'a1', status: 'returned', note: '请补充收入证明' }),
        application({ id: 'a2', status: 'completed', serviceName: '志愿者注册', resultNumber: 'HZ20250301000002' }),
      ],
      nextCursor: 'c2',
    })
    .mockResolvedValueOnce({
      items: [application({ id: 'a3', status: 'rejected', overdue: false })],
      nextCursor: null,
    });
  render(<MyApplicationsPage />);
  const first = await screen.findByTestId('app-a1');
  expect(first.textContent).toContain('待补正');
  expect(first.textContent).toContain('需补正：请补充收入证明');
  expect(screen.getByTestId('app-a2').textContent).toContain('已办结');
  expect(screen.getByTestId('app-a2').textContent).toContain('办件编号 HZ20250301000002');
  expect(api.listApplications).toHaveBeenCalledWith('mine', null, { silent: true });

  await act(async () => {
    fireEvent.click(screen.getByTestId('apps-more'));
  });
  expect(api.listApplications).toHaveBeenLastCalledWith('mine', 'c2', { silent: true });
  expect(screen.getByTestId('app-a3').textContent).toContain('未通过');
  expect(screen.getByTestId('apps-end')).toBeTruthy();

  fireEvent.click(screen.getByTestId('app-a1'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-services/pages/application/index?id=a1' });
});

test('empty: says so and offers 去办事', async () => {
  api.listApplications.mockResolvedValue({ items: [], nextCursor: null });
  render(<MyApplicationsPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toContain('还没有办件');
  fireEvent.click(screen.getByTestId('apps-go-services'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/services/index' });
});
