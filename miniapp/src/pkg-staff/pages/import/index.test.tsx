import { fireEvent, render, screen } from '@testing-library/react';
import * as imports from '../../../api/imports';
import { ApiError } from '../../../api/client';
import type { ImportJob } from '../../../api/imports';
import ImportPage, { percentOf } from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/imports');
const im = jest.mocked(imports);

const counts = (over = {}) => ({ rows: 2, created: 2, updated: 0, unchanged: 0, duplicate: 0, rejected: 0, ...over });
const job = (over: Partial<ImportJob> = {}): ImportJob => ({
  id: 'J1',
  status: 'done',
  fileName: '模板.xlsx',
  kind: 'xlsx',
  size: 7000,
  ownerId: 'community-admin-demo',
  scopeGridId: 'hz-hp-xh',
  progress: { rows: 8, bytesRead: 100, bytesTotal: 100, rowsPerSecond: 40 },
  result: { gridsCreated: 1, sheets: { 网格: counts(), 人口: counts({ created: 1, rejected: 1 }) }, problemsTotal: 1 },
  problems: [
    { sheet: '人口', row: 3, column: '公民身份号码', value: '2107**********1234', problem: '公民身份号码校验位错误' },
  ],
  attempts: 1,
  createdAt: '2026-12-02T01:00:00.000Z',
  updatedAt: '2026-12-02T01:00:05.000Z',
  ...over,
});

beforeEach(() => {
  signedIn();
  im.listImports.mockResolvedValue({ items: [], nextCursor: null });
});

test('no job yet: the empty state and the template link', async () => {
  im.downloadTemplate.mockResolvedValue(undefined);
  render(<ImportPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toMatch(/还没有导入记录/);
  fireEvent.click(screen.getByTestId('imp-template'));
  expect(im.downloadTemplate).toHaveBeenCalled();
});

test('the last job: counts per sheet, the problems with row and column, the report', async () => {
  im.listImports.mockResolvedValue({ items: [job()], nextCursor: null });
  im.downloadReport.mockResolvedValue(undefined);
  render(<ImportPage />);
  expect((await screen.findByTestId('imp-status')).textContent).toBe('已完成');
  expect(screen.getByTestId('imp-count-人口').textContent).toMatch(/新增 1.*未导入 1/);
  const problem = screen.getByTestId('imp-problem').textContent;
  expect(problem).toMatch(/人口 第 3 行 · 公民身份号码 · 2107\*+1234/);
  expect(problem).toMatch(/校验位错误/);
  fireEvent.click(screen.getByTestId('imp-report'));
  expect(im.downloadReport).toHaveBeenCalledWith('J1');
});

test('pick, upload, start, then progress is polled until done', async () => {
  const picked = { name: '人口.csv', size: 300, path: '/tmp/a.csv' };
  im.pickFile.mockResolvedValue(picked);
  im.uploadImport.mockResolvedValue(job({ status: 'uploading', result: undefined, problems: [] }));
  im.startImport.mockResolvedValue(
    job({
      status: 'running',
      result: undefined,
      problems: [],
      progress: { rows: 10, bytesRead: 50, bytesTotal: 200, rowsPerSecond: 10 },
    }),
  );
  im.getImport.mockResolvedValue(job());
  render(<ImportPage />);
  await screen.findByTestId('state-empty');
  fireEvent.click(screen.getByTestId('imp-upload'));
  expect((await screen.findByTestId('imp-status')).textContent).toBe('导入中');
  expect(screen.getByTestId('imp-progress-text').textContent).toMatch(/^25% · 已读 10 行 · 10 行\/秒/);
  expect(im.uploadImport).toHaveBeenCalledWith(picked);
  expect(im.startImport).toHaveBeenCalledWith('J1');
  await screen.findByText('已完成', {}, { timeout: 3000 });
  expect(im.getImport).toHaveBeenCalledWith('J1');
});

test('a failed job shows why and can be started again', async () => {
  im.listImports.mockResolvedValue({
    items: [job({ status: 'failed', result: undefined, problems: [], error: '无法导入：文件是空的' })],
    nextCursor: null,
  });
  im.startImport.mockResolvedValue(job({ status: 'queued', result: undefined, problems: [] }));
  render(<ImportPage />);
  expect((await screen.findByTestId('imp-error')).textContent).toBe('无法导入：文件是空的');
  fireEvent.click(screen.getByTestId('imp-restart'));
  expect((await screen.findByTestId('imp-status')).textContent).toBe('排队中');
  expect(im.startImport).toHaveBeenCalledWith('J1');
});

test('upload errors are shown on the page', async () => {
  im.pickFile.mockResolvedValue({ name: 'a.pdf', size: 10 });
  im.uploadImport.mockRejectedValue(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', '仅支持 .xlsx、.csv 或 .zip 文件'));
  render(<ImportPage />);
  await screen.findByTestId('state-empty');
  fireEvent.click(screen.getByTestId('imp-upload'));
  expect((await screen.findByTestId('imp-page-error')).textContent).toMatch(/仅支持/);
});

test('the bar: bytes read of the total, 100% once done', () => {
  expect(
    percentOf(job({ status: 'running', progress: { rows: 1, bytesRead: 1, bytesTotal: 3, rowsPerSecond: 1 } })),
  ).toBe(33);
  expect(percentOf(job())).toBe(100);
});
