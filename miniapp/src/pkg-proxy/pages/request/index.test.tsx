import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../../api/endpoints';
import * as proxy from '../../../api/proxy';
import { ApiError } from '../../../api/client';
import { RESIDENT, STREET, WORKER, task } from '../../__fixtures__/tasks';
import RequestPage from './index';
import { signedIn, taro as T } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
jest.mock('../../../api/proxy');
const ep = jest.mocked(endpoints);
const px = jest.mocked(proxy);

const SERVICES = [
  { code: 'residence-certificate', name: '居住证明', category: '证明开具', onlineDirect: true },
  { code: 'elderly-meal-service', name: '老年助餐服务登记', category: '养老服务', onlineDirect: true, hot: true },
];

beforeEach(() => {
  signedIn();
  ep.listServices.mockResolvedValue({ items: SERVICES as never, nextCursor: null });
  px.listCareRecipients.mockResolvedValue({
    items: [
      {
        id: 'resident-elder',
        name: '刘淑珍',
        unitName: '阳光小区 一片区 1号楼 2单元',
        unitId: 'u2',
        needs: ['elderly_alone'],
        registeredBy: 'worker-demo',
        createdAt: '',
        version: 1,
      },
    ],
    nextCursor: null,
  });
});

const consent = (m: string) => screen.getByTestId(`consent-${m}`);

it('a grid worker picks a 帮扶对象: only 本人签字（网格员见证） fits; the others are greyed out with the reason', async () => {
  ep.getMe.mockResolvedValue(WORKER);
  render(<RequestPage />);
  // before a recipient: no method is chosen
  await screen.findByTestId('recipient-resident-elder');
  expect(['in_app', 'witnessed_signature', 'family'].map((m) => consent(m).getAttribute('aria-checked'))).toEqual([
    'false',
    'false',
    'false',
  ]);
  expect(screen.queryByTestId('consent-given')).toBeNull();

  fireEvent.click(screen.getByTestId('recipient-resident-elder'));
  expect(consent('witnessed_signature').getAttribute('aria-checked')).toBe('true');
  expect(consent('in_app').getAttribute('aria-disabled')).toBe('true');
  expect(consent('in_app').textContent).toContain('只能由本人申请时使用');
  expect(consent('family').textContent).toContain('只能由已确认的家属为亲属申请时使用');
  expect(consent('witnessed_signature').textContent).toContain('网格员当面见证');
  expect(screen.getByTestId('consent-given').textContent).toContain('刘淑珍已在授权书上签字');
});

it('no consent, no task: the checkbox must be ticked; then it is sent with witnessed consent and opens the task', async () => {
  ep.getMe.mockResolvedValue(WORKER);
  T.__setRouterParams({ recipientId: 'resident-elder', recipientName: encodeURIComponent('刘淑珍') });
  render(<RequestPage />);
  await screen.findByTestId('recipient-resident-elder');
  expect(screen.getByTestId('recipient-resident-elder').getAttribute('aria-checked')).toBe('true'); // from 帮扶对象详情

  fireEvent.click(screen.getByTestId('kind-service'));
  fireEvent.click(await screen.findByTestId('service-elderly-meal-service'));
  expect(screen.getByTestId('service-chosen').textContent).toContain('老年助餐服务登记');
  fireEvent.change(screen.getByTestId('request-desc'), { target: { value: '老人行动不便，请代为登记助餐' } });
  fireEvent.click(screen.getByTestId('request-submit'));
  expect((await screen.findByTestId('request-error')).textContent).toBe('请先确认已取得本人授权');
  expect(px.createProxyTask).not.toHaveBeenCalled();

  fireEvent.click(screen.getByTestId('consent-given'));
  fireEvent.change(screen.getByTestId('consent-note'), { target: { value: '本人签字，网格员见证' } });
  fireEvent.click(screen.getByTestId('deadline-24'));
  px.createProxyTask.mockResolvedValueOnce(task({ id: 'NEW' }));
  fireEvent.click(screen.getByTestId('request-submit'));
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-proxy/pages/task/index?id=NEW' }));
  const [body, key] = px.createProxyTask.mock.calls[0];
  expect(body).toMatchObject({
    recipientId: 'resident-elder',
    kind: 'service',
    serviceCode: 'elderly-meal-service',
    description: '老人行动不便，请代为登记助餐',
    consent: { given: true, method: 'witnessed_signature', note: '本人签字，网格员见证' },
  });
  expect(Date.parse(body.deadline!) - Date.now()).toBeGreaterThan(23 * 3600_000);
  expect(Date.parse(body.deadline!) - Date.now()).toBeLessThan(25 * 3600_000);
  expect(key).toMatch(/\w+-\w+-\w+/);
});

