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
  ep.bindUnit.mockImplementation(async (unitId, code) =>
    resident({ unitId, unitPath: pathOf(unitId), unitVerified: !!code }),
  );
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
  // without a code the binding is pending (待核验), and the page says so
  expect(screen.getByTestId('bind-code-hint').textContent).toContain('待核验');
  expect(ep.bindUnit).toHaveBeenCalledWith('u2', undefined);
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已提交，待网格员核验', icon: 'none' });
});

test('a typed verification code is sent with the unit', async () => {
  ep.getMe.mockResolvedValue(resident());
  render(<BindPage />);
  for (const id of ['hp', 'xs', 'yg', 'a1', 'b1', 'u2']) await tap(id);
  fireEvent.change(screen.getByTestId('bind-code'), { target: { value: 'ABCDE-12345' } });
  fireEvent.click(screen.getByTestId('bind-confirm'));
  await waitFor(() => expect(ep.bindUnit).toHaveBeenCalledWith('u2', 'ABCDE-12345'));
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '绑定成功', icon: 'success' });
});

test('姓名 + 身份证号 are sent with the unit, both or neither', async () => {
  ep.getMe.mockResolvedValue(resident());
  ep.bindUnit.mockImplementation(async (unitId, _code, household) =>
    resident({ unitId, unitPath: pathOf(unitId), unitVerified: !!household }),
  );
  render(<BindPage />);
  for (const id of ['hp', 'xs', 'yg', 'a1', 'b1', 'u2']) await tap(id);
  fireEvent.change(screen.getByTestId('bind-real-name'), { target: { value: ' 王秀兰 ' } });
  fireEvent.click(screen.getByTestId('bind-confirm'));
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '姓名和身份证号需一起填写', icon: 'none' });
  expect(ep.bindUnit).not.toHaveBeenCalled();
  fireEvent.change(screen.getByTestId('bind-id-number'), { target: { value: '21070319580312002x' } });
  expect(screen.getByTestId('bind-code-hint').textContent).toContain('人口信息相符');
  fireEvent.click(screen.getByTestId('bind-confirm'));
  await waitFor(() =>
    expect(ep.bindUnit).toHaveBeenCalledWith('u2', undefined, { realName: '王秀兰', idNumber: '21070319580312002X' }),
  );
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '绑定成功', icon: 'success' });
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

test('a unit QR link shows the unit and binds it with the code it carries', async () => {
  taro.__setRouterParams({ unitId: 'u1', code: 'K7Q2M9XW4T' });
  ep.getMe.mockResolvedValue(resident());
  render(<BindPage />);
  expect((await screen.findByTestId('bind-qr-unit')).textContent).toContain(
    '海州区 › 和平街道 › 西山社区 › 阳光小区 › 一片区 › 1号楼 › 1单元',
  );
  fireEvent.click(screen.getByTestId('bind-confirm'));
  await waitFor(() => expect(ep.bindUnit).toHaveBeenCalledWith('u1', 'K7Q2M9XW4T'));
  expect(screen.queryByTestId('bind-code')).toBeNull();
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
