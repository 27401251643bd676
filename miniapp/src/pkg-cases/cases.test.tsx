import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../api/endpoints';
import * as requests from '../api/requests';
import { ApiError } from '../api/client';
import { GRIDS, childrenOf, resident, worker } from '../../test/fixtures';
import { caseLinks } from '../components/CaseLinks';
import * as cases from './api';
import type { Dispute, Petition } from './api';
import CasesHome from './pages/index';
import NewDisputePage from './pages/dispute-new';
import DisputePage from './pages/dispute';
import AgreementPage from './pages/agreement';
import PetitionPage from './pages/petition';
import CaseStatsPage from './pages/stats';
import { signedIn, taro } from '../../test/signed-in';

jest.mock('../api/endpoints');
jest.mock('../api/requests');
jest.mock('./api');
const ep = jest.mocked(endpoints);
const rq = jest.mocked(requests);
const api = jest.mocked(cases);

const NOW = '2026-03-02T02:00:00.000Z';
const actor = { id: 'worker-demo', name: '赵刚', role: 'grid_worker' };
const base = {
  version: 2,
  createdAt: NOW,
  updatedAt: NOW,
  unitId: 'u1',
  unitName: '阳光小区 一片区 1号楼 1单元',
  gridPath: ['hz', 'hp', 'xs', 'yg', 'a1', 'b1', 'u1'],
  level: 'grid' as const,
  registeredBy: actor,
  attachments: [],
};
const dispute = (over: Partial<Dispute> = {}): Dispute => ({
  ...base,
  id: 'd1',
  status: 'mediating',
  kind: 'neighbor',
  facts: '楼上卫生间漏水至楼下，双方多次沟通未果',
  parties: [
    { role: 'applicant', userId: 'resident-demo', name: '王丽', contact: '13904181234', masked: false },
    { role: 'respondent', name: '李强', contact: '13912345678', masked: false },
  ],
  sessions: [
    {
      id: 's1',
      date: '2026-03-01',
      place: '网格议事点',
      participants: ['王丽', '李强'],
      notes: '初步沟通',
      by: actor,
      level: 'grid',
      at: NOW,
    },
  ],
  timeline: [
    {
      id: 'e1',
      at: NOW,
      actorId: 'worker-demo',
      actorName: '赵刚',
      actorRole: 'grid_worker',
      action: 'register',
      from: null,
      to: 'registered',
      level: 'grid',
    },
  ],
  ...over,
});
const petition = (over: Partial<Petition> = {}): Petition => ({
  ...base,
  id: 'p1',
  status: 'handling',
  subject: '小区停车位被长期占用',
  content: '公共车位被地锁占用',
  channel: 'visit',
  source: 'first_visit',
  petitioner: { name: '周大海', contact: '13655556666', masked: false },
  dueAt: NOW,
  overdue: false,
  escalations: 0,
  timeline: [],
  ...over,
});

const tap = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

beforeEach(() => {
  signedIn();
  ep.getMe.mockResolvedValue(worker());
  ep.getGrid.mockImplementation(async (id) => GRIDS[id]);
  ep.getGridChildren.mockImplementation(async (id) => ({ items: childrenOf(id), nextCursor: null }));
  rq.listRequests.mockResolvedValue({ items: [], nextCursor: null });
});

test('我的: staff get the worklist and the figures; residents and agents their own cases; others nothing', () => {
  expect(caseLinks(worker()).map((l) => l.id)).toEqual(['cases', 'cases-stats']);
  expect(caseLinks(resident()).map((l) => l.title)).toEqual(['我的纠纷与信访']);
  expect(caseLinks(resident({ role: 'office' }))).toEqual([]);
});

test('the worklist: disputes of the grid with masked parties, 邻里纠纷 requests to open as disputes; petitions with key flags', async () => {
  api.listCases.mockImplementation(
    async (kind: string) =>
      (kind === 'dispute'
        ? {
            items: [
              dispute({
                parties: [
                  { role: 'applicant', name: '王*', masked: true },
                  { role: 'respondent', name: '李*', masked: true },
                ],
              }),
            ],
            nextCursor: null,
          }
        : {
            items: [petition({ keyCase: { kind: 'backlog', leaderName: '郑伟', by: actor, at: NOW } })],
            nextCursor: null,
          }) as never,
  );
  rq.listRequests.mockResolvedValue({
    items: [
      {
        id: 'r1',
        category: 'neighbor-dispute',
        status: 'accepted',
        description: '楼上漏水',
        reporterName: '王丽',
        unitName: '1单元',
      } as never,
    ],
    nextCursor: null,
  });
  render(<CasesHome />);
  expect((await screen.findByTestId('dispute-d1')).textContent).toContain('王* 与 李*');
  expect(api.listCases).toHaveBeenCalledWith('dispute', 'inbox', null, { silent: true });
  await tap('from-request-r1');
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-cases/pages/dispute-new/index?fromRequestId=r1' });
  await tap('tab-petition');
  expect((await screen.findByTestId('petition-p1')).textContent).toContain('信访积案');
  await tap('new-case');
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pkg-cases/pages/petition-new/index' });
});

