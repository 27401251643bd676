import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as applications from '../../../api/applications';
import { ApiError } from '../../../api/client';
import { application, legalAidForm, service } from '../../../../test/services-fixtures';
import ReviewDetailPage from './index';
import { freshPage } from '../../../../test/signed-in';

jest.mock('../../../api/applications');
const api = jest.mocked(applications);

const form = legalAidForm(['uploads/application/p1.jpg', 'uploads/application/p2.jpg']);
const pending = application({
  version: 1,
  form,
  attachments: [
    { key: 'uploads/application/p1.jpg', url: 'https://s3.local/p1.jpg' },
    { key: 'uploads/application/p2.jpg', url: 'https://s3.local/p2.jpg' },
  ],
  timeline: [
    {
      id: 'e1',
      at: '2025-03-01T01:00:00.000Z',
      actorId: 'resident-demo',
      actorName: '王丽',
      actorRole: 'resident',
      action: 'submit',
      from: null,
      to: 'under_review',
    },
  ],
});

beforeEach(() => {
  freshPage({ id: 'app-1' });
  api.getService.mockResolvedValue(service('legal-aid'));
  api.getApplication.mockResolvedValue(pending);
});

test('shows the form values with their labels and the photos', async () => {
  render(<ReviewDetailPage />);
  expect((await screen.findByTestId('review-applicant')).textContent).toBe('申请人：王丽');
  expect((await screen.findByTestId('value-facts')).textContent).toBe('案情简述公司拖欠工资三个月');
  expect(screen.getByTestId('value-hardship').textContent).toBe('经济状况低收入家庭');
  fireEvent.click(screen.getByTestId('photos-proofs-1'));
  expect(Taro.previewImage).toHaveBeenCalledWith({
    urls: ['https://s3.local/p1.jpg', 'https://s3.local/p2.jpg'],
    current: 'https://s3.local/p2.jpg',
  });
});

test('退回补正 and 不予通过 need a note; the note and version go to the API', async () => {
  render(<ReviewDetailPage />);
  await screen.findByTestId('review-actions');
  fireEvent.click(screen.getByTestId('review-return'));
  expect(screen.getByTestId('review-note-error').textContent).toBe('请写明需要补正的内容');
  fireEvent.click(screen.getByTestId('review-reject'));
  expect(screen.getByTestId('review-note-error').textContent).toBe('请填写不予通过的原因');
  expect(api.reviewApplication).not.toHaveBeenCalled();

  fireEvent.change(screen.getByTestId('review-note'), { target: { value: '  请补充劳动合同照片 ' } });
  expect(screen.queryByTestId('review-note-error')).toBeNull();
  api.reviewApplication.mockResolvedValueOnce({
    ...pending,
    status: 'returned',
    version: 2,
    note: '请补充劳动合同照片',
    timeline: undefined,
    attachments: [],
  });
  api.getApplication.mockResolvedValueOnce({ ...pending, status: 'returned', version: 2, note: '请补充劳动合同照片' });
  await act(async () => {
    fireEvent.click(screen.getByTestId('review-return'));
  });
  expect(api.reviewApplication).toHaveBeenCalledWith('app-1', 'return', { note: '请补充劳动合同照片', version: 1 });
  expect((await screen.findByTestId('review-status')).textContent).toBe('待补正');
  expect(screen.getByTestId('review-done').textContent).toBe('当前状态：待补正（请补充劳动合同照片）');
  expect(screen.queryByTestId('review-actions')).toBeNull();
});

test('审核通过 needs no note and shows the 办件编号', async () => {
  render(<ReviewDetailPage />);
  await screen.findByTestId('review-actions');
  const done = {
    ...pending,
    status: 'completed' as const,
    version: 2,
    resultNumber: 'HZ20250301000001',
    completedAt: '2025-03-01T02:00:00.000Z',
  };
  api.reviewApplication.mockResolvedValueOnce(done);
  api.getApplication.mockResolvedValueOnce(done);
  await act(async () => {
    fireEvent.click(screen.getByTestId('review-approve'));
  });
  expect(api.reviewApplication).toHaveBeenCalledWith('app-1', 'approve', { note: undefined, version: 1 });
  expect((await screen.findByTestId('review-number')).textContent).toBe('办件编号：HZ20250301000001');
});

test('a stale version (409) says so and keeps the page', async () => {
  render(<ReviewDetailPage />);
  await screen.findByTestId('review-actions');
  api.reviewApplication.mockRejectedValueOnce(new ApiError(409, 'VERSION_CONFLICT', '数据已被他人修改，请刷新后重试'));
  await act(async () => {
    fireEvent.click(screen.getByTestId('review-approve'));
  });
  expect(screen.getByTestId('review-error').textContent).toContain('数据已被他人修改');
  expect(screen.getByTestId('review-actions')).toBeTruthy();
});
