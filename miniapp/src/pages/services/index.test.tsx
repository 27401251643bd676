import { render, screen } from '@testing-library/react';
import * as endpoints from '../../api/endpoints';
import { ApiError } from '../../api/client';
import ServicesPage from './index';

jest.mock('../../api/endpoints');
const ep = jest.mocked(endpoints);

beforeEach(() => jest.clearAllMocks());

test('lists the services by category', async () => {
  ep.listServices.mockResolvedValue({
    items: [
      { code: 'residence-cert', name: '居住证明', category: '证明开具', onlineDirect: true, promisedDays: 1 },
      { code: 'elder-subsidy', name: '高龄津贴申请', category: '民政服务', onlineDirect: false, promisedDays: 5 },
    ],
    nextCursor: null,
  });
  render(<ServicesPage />);
  expect((await screen.findByTestId('service-residence-cert')).textContent).toContain('网上直办');
  expect(screen.getByTestId('service-elder-subsidy').textContent).toContain('承诺 5 个工作日');
  expect(screen.getByTestId('services-count').textContent).toBe('共 2 项');
});

test('a 404 (route not there yet) reads as 即将上线, not as an error', async () => {
  ep.listServices.mockRejectedValue(new ApiError(404, 'NOT_FOUND', '未找到'));
  render(<ServicesPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toBe('办事服务即将上线，敬请期待');
});

test('other failures show the message with 重试', async () => {
  ep.listServices.mockRejectedValue(new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试'));
  render(<ServicesPage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('网络连接失败');
  expect(screen.getByTestId('state-retry')).toBeTruthy();
});
