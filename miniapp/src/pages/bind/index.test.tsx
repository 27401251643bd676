import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../api/endpoints';
import { ApiError } from '../../api/client';
import { GRIDS, childrenOf, pathOf, resident, worker } from '../../../test/fixtures';
import BindPage from './index';
import { signedIn, taro } from '../../../test/signed-in';

jest.mock('../../api/endpoints');
const ep = jest.mocked(endpoints);

beforeEach(() => {
  signedIn();
  ep.getGrid.mockImplementation(async (id) => {
    if (!GRIDS[id]) throw new ApiError(404, 'NOT_FOUND', '网格不存在');
    return GRIDS[id];
  });
  ep.getGridChildren.mockImplementation(async (id) => ({ items: childrenOf(id), nextCursor: null }));
  ep.bindUnit.mockImplementation(async (unitId) => resident({ unitId, unitPath: pathOf(unitId) }));
});

/** Taps a grid row and lets the next level load. */
const tap = async (id: string) => {
  const row = await screen.findByTestId(`grid-${id}`);
  await act(async () => {
    fireEvent.click(row);
  });
};

test('drills down from the district to a unit and binds it', async () => {
  ep.getMe.mockResolvedValue(resident());
  render(<BindPage />);
  await tap('hp');
  await tap('xs');
  await tap('yg');
  await tap('a1');
  await tap('b1');
  expect(screen.getByTestId('crumbs').textContent).toBe('海州区›和平街道›西山社区›阳光小区›一片区›1号楼');
  expect(ep.getGrid).toHaveBeenCalledWith('hz', expect.anything());
  expect(screen.queryByTestId('bind-confirm')).toBeNull();

  await tap('u2');
  expect(screen.getByTestId('bind-selected').textContent).toContain('1号楼 › 2单元');
  fireEvent.click(screen.getByTestId('bind-confirm'));
  await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }));
  expect(ep.bindUnit).toHaveBeenCalledWith('u2');
});

test("starts at the resident's own community and can go up by the crumbs", async () => {
  ep.getMe.mockResolvedValue(resident({ unitId: 'u1', unitPath: pathOf('u1') }));
  render(<BindPage />);
  expect(await screen.findByTestId('grid-yg')).toBeTruthy();
  expect(ep.getGrid).toHaveBeenCalledWith('xs', expect.anything());
  fireEvent.click(screen.getByTestId('crumb-hp'));
  expect(await screen.findByTestId('grid-xs')).toBeTruthy();
});

test('pages through children with nextCursor', async () => {
  ep.getMe.mockResolvedValue(resident());
  const extra = { ...GRIDS.hp, id: 'hp2', name: '新兴街道' };
  ep.getGridChildren
    .mockResolvedValueOnce({ items: [GRIDS.hp], nextCursor: 'c2' })
    .mockResolvedValueOnce({ items: [extra], nextCursor: null });
  render(<BindPage />);
  await screen.findByTestId('grid-hp');
  fireEvent.click(screen.getByTestId('grid-more'));
  expect(await screen.findByTestId('grid-hp2')).toBeTruthy();
  expect(ep.getGridChildren).toHaveBeenLastCalledWith('hz', 'c2');
  expect(screen.queryByTestId('grid-more')).toBeNull();
});

test('a unit QR link shows the unit and binds it', async () => {
  taro.__setRouterParams({ unitId: 'u1' });
  ep.getMe.mockResolvedValue(resident());
  render(<BindPage />);
  expect((await screen.findByTestId('bind-qr-unit')).textContent).toContain(
    '海州区 › 和平街道 › 西山社区 › 阳光小区 › 一片区 › 1号楼 › 1单元',
  );
  fireEvent.click(screen.getByTestId('bind-confirm'));
  await waitFor(() => expect(ep.bindUnit).toHaveBeenCalledWith('u1'));
});

test('a QR link to something that is not a unit says so', async () => {
  taro.__setRouterParams({ unitId: 'b1' });
  ep.getMe.mockResolvedValue(resident());
  render(<BindPage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('这不是单元二维码');
  fireEvent.click(screen.getByTestId('bind-pick-other'));
  expect(await screen.findByTestId('grid-hp')).toBeTruthy();
});

test('staff are told binding is for residents', async () => {
  ep.getMe.mockResolvedValue(worker());
  render(<BindPage />);
  expect(await screen.findByText('绑定单元仅适用于居民和红色代办员')).toBeTruthy();
});

test('signed out: goes to sign-in, keeping the unit link', async () => {
  taro.__reset();
  (Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'pages/bind/index', options: { unitId: 'u1' } }]);
  render(<BindPage />);
  expect(Taro.reLaunch).toHaveBeenCalledWith({
    url: `/pages/login/index?redirect=${encodeURIComponent('/pages/bind/index?unitId=u1')}`,
  });
  expect(ep.getMe).not.toHaveBeenCalled();
});
