import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as applications from '../../../api/applications';
import { ApiError } from '../../../api/client';
import { application, ID_NUMBER, legalAidForm, service } from '../../../../test/services-fixtures';
import ApplicationPage from './index';
import { freshPage } from '../../../../test/signed-in';

jest.mock('../../../api/applications');
jest.mock('../../../api/upload');
const api = jest.mocked(applications);

const T = (m: number) => `2025-03-01T01:${String(m).padStart(2, '0')}:00.000Z`;
const submitted = {
  id: 'e1',
  at: T(0),
  actorId: 'resident-demo',
  actorName: '王丽',
  actorRole: 'resident',
  action: 'submit',
  from: null,
  to: 'under_review' as const,
};
const returned = {
  id: 'e2',
  at: T(30),
  actorId: 'office-demo',
  actorName: '褚静',
  actorRole: 'office',
  action: 'return',
  from: 'under_review' as const,
  to: 'returned' as const,
  note: '请补充证据材料照片',
};

const form = legalAidForm(['uploads/application/p1.jpg']);

beforeEach(() => {
  freshPage({ id: 'app-1' });
  api.getService.mockResolvedValue(service('legal-aid'));
});

test('待补正: the office note, and the fields again with what was sent; 提交补正 sends the change', async () => {
  api.getApplication.mockResolvedValueOnce(
    application({
      status: 'returned',
      version: 2,
      note: '请补充证据材料照片',
      form,
      attachments: [{ key: 'uploads/application/p1.jpg', url: 'https://s3.local/p1.jpg?sig' }],
      timeline: [submitted, returned],
    }),
  );
  render(<ApplicationPage />);
  expect((await screen.findByTestId('app-status')).textContent).toBe('待补正');
  expect(screen.getByTestId('app-note').textContent).toContain('请补充证据材料照片');
  await screen.findByTestId('supplement');
  expect((screen.getByTestId('input-facts') as HTMLTextAreaElement).value).toBe('公司拖欠工资三个月');
  expect((screen.getByTestId('input-idNumber') as HTMLInputElement).value).toBe(ID_NUMBER);
  expect(screen.getByTestId('input-matter').textContent).toContain('劳动报酬、工伤赔偿');
  expect(screen.getByTestId('input-proofs-0').querySelector('img')?.getAttribute('src')).toBe(
    'https://s3.local/p1.jpg?sig',
  );
  expect(screen.getByTestId('app-step-return').textContent).toContain('退回补正');
  expect(screen.getByTestId('app-step-return').textContent).toContain('褚静（便民服务窗口）');

  // a field emptied by mistake is caught before sending
  fireEvent.change(screen.getByTestId('input-facts'), { target: { value: ' ' } });
  fireEvent.click(screen.getByTestId('supplement-submit'));
  expect(screen.getByTestId('error-facts').textContent).toBe('请填写案情简述');
  expect(api.supplementApplication).not.toHaveBeenCalled();

  fireEvent.change(screen.getByTestId('input-facts'), { target: { value: '公司拖欠工资三个月，已补充工资条' } });
  fireEvent.change(screen.getByTestId('supplement-note'), { target: { value: '已补充工资条照片' } });
  api.supplementApplication.mockResolvedValueOnce(application({ status: 'under_review', version: 3 }));
  api.getApplication.mockResolvedValueOnce(
    application({ status: 'under_review', version: 3, form, timeline: [submitted, returned] }),
  );
  await act(async () => {
    fireEvent.click(screen.getByTestId('supplement-submit'));
  });
  expect(api.supplementApplication).toHaveBeenCalledWith('app-1', {
    form: { ...form, facts: '公司拖欠工资三个月，已补充工资条' },
    note: '已补充工资条照片',
    version: 2,
  });
  expect(await screen.findByText('审核中')).toBeTruthy();
  expect(screen.queryByTestId('supplement')).toBeNull();
  expect(screen.getByTestId('value-facts').textContent).toContain('公司拖欠工资三个月');
});

test("补正: the server's field messages go under the fields", async () => {
  api.getApplication.mockResolvedValue(
    application({ status: 'returned', version: 2, note: '身份证号有误', form, attachments: [], timeline: [] }),
  );
  render(<ApplicationPage />);
  await screen.findByTestId('supplement');
  api.supplementApplication.mockRejectedValueOnce(
    new ApiError(400, 'VALIDATION_FAILED', '表单填写有误，请检查后重试', [
      { path: 'form.idNumber', message: '身份证号校验位不正确' },
    ]),
  );
  await act(async () => {
    fireEvent.click(screen.getByTestId('supplement-submit'));
  });
  expect(screen.getByTestId('error-idNumber').textContent).toBe('身份证号校验位不正确');
  expect(screen.getByTestId('supplement-error').textContent).toBe('表单填写有误，请检查后重试');
});

test('已办结: the certificate link, the submitted values and a one-time rating', async () => {
  const done = application({
    status: 'completed',
    version: 3,
    resultNumber: 'HZ20250301000001',
    completedAt: T(50),
    form,
    attachments: [{ key: 'uploads/application/p1.jpg', url: 'https://s3.local/p1.jpg' }],
    timeline: [submitted],
  });
  api.getApplication.mockResolvedValueOnce(done);
  render(<ApplicationPage />);
  expect((await screen.findByTestId('app-number')).textContent).toBe('办件编号：HZ20250301000001');
  fireEvent.click(screen.getByTestId('app-certificate'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-services/pages/result/index?id=app-1' });
  expect((await screen.findByTestId('value-matter')).textContent).toBe('事项类别劳动报酬、工伤赔偿');
  expect(screen.getByTestId('photos-proofs-0').getAttribute('src')).toBe('https://s3.local/p1.jpg');

  fireEvent.click(screen.getByTestId('rating-submit'));
  expect(screen.getByTestId('rating-error').textContent).toBe('请先选择星级');
  fireEvent.click(screen.getByTestId('star-4'));
  expect(screen.getByTestId('rating-name').textContent).toBe('4 星 · 满意');
  fireEvent.change(screen.getByTestId('rating-comment'), { target: { value: '很方便' } });
  api.rateApplication.mockResolvedValueOnce({ ...done, version: 4 });
  api.getApplication.mockResolvedValueOnce({ ...done, version: 4, rating: { stars: 4, comment: '很方便', at: T(55) } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('rating-submit'));
  });
  expect(api.rateApplication).toHaveBeenCalledWith('app-1', 4, '很方便');
  expect((await screen.findByTestId('app-rating')).textContent).toBe('★★★★☆满意很方便');
  expect(screen.queryByTestId('rating-submit')).toBeNull();
});

test('未通过 shows the reason', async () => {
  api.getApplication.mockResolvedValue(
    application({ status: 'rejected', note: '不符合法律援助经济困难标准', form, timeline: [] }),
  );
  render(<ApplicationPage />);
  expect((await screen.findByTestId('app-note')).textContent).toContain('不符合法律援助经济困难标准');
  expect(screen.queryByTestId('rating')).toBeNull();
});
