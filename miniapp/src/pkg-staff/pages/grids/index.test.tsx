import { act, fireEvent, render, screen } from '@testing-library/react';
import * as endpoints from '../../../api/endpoints';
import { GRIDS, childrenOf, worker } from '../../../../test/fixtures';
import MyGridsPage from './index';
import { freshPage } from '../../../../test/signed-in';

jest.mock('../../../api/endpoints');
const ep = jest.mocked(endpoints);

/** Taps a grid row and lets the next level load. */
const tap = async (id: string) => {
  const row = await screen.findByTestId(`grid-${id}`);
  await act(async () => {
    fireEvent.click(row);
  });
};

beforeEach(() => {
  freshPage();
  ep.getGrid.mockImplementation(async (id) => GRIDS[id]);
  ep.getGridChildren.mockImplementation(async (id) => ({ items: childrenOf(id), nextCursor: null }));
});

test("lists the worker's grids and drills into children", async () => {
  ep.getMe.mockResolvedValue(worker({ gridIds: ['a1'] }));
  ep.getGrid.mockImplementation(async (id) =>
    id === 'a1'
      ? { ...GRIDS.a1, staff: [{ userId: 'worker-demo', name: '李建国', role: 'grid_worker', duties: ['safety'] }] }
      : GRIDS[id],
  );
  render(<MyGridsPage />);
  await tap('a1');
  expect(screen.getByTestId('grid-card').textContent).toContain('网格员：李建国（安全员）');
  await tap('b1');
  expect(screen.getByTestId('grid-card').textContent).toContain('1号楼');
  expect(await screen.findByTestId('grid-u1')).toBeTruthy();
  fireEvent.click(screen.getByTestId('grids-home'));
  expect(await screen.findByTestId('grid-a1')).toBeTruthy();
});

test('no grids yet: an empty state', async () => {
  ep.getMe.mockResolvedValue(worker({ gridIds: [] }));
  render(<MyGridsPage />);
  expect((await screen.findByTestId('state-empty')).textContent).toBe('暂未分配网格');
});