test('a resident sees the cases they are party to, without staff buttons', async () => {
  ep.getMe.mockResolvedValue(resident());
  api.listCases.mockResolvedValue({ items: [dispute()], nextCursor: null } as never);
  render(<CasesHome />);
  await screen.findByTestId('dispute-d1');
  expect(api.listCases).toHaveBeenCalledWith('dispute', 'mine', null, { silent: true });
  expect(screen.queryByTestId('new-case')).toBeNull();
  expect(screen.getByText('我参与的纠纷')).toBeTruthy();
});

test("registering a dispute: type, unit from the tree, parties, facts; the server's field messages show where they belong", async () => {
  api.createDispute.mockRejectedValueOnce(
    new ApiError(400, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', [
      { path: 'parties.1.name', message: '姓名至少 2 个字' },
    ]),
  );
  api.createDispute.mockResolvedValueOnce(dispute({ id: 'new-d' }));
  render(<NewDisputePage />);
  await screen.findByTestId('grid-u1');
  await tap('kind-property');
  await tap('grid-u1');
  expect(screen.getByTestId('unit-picked').textContent).toContain('1单元');
  type('party-0-name', '张桂芬');
  type('party-0-contact', '13800001111');
  type('facts', '物业费收费标准争议，业主拒交物业费');
  await tap('dispute-submit');
  expect(screen.getByTestId('party-1-name-error').textContent).toBe('姓名至少 2 个字');
  type('party-1-name', '幸福物业');
  await tap('dispute-submit');
  const [body, key] = api.createDispute.mock.calls[1];
  expect(body).toEqual({
    kind: 'property',
    facts: '物业费收费标准争议，业主拒交物业费',
    unitId: 'u1',
    parties: [
      { role: 'applicant', name: '张桂芬', contact: '13800001111' },
      { role: 'respondent', name: '幸福物业' },
    ],
  });
  expect(key).toBe(api.createDispute.mock.calls[0][1]); // the same user action keeps its Idempotency-Key
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-cases/pages/dispute/index?id=new-d' });
});

test('a dispute: parties, sessions; the worker records a session and reaches an agreement with the version read', async () => {
  taro.__setRouterParams({ id: 'd1' });
  api.getDispute.mockResolvedValue(dispute());
  api.actOnDispute.mockResolvedValue(dispute({ status: 'agreed' }));
  render(<DisputePage />);
  expect((await screen.findByTestId('dispute-parties')).textContent).toContain('李强 13912345678');
  expect(screen.getByTestId('dispute-sessions').textContent).toContain('网格议事点');
  await tap('move-session');
  type('f-place', '1号楼网格议事点');
  type('f-notes', '双方同意由楼上修缮防水');
  await tap('move-submit');
  expect(api.actOnDispute).toHaveBeenCalledWith(
    'd1',
    'session',
    expect.objectContaining({
      place: '1号楼网格议事点',
      participants: ['王丽', '李强'],
      notes: '双方同意由楼上修缮防水',
      version: 2,
    }),
  );
  await waitFor(() => expect(api.getDispute).toHaveBeenCalledTimes(2));

  await tap('move-agree');
  type('f-terms', '一、李强十日内修缮卫生间防水；二、费用由李强承担。');
  await tap('f-signed-yes');
  await tap('move-submit');
  expect(api.actOnDispute).toHaveBeenLastCalledWith('d1', 'agree', {
    terms: '一、李强十日内修缮卫生间防水；二、费用由李强承担。',
    signedByAll: true,
    version: 2,
  });
});

test('a party sees the dispute without any move', async () => {
  ep.getMe.mockResolvedValue(resident());
  taro.__setRouterParams({ id: 'd1' });
  api.getDispute.mockResolvedValue(dispute());
  render(<DisputePage />);
  await screen.findByTestId('dispute-parties');
  expect(screen.queryByTestId('dispute-actions')).toBeNull();
});

