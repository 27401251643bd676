import { render, screen } from '@testing-library/react';
import * as endpoints from '../../../api/endpoints';
import * as requests from '../../../api/requests';
import { ApiError } from '../../../api/client';
import { GRIDS, worker } from '../../../../test/fixtures';
import { CATEGORIES, stats } from '../../../../test/request-fixtures';
import DashboardPage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/requests');
const ep = jest.mocked(endpoints);
const rq = jest.mocked(requests);

beforeEach(() => {
  signedIn();
  ep.getMe.mockResolvedValue(worker({ role: 'community_admin', gridIds: ['xs', 'hp'] }));
  ep.getGrid.mockResolvedValue(GRIDS.xs);
  rq.listCategories.mockResolvedValue({ items: CATEGORIES });
});

test("shows the first grid's figures and bars by status and by category", async () => {
  rq.getGridStats.mockResolvedValue(stats());
  render(<DashboardPage />);
  expect((await screen.findByTestId('dash-grid')).textContent).toBe('西山社区');
  expect(rq.getGridStats).toHaveBeenCalledWith('xs', { silent: true });
  expect(screen.getByTestId('stat-total').textContent).toBe('12诉求总数');
  expect(screen.getByTestId('stat-five-star').textContent).toBe('87.5%五星好评率');
  // satisfaction with and without flagged ratings (ratings you can trust)
  expect(screen.getByTestId('stat-satisfaction').textContent).toBe('100%满意率');
  expect(screen.getByTestId('stat-satisfaction-unflagged').textContent).toBe('100%满意率（剔除存疑评价）');
  expect(screen.getByTestId('stat-flagged').textContent).toBe('2存疑评价');
  expect(screen.getByTestId('stat-avg-stars').textContent).toBe('4.75 星平均评分');
  expect(screen.getByTestId('stat-avg-hours').textContent).toBe('20.5 小时平均办结用时');
  expect(screen.getByTestId('stat-reopened').textContent).toBe('1回访后重办');
  expect(screen.getByTestId('stat-apps-direct-rate').textContent).toBe('90%网上直办率');

  expect(screen.getByTestId('bar-status-closed').textContent).toBe('已结案9');
  expect(screen.queryByTestId('bar-status-rejected')).toBeNull();
  const fill = (id: string) => (screen.getByTestId(id).querySelector('.bars__fill') as HTMLElement).style.width;
  expect(fill('bar-status-closed')).toBe('100%');
  expect(screen.getByTestId('bar-cat-facility').textContent).toBe('公共设施损坏8');
  expect(fill('bar-cat-sanitation')).toBe('50%');
});

test('no ratings yet: dashes, not NaN', async () => {
  rq.getGridStats.mockResolvedValue(
    stats({
      rated: 0,
      averageStars: null,
      fiveStarRate: null,
      averageResolveHours: null,
      byStatus: {},
      byCategory: {},
    }),
  );
  render(<DashboardPage />);
  expect((await screen.findByTestId('stat-five-star')).textContent).toBe('—五星好评率');
  expect(screen.getByTestId('stat-avg-stars').textContent).toBe('—平均评分');
  expect(screen.getAllByText('暂无数据')).toHaveLength(2);
});

test('no grid: an empty state; an error: 重试', async () => {
  ep.getMe.mockResolvedValueOnce(worker({ gridIds: [] }));
  const view = render(<DashboardPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toBe('暂未分配网格，没有统计数据');
  view.unmount();

  rq.getGridStats.mockRejectedValueOnce(new ApiError(403, 'FORBIDDEN', '没有权限进行此操作'));
  render(<DashboardPage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('没有权限');
});
