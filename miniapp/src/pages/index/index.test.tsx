import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../api/endpoints';
import { setToken } from '../../api/session';
import { resident, worker } from '../../../test/fixtures';
import HomePage from './index';

jest.mock('../../api/endpoints');
const ep = jest.mocked(endpoints);

beforeEach(() => {
  jest.clearAllMocks();
  (Taro as unknown as { __reset(): void }).__reset();
});

const signIn = () => setToken('tok', new Date(Date.now() + 3600_000).toISOString());

test('greets a signed-in resident; 我要报事 is honestly not there yet', async () => {
  signIn();
  ep.getMe.mockResolvedValue(resident());
  render(<HomePage />);
  expect((await screen.findByText('您好，张秀兰')).getAttribute('data-testid')).toBe('home-greet');
  const report = screen.getByTestId('tile-report');
  expect(report.textContent).toContain('即将上线');
  expect(report.getAttribute('aria-disabled')).toBe('true');
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
});

test('signed out: a welcome and a 登录 button, no API call', () => {
  render(<HomePage />);
  expect(screen.getByTestId('home-greet').textContent).toBe('您好，欢迎使用网格通');
  fireEvent.click(screen.getByTestId('home-login'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  expect(ep.getMe).not.toHaveBeenCalled();
});
