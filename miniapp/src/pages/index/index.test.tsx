import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../api/endpoints';
import { setToken } from '../../api/session';
import { resident, worker } from '../../../test/fixtures';
import HomePage from './index';
import { freshPage } from '../../../test/signed-in';

jest.mock('../../api/endpoints');
const ep = jest.mocked(endpoints);

beforeEach(() => {
  freshPage();
});

const signIn = () => setToken('tok', new Date(Date.now() + 3600_000).toISOString());

test('greets a signed-in resident; 我要报事 and 我的诉求 open the resident subpackage', async () => {
  signIn();
  ep.getMe.mockResolvedValue(resident());
  render(<HomePage />);
  expect((await screen.findByText('您好，张秀兰')).getAttribute('data-testid')).toBe('home-greet');
  const report = screen.getByTestId('tile-report');
  expect(report.getAttribute('aria-disabled')).toBe('false');
  fireEvent.click(report);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/report/index' });
  fireEvent.click(screen.getByTestId('tile-requests'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/requests/index' });
  fireEvent.click(screen.getByTestId('tile-unit'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' });
  fireEvent.click(screen.getByTestId('tile-services'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/services/index' });
});

test('staff get 我的网格 instead of 我的单元', async () => {
  signIn();
  ep.getMe.mockResolvedValue(worker());
  render(<HomePage />);
  fireEvent.click(await screen.findByTestId('tile-grids'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-staff/pages/grids/index' });
  fireEvent.click(screen.getByTestId('tile-inbox'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-staff/pages/inbox/index' });
  expect(screen.queryByTestId('tile-requests')).toBeNull();
});

test('signed out: a welcome and a 登录 button, no API call', () => {
  render(<HomePage />);
  expect(screen.getByTestId('home-greet').textContent).toBe('您好，欢迎使用网格通');
  fireEvent.click(screen.getByTestId('home-login'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  // 我要报事 asks for sign-in first, then comes back to the form
  fireEvent.click(screen.getByTestId('tile-report'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/pages/login/index?redirect=%2Fpkg-resident%2Fpages%2Freport%2Findex',
  });
  expect(ep.getMe).not.toHaveBeenCalled();
});

test('办事 tiles: 我的办件 for residents (sign-in first when signed out), 审核队列 for the service office', async () => {
  const view = render(<HomePage />);
  fireEvent.click(screen.getByTestId('tile-applications'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: `/pages/login/index?redirect=${encodeURIComponent('/pkg-services/pages/applications/index')}`,
  });
  view.unmount();

  signIn();
  ep.getMe.mockResolvedValue(resident());
  const mine = render(<HomePage />);
  await screen.findByText('您好，张秀兰');
  fireEvent.click(screen.getByTestId('tile-applications'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pkg-services/pages/applications/index' });
  mine.unmount();

  ep.getMe.mockResolvedValue(worker({ id: 'office-demo', role: 'office', name: '褚静' }));
  render(<HomePage />);
  fireEvent.click(await screen.findByTestId('tile-review'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pkg-office/pages/review/index' });
  expect(screen.queryByTestId('tile-applications')).toBeNull();
});
