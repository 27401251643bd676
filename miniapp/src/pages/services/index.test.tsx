import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as endpoints from '../../api/endpoints';
import { ApiError } from '../../api/client';
import { SERVICES } from '@gridlink/shared/services-catalog';
import { rememberService } from '../../lib/recent';
import { signInAs } from '../../../test/services-fixtures';
import ServicesPage from './index';
import { freshPage } from '../../../test/signed-in';

jest.mock('../../api/endpoints');
const ep = jest.mocked(endpoints);

beforeEach(() => {
  freshPage();
  ep.listServices.mockResolvedValue({ items: SERVICES, nextCursor: null });
});

const tiles = () => screen.queryAllByTestId(/^service-/).filter((el) => el.getAttribute('role') === 'button');

test('shows the 41 services as one-tap tiles with 网上直办 and the promised days; a tap opens the service', async () => {
  render(<ServicesPage />);
  const tile = await screen.findByTestId('service-residence-certificate');
  expect(tile.textContent).toContain('居住证明');
  expect(tile.textContent).toContain('网上直办');
  expect(tile.textContent).toContain('当日办结');
  expect(screen.getByTestId('service-minimum-living-allowance').textContent).toContain('承诺 30 个工作日');
  expect(screen.getByTestId('service-minimum-living-allowance').textContent).not.toContain('网上直办');
  expect(screen.getByTestId('services-count').textContent).toBe('全部事项：共 41 项');
  expect(tiles()).toHaveLength(41);
  fireEvent.click(tile);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-services/pages/service/index?code=residence-certificate' });
});

test('热门 lists the hot services; 最近使用 the ones this user opened last, newest first', async () => {
  signInAs('resident-demo');
  rememberService('legal-aid');
  rememberService('volunteer-registration');
  rememberService('legal-aid'); // opened again: moves to the front
  rememberService('heating-subsidy', 'someone-else');
  render(<ServicesPage />);
  const hot = await screen.findByTestId('services-hot');
  const hotCodes = SERVICES.filter((s) => s.hot).map((s) => s.name);
  expect(hotCodes.length).toBeGreaterThan(3);
  for (const name of hotCodes) expect(hot.textContent).toContain(name);
  const recent = within(screen.getByTestId('services-recent')).getAllByRole('button');
  expect(recent.map((el) => el.getAttribute('data-testid'))).toEqual([
    'recent-legal-aid',
    'recent-volunteer-registration',
  ]);
  fireEvent.click(recent[1]);
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/pkg-services/pages/service/index?code=volunteer-registration',
  });
});

test('no 最近使用 for a user who has opened nothing', async () => {
  signInAs('office-demo');
  rememberService('legal-aid', 'resident-demo');
  render(<ServicesPage />);
  await screen.findByTestId('services-hot');
  expect(screen.queryByTestId('services-recent')).toBeNull();
});

test('the search box filters by name, description and materials; 清除 shows everything again', async () => {
  render(<ServicesPage />);
  const search = await screen.findByTestId('services-search');
  fireEvent.change(search, { target: { value: '低保' } });
  const names = tiles().map((el) => el.getAttribute('data-testid'));
  expect(names).toContain('service-minimum-living-allowance');
  expect(names).not.toContain('service-residence-certificate');
  expect(names.length).toBe(
    SERVICES.filter((s) => [s.name, s.category, s.description, ...s.materials].join(' ').includes('低保')).length,
  );
  expect(screen.getByTestId('services-count').textContent).toBe(`搜索结果：共 ${names.length} 项`);
  // while searching, 热门 and 最近使用 step aside
  expect(screen.queryByTestId('services-hot')).toBeNull();

  fireEvent.change(search, { target: { value: '残疾 补贴' } }); // every word must match
  expect(tiles().map((el) => el.getAttribute('data-testid'))).toEqual([
    'service-disability-two-subsidies',
    'service-assistive-devices',
  ]);

  fireEvent.change(search, { target: { value: '居住证' } }); // names first
  expect(
    tiles()
      .map((el) => el.getAttribute('data-testid'))
      .slice(0, 2),
  ).toEqual(['service-residence-certificate', 'service-residence-permit']);

  fireEvent.change(search, { target: { value: '火星移民' } });
  expect(screen.getByTestId('services-count').textContent).toBe('搜索结果：共 0 项');
  expect(screen.getByText('没有找到相关事项，换个说法试试')).toBeTruthy();

  fireEvent.click(screen.getByTestId('services-search-clear'));
  expect(tiles()).toHaveLength(41);
});

test('category chips filter, together with the search', async () => {
  render(<ServicesPage />);
  fireEvent.click(await screen.findByTestId('category-养老服务'));
  expect(screen.getByTestId('category-养老服务').getAttribute('aria-selected')).toBe('true');
  const elder = SERVICES.filter((s) => s.category === '养老服务');
  expect(tiles().map((el) => el.getAttribute('data-testid'))).toEqual(elder.map((s) => `service-${s.code}`));
  expect(screen.getByTestId('services-count').textContent).toBe(`养老服务：共 ${elder.length} 项`);

  fireEvent.change(screen.getByTestId('services-search'), { target: { value: '津贴' } });
  expect(tiles().map((el) => el.getAttribute('data-testid'))).toEqual(['service-old-age-allowance']);

  fireEvent.click(screen.getByTestId('category-全部'));
  expect(tiles().length).toBe(
    SERVICES.filter((s) => [s.name, s.category, s.description, ...s.materials].join(' ').includes('津贴')).length,
  );
});

test('长辈版: the switch enlarges the page at once and is remembered for this user only', async () => {
  signInAs('resident-elder');
  const { container, unmount } = render(<ServicesPage />);
  await screen.findByTestId('service-residence-certificate');
  const root = container.firstElementChild as HTMLElement;
  expect(root.className).not.toContain('elder');
  const sw = screen.getByTestId('services-elder');
  expect(sw.getAttribute('aria-checked')).toBe('false');
  expect(sw.textContent).toContain('已关闭');

  fireEvent.click(sw);
  expect(root.className.split(' ')).toContain('elder');
  expect(sw.getAttribute('aria-checked')).toBe('true');
  expect(sw.textContent).toContain('已开启');
  expect(Taro.getStorageSync('gridlink.elder.resident-elder')).toBe(true);
  unmount();

  // opened again: still on
  const again = render(<ServicesPage />);
  await screen.findByTestId('service-residence-certificate');
  expect((again.container.firstElementChild as HTMLElement).className.split(' ')).toContain('elder');
  again.unmount();

  // another user on this phone: off
  signInAs('resident-demo');
  const other = render(<ServicesPage />);
  await screen.findByTestId('service-residence-certificate');
  expect((other.container.firstElementChild as HTMLElement).className.split(' ')).not.toContain('elder');
});

test('a 404 (route not there yet) reads as 即将上线, not as an error', async () => {
  ep.listServices.mockRejectedValue(new ApiError(404, 'NOT_FOUND', '未找到'));
  render(<ServicesPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toBe('办事服务即将上线，敬请期待');
});

test('other failures show the message with 重试', async () => {
  ep.listServices.mockRejectedValueOnce(new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试'));
  render(<ServicesPage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('网络连接失败');
  fireEvent.click(screen.getByTestId('state-retry'));
  expect(await screen.findByTestId('service-residence-certificate')).toBeTruthy();
});