test('the 调解协议书: number, parties, terms, the committee and the print button', async () => {
  taro.__setRouterParams({ id: 'd1' });
  api.getDispute.mockResolvedValue(
    dispute({
      status: 'agreed',
      mediator: { ...actor, level: 'grid' },
      agreement: {
        number: '海调〔2026〕ABC123号',
        terms: '李强十日内修缮防水',
        performBy: '2026-03-12',
        signedAt: NOW,
        organisation: '新华社区人民调解委员会',
      },
    }),
  );
  render(<AgreementPage />);
  const doc = await screen.findByTestId('agreement');
  expect(doc.textContent).toContain('人民调解协议书');
  expect(doc.textContent).toContain('申请人：王丽');
  expect(doc.textContent).toContain('2026年3月12日前履行完毕');
  expect(screen.getByTestId('agreement-org').textContent).toBe('新华社区人民调解委员会（印）');
  window.print = jest.fn();
  await tap('agreement-print');
  expect(window.print).toHaveBeenCalled();
});

test('a petition: staff reply online or offline; the petitioner rates it; leaders may flag a key case, workers may not', async () => {
  taro.__setRouterParams({ id: 'p1' });
  api.getPetition.mockResolvedValue(petition());
  api.actOnPetition.mockResolvedValue(petition({ status: 'replied' }));
  const { unmount } = render(<PetitionPage />);
  await screen.findByTestId('petition-actions');
  expect(screen.queryByTestId('move-flagKey')).toBeNull();
  await tap('move-reply');
  await tap('f-channel-online');
  type('f-reply', '已协调物业拆除地锁，恢复公共车位');
  await tap('move-submit');
  expect(api.actOnPetition).toHaveBeenCalledWith('p1', 'reply', {
    reply: '已协调物业拆除地锁，恢复公共车位',
    channel: 'online',
    version: 2,
  });
  unmount();

  ep.getMe.mockResolvedValue(worker({ role: 'grid_leader' }));
  const leader = render(<PetitionPage />);
  expect(await screen.findByTestId('move-flagKey')).toBeTruthy();
  leader.unmount();

  ep.getMe.mockResolvedValue(resident());
  api.getPetition.mockResolvedValue(
    petition({
      status: 'replied',
      // the petitioner reads their own petition: their user id comes with it
      petitioner: { userId: 'resident-demo', name: '周大海', masked: false },
      reply: { text: '已恢复车位', channel: 'offline', by: actor, level: 'community', at: NOW },
    }),
  );
  render(<PetitionPage />);
  expect((await screen.findByTestId('petition-reply')).textContent).toContain('社区级');
  await tap('move-rate');
  await tap('f-stars-5');
  await tap('move-submit');
  expect(api.actOnPetition).toHaveBeenLastCalledWith('p1', 'rate', { stars: 5, version: 2 });
});

test('the figures: on the spot vs by the community, by type, first visits settled inside the grid', async () => {
  rq.getGridStats.mockResolvedValue({
    disputes: {
      total: 5,
      open: 1,
      byStatus: {},
      agreed: 3,
      failed: 1,
      agreementRate: 0.75,
      mediatedOnSpot: 2,
      mediatedByCommunity: 1,
      mediatedByStreet: 0,
      escalated: 1,
      sessions: 6,
      byKind: { neighbor: { total: 4, agreed: 3, failed: 0 }, labor: { total: 1, agreed: 0, failed: 1 } },
      referrals: { court: 1 },
    },
    petitions: {
      total: 5,
      open: 2,
      byStatus: {},
      firstVisits: 4,
      forwarded: 1,
      escalated: 1,
      overdue: 0,
      settledByLevel: { grid: 2, community: 1 },
      firstVisitConcluded: 5,
      firstVisitSettledInGrid: 4,
      firstVisitSettledInGridRate: 0.8,
      keyCases: { total: 2, open: 1, closed: 1 },
      byProxy: 1,
      handlingOnline: 3,
      handlingOffline: 5,
      rated: 3,
      averageStars: 4.3,
      satisfiedRate: 1,
    },
  } as never);
  render(<CaseStatsPage />);
  expect((await screen.findByTestId('fig-on-spot')).textContent).toBe('2网格员就地化解');
  expect(screen.getByTestId('fig-in-grid-rate').textContent).toBe('80%初访网格内化解率');
  expect(screen.getByTestId('bar-kind-neighbor').textContent).toContain('3/4');
  expect(screen.getByTestId('bar-settled-community').textContent).toContain('1');
});
