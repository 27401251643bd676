import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../api/endpoints';
import { resident } from '../../../test/fixtures';
import LoginPage from './index';
import { DEMO_USERS } from './demoUsers';
import { freshPage, taro } from '../../../test/signed-in';

jest.mock('../../api/endpoints');
const ep = jest.mocked(endpoints);

beforeEach(() => {
  freshPage();
  ep.devLogin.mockResolvedValue({ token: 't', expiresAt: '2099-01-01T00:00:00Z', user: resident() });
});

test('h5 lists every seeded demo user with a stable test id', () => {
  render(<LoginPage />);
  expect(DEMO_USERS).toHaveLength(11);
  for (const u of DEMO_USERS) expect(screen.getByTestId(`login-${u.id}`).textContent).toContain(u.id);
  expect(screen.queryByTestId('login-wechat')).toBeNull();
});

test('a demo user signs in and lands on 首页', async () => {
  render(<LoginPage />);
  await act(async () => {
    fireEvent.click(screen.getByTestId('login-resident-elder'));
  });
  expect(ep.devLogin).toHaveBeenCalledWith('resident-elder');
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
});

test('goes back to the page that asked for sign-in', async () => {
  taro.__setRouterParams({ redirect: encodeURIComponent('/pages/bind/index?unitId=u1') });
  render(<LoginPage />);
  await act(async () => {
    fireEvent.click(screen.getByTestId('login-resident-demo'));
  });
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/bind/index?unitId=u1' });
});

test('a failed sign-in stays on the page', async () => {
  ep.devLogin.mockRejectedValueOnce(new Error('nope'));
  render(<LoginPage />);
  await act(async () => {
    fireEvent.click(screen.getByTestId('login-worker-demo'));
  });
  expect(Taro.switchTab).not.toHaveBeenCalled();
});

test('goes back to a subpackage page too, but never off the app', async () => {
  taro.__setRouterParams({ redirect: encodeURIComponent('/pkg-resident/pages/report/index') });
  const first = render(<LoginPage />);
  await act(async () => {
    fireEvent.click(screen.getByTestId('login-resident-demo'));
  });
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/report/index' });
  first.unmount();
  jest.clearAllMocks();
  taro.__setRouterParams({ redirect: encodeURIComponent('https://evil.example/pages/x') });
  render(<LoginPage />);
  await act(async () => {
    fireEvent.click(screen.getByTestId('login-resident-demo'));
  });
  expect(Taro.redirectTo).not.toHaveBeenCalled();
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
});
