import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../../api/endpoints';
import * as staffApi from '../../../api/staff';
import { GRIDS, childrenOf, worker } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/signed-in';
import StaffPage from './index';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/staff');
const ep = jest.mocked(endpoints);
const st = jest.mocked(staffApi);

const row = (over: Partial<staffApi.StaffAssignment> = {}): staffApi.StaffAssignment => ({
  userId: 'w1',
  name: '赵刚',
  role: 'grid_worker',
  duties: ['informant'],
  gridId: 'b1',
  gridName: '和平街道 › 西山社区 › 阳光小区 › 一片区 › 1号楼',
  phone: '136****5566',
  status: 'active',
  ...over,
});
const member = (id: string, version = 3) => ({
  id,
  name: '赵刚',
  role: 'grid_worker' as const,
  duties: ['informant' as const],
  grids: [{ id: 'b1', name: '1号楼' }],
  phone: '136****5566',
  status: 'active' as const,
  version,
  updatedAt: '2025-01-01T00:00:00.000+08:00',
});

beforeEach(() => {
  signedIn();
  ep.getMe.mockResolvedValue(worker({ id: 'community-admin-demo', role: 'community_admin', gridIds: ['xs'] }));
  ep.getGrid.mockResolvedValue(GRIDS.xs);
  ep.getGridChildren.mockResolvedValue({ items: childrenOf('xs'), nextCursor: null });
});

const tap = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

test('lists the staff of the grid, masked; adds a worker after checking the form', async () => {
  st.listStaff.mockResolvedValue({ items: [row()], nextCursor: null });
  st.createStaff.mockResolvedValue(member('w2', 1));
  render(<StaffPage />);
  const card = await screen.findByTestId('staff-w1');
  expect(card.textContent).toContain('网格员 · 136****5566');
  expect(card.textContent).toContain('五员职责：信息员');
  expect(st.listStaff).toHaveBeenCalledWith('xs', null, { silent: true });

  await tap('staff-add');
  await tap('staff-submit');
  expect(screen.getByTestId('staff-error').textContent).toBe('请填写姓名、11 位手机号并选择角色');
  fireEvent.change(screen.getByTestId('staff-name'), { target: { value: '周敏' } });
  fireEvent.change(screen.getByTestId('staff-phone'), { target: { value: '13912345678' } });
  await tap('staff-role-grid_worker');
  expect(screen.queryByTestId('staff-role-community_admin')).toBeNull(); // only roles below one's own
  await tap('staff-grid-yg');
  await tap('staff-duty-safety');
  await tap('staff-submit');
  expect(st.createStaff).toHaveBeenCalledWith({
    name: '周敏',
    phone: '13912345678',
    role: 'grid_worker',
    gridIds: ['yg'],
    duties: ['safety'],
  });
});

test('suspends after a confirmation, and retires with a successor picked from the list', async () => {
  st.listStaff.mockResolvedValue({
    items: [row(), row({ userId: 'w2', name: '郑强', gridId: 'b1' })],
    nextCursor: null,
  });
  st.getStaff.mockResolvedValue(member('w1'));
  st.setSuspended.mockResolvedValue({ ...member('w1', 4), status: 'suspended' });
  st.retireStaff.mockResolvedValue({
    member: { ...member('w1', 4), status: 'retired', grids: [] },
    handover: {
      id: 'h1',
      fromId: 'w1',
      toId: 'w2',
      gridIds: ['b1'],
      requests: 2,
      disputes: 1,
      petitions: 0,
      done: true,
    },
  });
  render(<StaffPage />);
  await screen.findByTestId('staff-w1');
  await tap('staff-suspend-w1');
  expect(Taro.showModal).toHaveBeenCalled();
  expect(st.setSuspended).toHaveBeenCalledWith('w1', 3, true);

  await tap('staff-retire-w1');
  expect(screen.queryByTestId('retire-to-w1')).toBeNull(); // not oneself
  await tap('retire-to-w2');
  await tap('retire-submit');
  expect(st.retireStaff).toHaveBeenCalledWith('w1', 3, 'w2');
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已交接：诉求2件，纠纷1件，信访0件', icon: 'none' });
});

test('editing: removing a grid asks for a successor, then moves with them', async () => {
  st.listStaff.mockResolvedValue({ items: [row(), row({ userId: 'w2', name: '郑强' })], nextCursor: null });
  st.getStaff.mockResolvedValue(member('w1'));
  st.updateStaff.mockResolvedValue({ member: { ...member('w1', 4), grids: [{ id: 'yg', name: '阳光小区' }] } });
  render(<StaffPage />);
  await screen.findByTestId('staff-w1');
  await tap('staff-edit-w1');
  await tap('staff-grid-yg');
  await tap('staff-grid-b1');
  await tap('staff-submit');
  expect(screen.getByTestId('staff-error').textContent).toBe('移出网格的待办需交给接替人员：请选择');
  expect(screen.queryByTestId('staff-successor-w1')).toBeNull();
  await tap('staff-successor-w2');
  await tap('staff-submit');
  expect(st.updateStaff).toHaveBeenCalledWith('w1', {
    version: 3,
    gridIds: ['yg'],
    duties: ['informant'],
    successorId: 'w2',
  });
});

test('an empty grid says so', async () => {
  st.listStaff.mockResolvedValue({ items: [], nextCursor: null });
  render(<StaffPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toBe('该网格暂无工作人员');
});
