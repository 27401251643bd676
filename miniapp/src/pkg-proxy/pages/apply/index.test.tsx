import { fireEvent, render, screen } from '@testing-library/react';
import * as endpoints from '../../../api/endpoints';
import * as proxy from '../../../api/proxy';
import { ApiError } from '../../../api/client';
import { AGENT, RESIDENT } from '../../__fixtures__/tasks';
import ApplyPage from './index';
import { signedIn } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/proxy');
const ep = jest.mocked(endpoints);
const px = jest.mocked(proxy);

beforeEach(() => signedIn());

it('a resident applies: party membership and a reason, then waits for the community', async () => {
  ep.getMe.mockResolvedValue(RESIDENT);
  render(<ApplyPage />);
  fireEvent.click(await screen.findByTestId('apply-submit'));
  expect(screen.getByTestId('apply-error').textContent).toBe('请选择是否为党员');
  fireEvent.click(screen.getByTestId('apply-party-yes'));
  fireEvent.change(screen.getByTestId('apply-reason'), { target: { value: '退休党员，愿意为老人跑腿' } });
  px.applyAsAgent.mockResolvedValueOnce({
    userId: 'resident-demo',
    communityId: 'hz-hp-xh',
    status: 'pending',
    createdAt: '',
  });
  fireEvent.click(screen.getByTestId('apply-submit'));
  expect((await screen.findByTestId('apply-sent')).textContent).toContain('等待社区审核');
  expect(px.applyAsAgent).toHaveBeenCalledWith({ partyMember: true, reason: '退休党员，愿意为老人跑腿' });
});

it("a second application is answered with the server's word", async () => {
  ep.getMe.mockResolvedValue(RESIDENT);
  px.applyAsAgent.mockRejectedValueOnce(new ApiError(409, 'CONFLICT', '已提交过申请，请等待社区审核'));
  render(<ApplyPage />);
  fireEvent.click(await screen.findByTestId('apply-party-no'));
  fireEvent.change(screen.getByTestId('apply-reason'), { target: { value: '热心居民愿意帮忙' } });
  fireEvent.click(screen.getByTestId('apply-submit'));
  expect((await screen.findByTestId('apply-sent')).textContent).toContain('已提交过申请');
});

it('an agent already is one', async () => {
  ep.getMe.mockResolvedValue(AGENT);
  render(<ApplyPage />);
  expect((await screen.findByTestId('apply-already')).textContent).toContain('您已经是红色代办员');
});
