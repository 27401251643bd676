import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../../api/endpoints';
import * as requests from '../../../api/requests';
import { ApiError } from '../../../api/client';
import { resident } from '../../../../test/fixtures';
import { event, request } from '../../../../test/request-fixtures';
import RequestPage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/requests');
const ep = jest.mocked(endpoints);
const rq = jest.mocked(requests);

const timeline = [
  event('submit'),
  event('accept', {
    id: 'e2',
    at: '2024-03-01T02:00:00.000Z',
    actorName: '赵刚',
    actorRole: 'grid_worker',
    from: 'submitted',
    to: 'accepted',
    note: '明天上门查看',
  }),
  event('resolve', {
    id: 'e3',
    at: '2024-03-01T05:30:00.000Z',
    actorName: '赵刚',
    actorRole: 'grid_worker',
    from: 'accepted',
    to: 'resolved',
    note: '已更换灯泡',
  }),
];

beforeEach(() => {
  signedIn({ id: 'r1' });
  ep.getMe.mockResolvedValue(resident({ id: 'resident-demo' }));
});

test('shows status, level, 办理时限 with 已超期, photos and the timeline newest first', async () => {
  rq.getRequest.mockResolvedValue(
    request({
      status: 'accepted',
      level: 'community',
      overdue: true,
      dueAt: '2024-03-03T01:00:00.000Z',
      attachments: [
        { key: 'uploads/a.jpg', url: 'http://s3/a.jpg?sig' },
        { key: 'uploads/b.jpg', url: 'http://s3/b.jpg?sig' },
      ],
      timeline: timeline.slice(0, 2),
    }),
  );
  render(<RequestPage />);
  expect(screen.getByTestId('state-loading')).toBeTruthy();
  expect((await screen.findByTestId('request-status')).textContent).toBe('已受理');
  expect(rq.getRequest).toHaveBeenCalledWith('r1', { silent: true });
  expect(screen.getByTestId('request-level').textContent).toBe('社区');
  expect(screen.getByTestId('request-due').textContent).toBe('2024-03-03 09:00 已超期');
  expect(screen.getByTestId('request-photos-1').getAttribute('src')).toBe('http://s3/b.jpg?sig');
  fireEvent.click(screen.getByTestId('request-photos-1'));
  expect(Taro.previewImage).toHaveBeenCalledWith({
    urls: ['http://s3/a.jpg?sig', 'http://s3/b.jpg?sig'],
    current: 'http://s3/b.jpg?sig',
  });
  const steps = screen.getByTestId('timeline').children;
  expect(steps[0].textContent).toContain('受理');
  expect(steps[0].textContent).toContain('赵刚（网格员）');
  expect(steps[0].textContent).toContain('明天上门查看');
  expect(steps[1].textContent).toContain('提交诉求');
  expect(screen.queryByTestId('rating-form')).toBeNull();
});

test('the reporter rates a resolved request; a low rating says a call-back will come', async () => {
  const resolved = request({ status: 'resolved', dueAt: null, version: 3, timeline });
  const rated = {
    ...resolved,
    status: 'closed' as const,
    version: 4,
    rating: { stars: 2, comment: '灯又坏了', at: '2024-03-02T01:00:00.000Z' },
  };
  rq.getRequest.mockResolvedValueOnce(resolved).mockResolvedValue({
    ...rated,
    timeline: [
      ...timeline,
      event('rate', { id: 'e4', at: '2024-03-02T01:00:00.000Z', from: 'resolved', to: 'closed', note: '灯又坏了' }),
    ],
  });
  rq.rateRequest.mockResolvedValue(rated);
  render(<RequestPage />);
  await screen.findByTestId('rating-form');
  await act(async () => {
    fireEvent.click(screen.getByTestId('rating-submit'));
  });
  expect(screen.getByRole('alert').textContent).toBe('请点选星级');
  expect(rq.rateRequest).not.toHaveBeenCalled();

  fireEvent.click(screen.getByTestId('star-2'));
  expect(screen.getByTestId('rating-name').textContent).toBe('不满意');
  fireEvent.change(screen.getByTestId('rating-comment'), { target: { value: ' 灯又坏了 ' } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('rating-submit'));
  });
  expect(rq.rateRequest).toHaveBeenCalledWith('r1', 2, '灯又坏了');
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '感谢评价，社区将尽快回访', icon: 'none' });
  expect(screen.queryByTestId('rating-form')).toBeNull();
  expect(screen.getByTestId('rating-view').textContent).toContain('不满意');
  expect(screen.getByTestId('request-status').textContent).toBe('已结案');
  expect(await screen.findByTestId('step-rate')).toBeTruthy();
});

test('someone else (a neighbour who joined) cannot rate; a rated request shows its rating', async () => {
  rq.getRequest.mockResolvedValue(request({ status: 'resolved', reporterId: 'someone-else', joinCount: 1 }));
  const view = render(<RequestPage />);
  expect((await screen.findByTestId('request-joins')).textContent).toBe('1 位邻居');
  expect(screen.queryByTestId('rating-form')).toBeNull();
  view.unmount();

  rq.getRequest.mockResolvedValue(request({ status: 'closed', rating: { stars: 5, at: '2024-03-02T01:00:00.000Z' } }));
  render(<RequestPage />);
  expect((await screen.findByTestId('rating-view')).textContent).toContain('★★★★★非常满意');
  expect(screen.getByText('我的评价')).toBeTruthy();
});

test('a request that is not there (or not mine) reads as an error with 重试', async () => {
  rq.getRequest.mockRejectedValue(new ApiError(404, 'NOT_FOUND', '诉求不存在'));
  render(<RequestPage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('诉求不存在');
});

test('the reporter is told when content security hides her words, with the reason; pending says so too', async () => {
  rq.getRequest.mockResolvedValue(
    request({ reporterId: 'resident-demo', moderation: { text: 'risky', media: 'pass', reason: '含有违规内容' } }),
  );
  render(<RequestPage />);
  expect((await screen.findByTestId('moderation-notice')).textContent).toBe(
    '内容未通过安全审核，仅您和办理人员可见：含有违规内容',
  );
});

test('readers other than the reporter get no moderation notice', async () => {
  rq.getRequest.mockResolvedValue(
    request({ reporterId: 'someone-else', moderation: { text: 'risky', media: 'pass' } }),
  );
  render(<RequestPage />);
  await screen.findByTestId('request-status');
  expect(screen.queryByTestId('moderation-notice')).toBeNull();
});
