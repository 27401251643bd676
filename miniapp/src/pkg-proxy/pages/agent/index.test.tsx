import { render, screen } from '@testing-library/react';
import * as endpoints from '../../../api/endpoints';
import * as proxy from '../../../api/proxy';
import { AGENT, RESIDENT } from '../../__fixtures__/tasks';
import AgentPage from './index';
import { signedIn, taro as T } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/proxy');
const ep = jest.mocked(endpoints);
const px = jest.mocked(proxy);

beforeEach(() => {
  signedIn();
  px.getAgentProfile.mockResolvedValue({
    id: 'agent-demo',
    name: '陈红',
    communityIds: ['hz-hp-xh'],
    tasksDone: 12,
    averageRating: 4.75,
    ratings: 8,
  });
});

it("the agent's own profile: 代办人次, 平均评分, and the way to the hall", async () => {
  ep.getMe.mockResolvedValue(AGENT);
  render(<AgentPage />);
  expect((await screen.findByTestId('agent-done')).textContent).toBe('12');
  expect(screen.getByTestId('agent-rating').textContent).toBe('4.8');
  expect(screen.getByTestId('agent-ratings').textContent).toBe('8');
  expect(px.getAgentProfile).toHaveBeenCalledWith('agent-demo');
  expect(screen.getByTestId('agent-hall')).toBeTruthy();
});

it("someone else's profile (from a task) without the agent's buttons; no rating yet shows —", async () => {
  T.__setRouterParams({ id: 'agent-demo' });
  ep.getMe.mockResolvedValue(RESIDENT);
  px.getAgentProfile.mockResolvedValueOnce({
    id: 'agent-demo',
    name: '陈红',
    communityIds: [],
    tasksDone: 0,
    averageRating: null,
    ratings: 0,
  });
  render(<AgentPage />);
  expect((await screen.findByTestId('agent-rating')).textContent).toBe('—');
  expect(screen.queryByTestId('agent-hall')).toBeNull();
});
