import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../../api/endpoints';
import * as proxy from '../../../api/proxy';
import { RESIDENT, WORKER } from '../../__fixtures__/tasks';
import CareDetailPage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/proxy');
const ep = jest.mocked(endpoints);
const px = jest.mocked(proxy);

const care = (family: proxy.CareRecipient['family']): proxy.CareRecipient => ({
  id: 'resident-elder',
  name: '刘淑珍',
  unitId: 'u2',
  unitName: '阳光小区 一片区 1号楼 2单元',
  phone: '13841871234',
  needs: ['elderly_alone'],
  note: '78 岁独居，行动不便',
  registeredBy: 'worker-demo',
  family,
  createdAt: '2025-03-01T00:00:00.000Z',
  version: 1,
});

beforeEach(() => {
  signedIn({ id: 'resident-elder' });
});

it('the grid worker confirms a family link and starts a task for the elder', async () => {
  ep.getMe.mockResolvedValue(WORKER);
  px.getCareRecipient.mockResolvedValueOnce(care([{ userId: 'resident-demo', name: '王丽', status: 'pending' }]));
  render(<CareDetailPage />);
  expect((await screen.findByTestId('care-detail-name')).textContent).toBe('刘淑珍');
  expect(screen.getByTestId('care-detail-code').textContent).toBe('resident-elder');
  expect(screen.getByText('独居老人')).toBeTruthy();

  px.confirmFamilyLink.mockResolvedValueOnce({
    recipientId: 'resident-elder',
    userId: 'resident-demo',
    status: 'confirmed',
  });
  px.getCareRecipient.mockResolvedValueOnce(care([{ userId: 'resident-demo', name: '王丽', status: 'confirmed' }]));
  fireEvent.click(screen.getByTestId('family-confirm-resident-demo'));
  await waitFor(() => expect(screen.getByTestId('family-resident-demo').textContent).toContain('已确认'));
  expect(px.confirmFamilyLink).toHaveBeenCalledWith('resident-elder', 'resident-demo');

  fireEvent.click(screen.getByTestId('care-detail-request'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: `/pkg-proxy/pages/request/index?recipientId=resident-elder&recipientName=${encodeURIComponent('刘淑珍')}`,
  });
});

it('a confirmed relative reads it but cannot confirm links or start a witnessed task', async () => {
  ep.getMe.mockResolvedValue(RESIDENT);
  px.getCareRecipient.mockResolvedValueOnce(
    care([
      { userId: 'resident-demo', name: '王丽', status: 'confirmed' },
      { userId: 'x', name: '刘强', status: 'pending' },
    ]),
  );
  render(<CareDetailPage />);
  expect((await screen.findByTestId('family-x')).textContent).toContain('待网格员确认');
  expect(screen.queryByTestId('family-confirm-x')).toBeNull();
  expect(screen.queryByTestId('care-detail-request')).toBeNull();
});
