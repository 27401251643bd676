import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../api/endpoints';
import { ApiError } from '../../api/client';
import { getToken } from '../../api/session';
import { GRIDS, pathOf, resident, worker } from '../../../test/fixtures';
import MePage from './index';
import { signedIn } from '../../../test/signed-in';

jest.mock('../../api/endpoints');
const ep = jest.mocked(endpoints);

beforeEach(() => signedIn());

test('a resident sees the bound unit as a path', async () => {
  ep.getMe.mockResolvedValue(resident({ unitId: 'u1', unitPath: pathOf('u1') }));
  render(<MePage />);
  expect(screen.getByTestId('state-loading')).toBeTruthy();
  expect((await screen.findByTestId('me-unit')).textContent).toBe(
    '海州区 › 和平街道 › 西山社区 › 阳光小区 › 一片区 › 1号楼 › 1单元',
  );
  expect(screen.getByTestId('me-name').textContent).toBe('张秀兰');
  expect(screen.getByTestId('me-role').textContent).toBe('居民');
  fireEvent.click(screen.getByTestId('me-bind'));
  expect(screen.getByTestId('me-bind').textContent).toContain('更换单元');
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' });
});

test('a binding not yet verified shows 待核验', async () => {
  ep.getMe.mockResolvedValue(resident({ unitId: 'u1', unitPath: pathOf('u1'), unitVerified: false }));
  render(<MePage />);
  expect((await screen.findByTestId('me-unit-pending')).textContent).toBe('待核验');
});

test('a verified binding shows no 待核验', async () => {
  ep.getMe.mockResolvedValue(resident({ unitId: 'u1', unitPath: pathOf('u1'), unitVerified: true }));
  render(<MePage />);
  await screen.findByTestId('me-unit');
  expect(screen.queryByTestId('me-unit-pending')).toBeNull();
});

test('an unbound resident is told so and offered 绑定单元', async () => {
  ep.getMe.mockResolvedValue(resident());
  render(<MePage />);
  expect((await screen.findByTestId('me-unit')).textContent).toBe('未绑定单元');
  expect(screen.getByTestId('me-bind').textContent).toContain('绑定单元');
});

test('staff see their grids, duties and a link to 我的网格', async () => {
  ep.getMe.mockResolvedValue(worker());
  ep.getGrid.mockResolvedValue(GRIDS.b1);
  render(<MePage />);
  expect(await screen.findByText('1号楼')).toBeTruthy();
  expect(screen.getByTestId('me-role').textContent).toBe('网格员');
  expect(screen.getByTestId('me-duties').textContent).toBe('信息员、调解员');
  expect(screen.queryByTestId('me-unit')).toBeNull();
  fireEvent.click(screen.getByTestId('me-grids'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-staff/pages/grids/index' });
});

test('an error shows its message and 重试 loads again', async () => {
  ep.getMe.mockRejectedValueOnce(new ApiError(503, 'DEPENDENCY_FAILED', '服务暂不可用，请稍后再试'));
  ep.getMe.mockResolvedValueOnce(resident());
  render(<MePage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('服务暂不可用');
  fireEvent.click(screen.getByTestId('state-retry'));
  expect(await screen.findByTestId('me-unit')).toBeTruthy();
});

test('退出登录 forgets the token; signed out shows 去登录', async () => {
  ep.getMe.mockResolvedValue(resident());
  render(<MePage />);
  await screen.findByTestId('me-unit');
  fireEvent.click(screen.getByTestId('me-logout'));
  expect(getToken()).toBe('');
  expect(await screen.findByText('您还没有登录')).toBeTruthy();
  fireEvent.click(screen.getByTestId('me-login'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index?redirect=%2Fpages%2Fme%2Findex' });
});

test('a resident finds 我的诉求 and 消息; staff find 待办, 回访 and 统计 by role', async () => {
  ep.getMe.mockResolvedValue(resident({ unitId: 'u1', unitPath: pathOf('u1') }));
  const view = render(<MePage />);
  fireEvent.click(await screen.findByTestId('me-requests'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/requests/index' });
  fireEvent.click(screen.getByTestId('me-messages'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-resident/pages/messages/index' });
  expect(screen.queryByTestId('me-inbox')).toBeNull();
  view.unmount();

  ep.getMe.mockResolvedValue(worker());
  ep.getGrid.mockResolvedValue(GRIDS.b1);
  const staff = render(<MePage />);
  fireEvent.click(await screen.findByTestId('me-inbox'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-staff/pages/inbox/index' });
  fireEvent.click(screen.getByTestId('me-dashboard'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-staff/pages/dashboard/index' });
  expect(screen.queryByTestId('me-callbacks')).toBeNull(); // 回访 is the community's
  expect(screen.queryByTestId('me-import')).toBeNull(); // 数据导入 is the admins'
  expect(screen.queryByTestId('me-staff')).toBeNull(); // 人员管理 is the admins'
  expect(screen.queryByTestId('me-requests')).toBeNull();
  staff.unmount();

  ep.getMe.mockResolvedValue(worker({ id: 'community-admin-demo', role: 'community_admin', gridIds: ['xs'] }));
  ep.getGrid.mockResolvedValue(GRIDS.xs);
  render(<MePage />);
  fireEvent.click(await screen.findByTestId('me-callbacks'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-staff/pages/callbacks/index' });
  fireEvent.click(screen.getByTestId('me-import'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-staff/pages/import/index' });
  fireEvent.click(screen.getByTestId('me-staff'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-staff/pages/staff/index' });
});

test('办事: a resident finds 我的办件; the service office finds 审核队列', async () => {
  ep.getMe.mockResolvedValue(resident({ unitId: 'u1', unitPath: pathOf('u1') }));
  const view = render(<MePage />);
  fireEvent.click(await screen.findByTestId('me-applications'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-services/pages/applications/index' });
  expect(screen.queryByTestId('me-review')).toBeNull();
  view.unmount();

  ep.getMe.mockResolvedValue(worker({ id: 'office-demo', role: 'office', gridIds: ['xs'], duties: [] }));
  ep.getGrid.mockResolvedValue(GRIDS.xs);
  render(<MePage />);
  fireEvent.click(await screen.findByTestId('me-review'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-office/pages/review/index' });
  expect(screen.queryByTestId('me-applications')).toBeNull();
});

test('长辈版 switch: the page grows at once and the choice is remembered', async () => {
  ep.getMe.mockResolvedValue(resident());
  const { container, unmount } = render(<MePage />);
  await screen.findByTestId('me-unit');
  const root = () => container.firstElementChild as HTMLElement;
  expect(root().className.split(' ')).not.toContain('elder');
  fireEvent.click(screen.getByTestId('me-elder'));
  expect(root().className.split(' ')).toContain('elder');
  expect(screen.getByTestId('me-elder').getAttribute('aria-checked')).toBe('true');
  expect(screen.getByTestId('me-elder-state').textContent).toBe('已开启');
  unmount();
  const again = render(<MePage />);
  await screen.findByTestId('me-unit');
  expect((again.container.firstElementChild as HTMLElement).className.split(' ')).toContain('elder');
  fireEvent.click(screen.getByTestId('me-elder'));
  expect((again.container.firstElementChild as HTMLElement).className.split(' ')).not.toContain('elder');
});
