import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as applications from '../../../api/applications';
import { ApiError } from '../../../api/client';
import { application, service } from '../../../../test/services-fixtures';
import ResultPage from './index';
import { freshPage, taro } from '../../../../test/signed-in';

jest.mock('../../../api/applications');
const api = jest.mocked(applications);

beforeEach(() => {
  freshPage({ id: 'app-1' });
});

test('an online-direct application shows its 办结凭证: service, 办件编号, applicant, completion time', async () => {
  api.getApplication.mockResolvedValue(
    application({
      status: 'completed',
      serviceCode: 'volunteer-registration',
      serviceName: '志愿者注册',
      onlineDirect: true,
      resultNumber: 'HZ20250301ABC123',
      completedAt: '2025-03-01T01:05:00.000Z',
    }),
  );
  render(<ResultPage />);
  expect((await screen.findByTestId('result-status')).textContent).toBe('已办结');
  expect(screen.getByTestId('result-service').textContent).toBe('志愿者注册');
  expect(screen.getByTestId('result-number').textContent).toBe('HZ20250301ABC123');
  expect(screen.getByTestId('result-applicant').textContent).toBe('王丽');
  expect(screen.getByTestId('result-completed-at').textContent).toBe('2025年3月1日 09:05');
  expect(screen.getByTestId('result-way').textContent).toBe('网上直办');
  expect(api.getService).not.toHaveBeenCalled();
  fireEvent.click(screen.getByTestId('result-detail'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-services/pages/application/index?id=app-1' });
  fireEvent.click(screen.getByTestId('result-more'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/services/index' });
});

test('under review: 已提交，承诺 N 个工作日内办结 with the due date', async () => {
  api.getApplication.mockResolvedValue(application());
  api.getService.mockResolvedValue(service('legal-aid'));
  render(<ResultPage />);
  expect((await screen.findByTestId('result-status')).textContent).toBe('已提交');
  expect((await screen.findByText('已提交，承诺 7 个工作日内办结')).getAttribute('data-testid')).toBe('result-promise');
  expect(screen.getByTestId('result-due').textContent).toBe('2025年3月8日前');
  expect(screen.queryByTestId('result-number')).toBeNull();
});

test('a missing application shows the error', async () => {
  api.getApplication.mockRejectedValue(new ApiError(404, 'NOT_FOUND', '办件不存在'));
  render(<ResultPage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('办件不存在');
});

test('opened from a proxy task: 返回代办任务 instead of 继续办事', async () => {
  taro.__setRouterParams({ id: 'app-1', taskId: 'task-7' });
  api.getApplication.mockResolvedValue(
    application({
      status: 'completed',
      resultNumber: 'HZ20250301000001',
      completedAt: '2025-03-01T01:05:00.000Z',
      actedBy: { id: 'agent-demo', name: '陈红', role: 'agent' },
    }),
  );
  render(<ResultPage />);
  expect((await screen.findByTestId('result-acted-by')).textContent).toBe('陈红');
  expect(screen.queryByTestId('result-more')).toBeNull();
  fireEvent.click(screen.getByTestId('result-back-task'));
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-proxy/pages/task/index?id=task-7' });
});
