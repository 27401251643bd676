import { render, screen } from '@testing-library/react';
import * as basedata from '../../../api/basedata';
import { ApiError } from '../../../api/client';
import PopulationFigures from './Population';

jest.mock('../../../api/basedata');
const bd = jest.mocked(basedata);

const counts = (persons: number) => ({
  houses: 3,
  rented: 1,
  households: 2,
  persons,
  floating: 1,
  overseas: 0,
  elderlyAlone: 1,
  disabled: 0,
});

test("the grid's counts and a line per grid of the level below", async () => {
  bd.getPopulation.mockResolvedValue({
    gridId: 'xs',
    name: '西山社区',
    level: 'community',
    counts: counts(5),
    children: [{ gridId: 'c1', name: '幸福小区', level: 'compound', counts: counts(4) }],
    nextCursor: null,
  });
  render(<PopulationFigures gridId="xs" />);
  expect((await screen.findByTestId('pop-persons')).textContent).toBe('5人数');
  expect(screen.getByTestId('pop-households').textContent).toBe('2户数');
  expect(screen.getByTestId('pop-rented').textContent).toBe('1出租房屋');
  expect(screen.getByTestId('pop-child-c1').textContent).toBe('幸福小区：2 户 · 4 人 · 流动 1 · 独居老人 1 · 残疾人 0');
  expect(bd.getPopulation).toHaveBeenCalledWith('xs', { silent: true });
});

test('a reader the counts are not for sees no section', async () => {
  bd.getPopulation.mockRejectedValue(new ApiError(403, 'FORBIDDEN', '不在您负责的网格范围内'));
  const { container } = render(<PopulationFigures gridId="xs" />);
  await new Promise((r) => setTimeout(r, 10));
  expect(container.textContent).toBe('');
});
