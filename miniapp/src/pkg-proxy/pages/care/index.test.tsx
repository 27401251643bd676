import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../../api/endpoints';
import * as proxy from '../../../api/proxy';
import { ApiError } from '../../../api/client';
import { GRIDS } from '../../../../test/fixtures';
import { RESIDENT, WORKER } from '../../__fixtures__/tasks';
import CarePage from './index';
import { signedIn, taro as T } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/proxy');
const ep = jest.mocked(endpoints);
const px = jest.mocked(proxy);

beforeEach(() => signedIn());

const elder = {
  id: 'resident-elder',
  name: '刘淑珍',
  unitId: 'u2',
  unitName: '阳光小区 一片区 1号楼 2单元',
  needs: ['elderly_alone', 'no_wechat'],
  registeredBy: 'worker-demo',
  createdAt: '',
  version: 1,
};

it('a grid worker sees the 帮扶对象 of the grid with their needs; a tap opens the detail', async () => {
  ep.getMe.mockResolvedValue({ ...WORKER, gridIds: ['b1'] });
  px.listCareRecipients.mockResolvedValue({ items: [elder], nextCursor: null });
  render(<CarePage />);
  const row = await screen.findByTestId('care-resident-elder');
  expect(row.textContent).toContain('独居老人');
  expect(row.textContent).toContain('无微信');
  fireEvent.click(row);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-proxy/pages/care-detail/index?id=resident-elder' });
});

it('registers an elder without WeChat: checks the form, picks a unit in the grid, then opens the detail', async () => {
  ep.getMe.mockResolvedValue({ ...WORKER, gridIds: ['b1'] });
  px.listCareRecipients.mockResolvedValue({ items: [], nextCursor: null });
  ep.getGridChildren.mockResolvedValue({ items: [GRIDS.u1, GRIDS.u2], nextCursor: null });
  render(<CarePage />);
  fireEvent.click(await screen.findByTestId('care-new'));
  fireEvent.change(screen.getByTestId('care-name'), { target: { value: '张大爷' } });
  fireEvent.change(screen.getByTestId('care-phone'), { target: { value: '1390418' } });
  fireEvent.click(screen.getByTestId('care-submit'));
  expect((await screen.findByTestId('care-error')).textContent).toBe('请输入正确的手机号或固定电话');
  fireEvent.change(screen.getByTestId('care-phone'), { target: { value: '13904180000' } });
  fireEvent.click(screen.getByTestId('care-submit'));
  expect(screen.getByTestId('care-error').textContent).toBe('请至少选择一项帮扶需求');
  fireEvent.click(screen.getByTestId('care-need-elderly_alone'));
  fireEvent.click(screen.getByTestId('care-need-no_wechat'));
  fireEvent.click(screen.getByTestId('care-submit'));
  expect(screen.getByTestId('care-error').textContent).toBe('请选择居住单元');
  expect(ep.getGridChildren).toHaveBeenCalledWith('b1');
  fireEvent.click(await screen.findByTestId('grid-u2'));
  expect(screen.getByTestId('care-unit').textContent).toContain('阳光小区 › 一片区 › 1号楼 › 2单元');

  px.registerCareRecipient.mockResolvedValueOnce({
    ...elder,
    id: 'cr-1',
    name: '张大爷',
    phone: '13904180000',
    family: [],
  });
  fireEvent.click(screen.getByTestId('care-submit'));
  await waitFor(() =>
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-proxy/pages/care-detail/index?id=cr-1' }),
  );
  expect(px.registerCareRecipient.mock.calls[0][0]).toEqual({
    name: '张大爷',
    unitId: 'u2',
    phone: '13904180000',
    needs: ['elderly_alone', 'no_wechat'],
  });
});

it('a refusal from the server stays on the form', async () => {
  ep.getMe.mockResolvedValue({ ...WORKER, gridIds: ['b1'] });
  px.listCareRecipients.mockResolvedValue({ items: [], nextCursor: null });
  ep.getGridChildren.mockResolvedValue({ items: [GRIDS.u1], nextCursor: null });
  T.__setRouterParams({ register: '1' });
  render(<CarePage />);
  fireEvent.change(await screen.findByTestId('care-name'), { target: { value: '张大爷' } });
  fireEvent.change(screen.getByTestId('care-phone'), { target: { value: '13904180000' } });
  fireEvent.change(screen.getByTestId('care-id'), { target: { value: '21090219450812002x' } });
  fireEvent.click(screen.getByTestId('care-need-disabled'));
  fireEvent.click(await screen.findByTestId('grid-u1'));
  px.registerCareRecipient.mockRejectedValueOnce(
    new ApiError(400, 'VALIDATION_FAILED', '身份证号不正确', [{ path: 'idNumber', message: '身份证号校验位不正确' }]),
  );
  fireEvent.click(screen.getByTestId('care-submit'));
  expect((await screen.findByTestId('care-error')).textContent).toBe('身份证号不正确：身份证号校验位不正确');
  expect(px.registerCareRecipient.mock.calls[0][0].idNumber).toBe('21090219450812002X');
});

it("residents are told 帮扶对象 are the grid worker's", async () => {
  ep.getMe.mockResolvedValue(RESIDENT);
  render(<CarePage />);
  expect((await screen.findByTestId('state-empty')).textContent).toContain('由网格员登记');
  expect(px.listCareRecipients).not.toHaveBeenCalled();
});
