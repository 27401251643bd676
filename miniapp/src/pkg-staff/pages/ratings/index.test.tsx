import { screen, render } from '@testing-library/react';
import * as requests from '../../../api/requests';
import FlaggedRatingsPage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/requests');
const rq = jest.mocked(requests);

beforeEach(() => signedIn());

test('lists flagged ratings with their reasons, and the workers never rated below 5★', async () => {
  rq.listFlaggedRatings.mockResolvedValue({
    items: [
      {
        requestId: 'r1',
        at: '2026-12-02T01:00:00Z',
        stars: 5,
        reasons: ['staff_device', 'burst'],
        communityId: 'xh',
        gridId: 'b1',
        categoryName: '公共设施损坏',
        raterRole: 'resident',
      },
    ],
    nextCursor: null,
  });
  rq.listAllFiveWorkers.mockResolvedValue({
    items: [{ userId: 'w5', name: '钱五', gridId: 'b1', month: '2026-12', rated: 12 }],
    nextCursor: null,
  });
  render(<FlaggedRatingsPage />);
  expect((await screen.findByTestId('flag-reason-r1-staff_device')).textContent).toBe('工作人员设备评价');
  expect(screen.getByTestId('flag-reason-r1-burst').textContent).toBe('同一分钟内集中评价');
  expect((await screen.findByTestId('all-five-w5')).textContent).toBe('钱五 · 12 条五星');
});

test('empty and failed loads say so', async () => {
  rq.listFlaggedRatings.mockResolvedValue({ items: [], nextCursor: null });
  rq.listAllFiveWorkers.mockRejectedValue(new Error('网络连接失败'));
  render(<FlaggedRatingsPage />);
  expect(await screen.findByText('暂无存疑评价')).toBeTruthy();
});
