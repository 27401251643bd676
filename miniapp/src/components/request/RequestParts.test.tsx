import { render, screen } from '@testing-library/react';
import type { RequestResource } from '@gridlink/shared/requests';
import { RequestCard } from './RequestParts';

const base: RequestResource = {
  id: 'r1',
  category: 'facility',
  categoryName: '公共设施',
  status: 'accepted',
  level: 'community',
  dueAt: null,
  overdue: false,
  createdAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-01T02:00:00.000Z',
  version: 2,
  joinCount: 0,
  description: '楼道灯坏了',
} as RequestResource;

it('a request under 挂牌督办 carries the badge in lists; others do not', () => {
  const { rerender } = render(<RequestCard request={base} />);
  expect(screen.queryByTestId('request-supervised')).toBeNull();
  rerender(<RequestCard request={{ ...base, supervised: { at: base.createdAt, byName: '街道管理员' } }} />);
  expect(screen.getByTestId('request-supervised').textContent).toBe('挂牌督办');
});
