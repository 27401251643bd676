import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as endpoints from '../../../api/endpoints';
import * as proxy from '../../../api/proxy';
import { me, WORKER } from '../../__fixtures__/tasks';
import ApprovalsPage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/proxy');
const ep = jest.mocked(endpoints);
const px = jest.mocked(proxy);

beforeEach(() => signedIn());

it('community staff approve an application', async () => {
  ep.getMe.mockResolvedValue(me('community-admin-demo', 'community_admin', '孙主任', { gridIds: ['hz-hp-xh'] }));
  px.listAgentApplications.mockResolvedValue({
    items: [
      {
        userId: 'resident-demo',
        name: '王丽',
        partyMember: true,
        reason: '党员，愿意为社区老人服务',
        status: 'pending',
        createdAt: '2025-03-01T00:00:00.000Z',
      },
    ],
    nextCursor: null,
  });
  px.approveAgent.mockResolvedValueOnce({
    id: 'resident-demo',
    name: '王丽',
    communityIds: ['hz-hp-xh'],
    tasksDone: 0,
    averageRating: null,
    ratings: 0,
  });
  render(<ApprovalsPage />);
  const card = await screen.findByTestId('approval-resident-demo');
  expect(card.textContent).toContain('党员');
  expect(card.textContent).toContain('愿意为社区老人服务');
  fireEvent.click(screen.getByTestId('approve-resident-demo'));
  expect(await screen.findByTestId('approval-done-resident-demo')).toBeTruthy();
  expect(px.approveAgent).toHaveBeenCalledWith('resident-demo');
});

it('a grid worker is not an approver', async () => {
  ep.getMe.mockResolvedValue(WORKER);
  render(<ApprovalsPage />);
  await waitFor(() => expect(screen.getByTestId('state-empty').textContent).toContain('社区工作人员'));
  expect(px.listAgentApplications).not.toHaveBeenCalled();
});
