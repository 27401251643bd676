import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../../api/endpoints';
import * as basedata from '../../../api/basedata';
import { ApiError } from '../../../api/client';
import { worker } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/signed-in';
import ResidentsPage from './index';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/basedata', () => ({
  ...jest.requireActual('../../../api/basedata'),
  getHouseholds: jest.fn(),
  searchPersons: jest.fn(),
  getPerson: jest.fn(),
  moveIn: jest.fn(),
  changePerson: jest.fn(),
  moveOut: jest.fn(),
}));
const ep = jest.mocked(endpoints);
const bd = jest.mocked(basedata);

const wang = {
  id: 'a'.repeat(20),
  name: '王**',
  gender: '女',
  birthYear: '1958',
  phone: '138****0001',
  idNumber: '2107**********0011',
  relation: '户主',
  personType: '户籍',
  tags: ['独居老人'],
  masked: true,
  version: 1,
};
const households = {
  buildingId: 'b1',
  items: [{ unitId: 'u1', houseNo: '101', use: '自住', area: 89.5, residents: [wang] }],
};

const tap = async (id: string) => {
  const el = await screen.findByTestId(id);
  await act(async () => {
    fireEvent.click(el);
  });
};

beforeEach(() => {
  ep.getMe.mockResolvedValue(worker({ gridIds: ['b1'] }));
  bd.getHouseholds.mockResolvedValue(households);
});

test('a building: households masked; 查看完整信息 asks first, then shows the audited full values', async () => {
  signedIn({ buildingId: 'b1' });
  render(<ResidentsPage />);
  expect((await screen.findByTestId('house-101')).textContent).toContain('101 · 自住 · 89.5㎡ · 1 人');
  expect(screen.getByTestId('person-ids').textContent).toBe('电话 138****0001 · 身份证 2107**********0011');
  bd.getPerson.mockResolvedValue({ ...wang, name: '王秀兰', phone: '13800000001', masked: false });
  await tap('person-full');
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '查看完整信息' }));
  expect(bd.getPerson).toHaveBeenCalledWith('b1', wang.id, true);
  await waitFor(() => expect(screen.getByTestId('person-ids').textContent).toContain('13800000001'));
  expect(screen.queryByTestId('person-full')).toBeNull();
});

test('迁出: checked, confirmed, sent with the version read; a failure toasts the reason', async () => {
  signedIn({ buildingId: 'b1' });
  render(<ResidentsPage />);
  await tap('person-out');
  await tap('out-save');
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写迁往何处' }));
  expect(bd.moveOut).not.toHaveBeenCalled();
  fireEvent.change(screen.getByTestId('out-dest'), { target: { value: '大连市' } });
  bd.moveOut.mockRejectedValueOnce(new ApiError(409, 'VERSION_CONFLICT', '数据已被他人修改，请刷新后重试'));
  await tap('out-save');
  await waitFor(() =>
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '数据已被他人修改，请刷新后重试' })),
  );
  expect(bd.moveOut).toHaveBeenCalledWith(
    'b1',
    wang.id,
    expect.objectContaining({ version: 1, destination: '大连市' }),
  );
});

test('迁入 per 门牌号: confirmed, sent for the unit of the house', async () => {
  signedIn({ buildingId: 'b1' });
  render(<ResidentsPage />);
  await tap('movein-101');
  fireEvent.change(screen.getByTestId('in-name'), { target: { value: '孙小梅' } });
  fireEvent.change(screen.getByTestId('in-id'), { target: { value: '210703199002020021' } });
  bd.moveIn.mockResolvedValue({ ...wang, id: 'b'.repeat(20), name: '孙**' });
  await tap('in-save');
  await waitFor(() =>
    expect(bd.moveIn).toHaveBeenCalledWith(
      'u1',
      expect.objectContaining({ houseNo: '101', name: '孙小梅', personType: '户籍' }),
    ),
  );
});

test('search: results with their place, an empty answer says so', async () => {
  signedIn();
  bd.searchPersons.mockResolvedValueOnce({
    items: [{ ...wang, buildingId: 'b1', unitId: 'u1', houseNo: '101', place: '幸福小区 东片区 1号楼 一单元 101' }],
    nextCursor: null,
  });
  render(<ResidentsPage />);
  fireEvent.change(await screen.findByTestId('search-q'), { target: { value: '王' } });
  await tap('search-go');
  expect(bd.searchPersons).toHaveBeenCalledWith('b1', '王', 'name', undefined);
  expect((await screen.findByText('幸福小区 东片区 1号楼 一单元 101')).textContent).toBeTruthy();
  bd.searchPersons.mockResolvedValueOnce({ items: [], nextCursor: null });
  await tap('search-go');
  expect(await screen.findByText('没有找到相符的居民')).toBeTruthy();
});

test('search within the grid opened from 我的网格 (?gridId=)', async () => {
  signedIn({ gridId: 'xs' });
  bd.searchPersons.mockResolvedValueOnce({ items: [], nextCursor: null });
  render(<ResidentsPage />);
  fireEvent.change(await screen.findByTestId('search-q'), { target: { value: '101' } });
  await tap('search-by-houseNo');
  await tap('search-go');
  expect(bd.searchPersons).toHaveBeenCalledWith('xs', '101', 'houseNo', undefined);
});
