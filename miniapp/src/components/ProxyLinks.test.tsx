import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '@gridlink/shared/me';
import ProxyLinks, { proxyLinks, proxyTile } from './ProxyLinks';

const user = (role: Me['role'], id = 'u1'): Me => ({ id, role, name: '某人', gridIds: [] });

beforeEach(() => jest.clearAllMocks());

it('首页 红色代办: agents go to 任务大厅, others to 申请代办, the signed-out to sign-in first', () => {
  proxyTile(user('agent'), true).onTap();
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pkg-proxy/pages/hall/index' });
  proxyTile(user('resident'), true).onTap();
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pkg-proxy/pages/request/index' });
  proxyTile(user('grid_worker'), true).onTap();
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pkg-proxy/pages/request/index' });
  proxyTile(undefined, false).onTap();
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({
    url: `/pages/login/index?redirect=${encodeURIComponent('/pkg-proxy/pages/request/index')}`,
  });
});

it('我的: 我的代办 for all; 帮扶对象 for grid staff; 申请成为红色代办员 for residents; 代办员审批 for community staff', () => {
  const ids = (role: Me['role']) => proxyLinks(user(role)).map((l) => l.id);
  expect(ids('resident')).toEqual(['proxy-requested', 'proxy-apply']);
  expect(ids('grid_worker')).toEqual(['proxy-requested', 'proxy-care']);
  expect(ids('grid_leader')).toEqual(['proxy-requested', 'proxy-care', 'proxy-approvals']);
  expect(ids('community_admin')).toEqual(['proxy-requested', 'proxy-care', 'proxy-approvals']);
  expect(ids('agent')).toEqual(['proxy-hall', 'proxy-mine', 'proxy-agent', 'proxy-requested']);
  expect(ids('street_admin')).toEqual(['proxy-requested']);
});

it('renders the links as cells that navigate', () => {
  render(<ProxyLinks user={user('grid_worker')} />);
  fireEvent.click(screen.getByTestId('me-proxy-care'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-proxy/pages/care/index' });
  expect(screen.getByTestId('me-proxy-requested').textContent).toContain('我的代办');
});