it('a resident for herself: 本人在小程序内授权', async () => {
  ep.getMe.mockResolvedValue(RESIDENT);
  render(<RequestPage />);
  fireEvent.click(await screen.findByTestId('recipient-self'));
  expect(consent('in_app').getAttribute('aria-checked')).toBe('true');
  expect(consent('witnessed_signature').getAttribute('aria-disabled')).toBe('true');
  fireEvent.click(screen.getByTestId('errand-代买药品'));
  expect((screen.getByTestId('request-desc') as HTMLTextAreaElement).value).toBe('代买药品');
  fireEvent.click(screen.getByTestId('consent-given'));
  px.createProxyTask.mockResolvedValueOnce(task({ id: 'OWN' }));
  fireEvent.click(screen.getByTestId('request-submit'));
  await waitFor(() => expect(px.createProxyTask).toHaveBeenCalled());
  expect(px.createProxyTask.mock.calls[0][0]).toMatchObject({
    recipientId: 'resident-demo',
    kind: 'errand',
    consent: { given: true, method: 'in_app' },
  });
  expect(px.createProxyTask.mock.calls[0][0]).not.toHaveProperty('serviceCode');
});

it('a resident adds a relative by code: unconfirmed → a family-link request; confirmed → 家属授权', async () => {
  ep.getMe.mockResolvedValue(RESIDENT);
  px.getCareRecipient.mockRejectedValueOnce(new ApiError(404, 'NOT_FOUND', '帮扶对象不存在'));
  px.requestFamilyLink.mockResolvedValueOnce({ recipientId: 'cr-1', userId: 'resident-demo', status: 'pending' });
  render(<RequestPage />);
  fireEvent.change(await screen.findByTestId('family-code'), { target: { value: 'cr-1' } });
  fireEvent.click(screen.getByTestId('family-check'));
  expect((await screen.findByTestId('family-message')).textContent).toContain('网格员确认后');
  expect(px.requestFamilyLink).toHaveBeenCalledWith('cr-1');
  expect(screen.getByTestId('recipient-cr-1').textContent).toContain('待网格员确认');

  // the grid worker confirmed: tapping the pending row checks again and picks it
  px.getCareRecipient.mockResolvedValueOnce({ id: 'cr-1', name: '张大爷' } as never);
  fireEvent.click(screen.getByTestId('recipient-cr-1'));
  await waitFor(() => expect(screen.getByTestId('recipient-cr-1').getAttribute('aria-checked')).toBe('true'));
  expect(screen.getByTestId('recipient-cr-1').textContent).toContain('张大爷');
  expect(consent('family').getAttribute('aria-checked')).toBe('true');
  expect(consent('in_app').getAttribute('aria-disabled')).toBe('true');
});

it("the server's refusal is shown with its detail", async () => {
  ep.getMe.mockResolvedValue(RESIDENT);
  render(<RequestPage />);
  fireEvent.click(await screen.findByTestId('recipient-self'));
  fireEvent.change(screen.getByTestId('request-desc'), { target: { value: '代缴本月水电费' } });
  fireEvent.click(screen.getByTestId('consent-given'));
  px.createProxyTask.mockRejectedValueOnce(
    new ApiError(400, 'VALIDATION_FAILED', '授权方式与提出人不符', [
      { path: 'consent.method', message: '本人授权须本人提出' },
    ]),
  );
  fireEvent.click(screen.getByTestId('request-submit'));
  expect((await screen.findByTestId('request-error')).textContent).toBe('授权方式与提出人不符：本人授权须本人提出');
});

it('a street admin cannot ask for a proxy task', async () => {
  ep.getMe.mockResolvedValue(STREET);
  render(<RequestPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toContain('不能申请代办');
  expect(screen.queryByTestId('request-submit')).toBeNull();
});
