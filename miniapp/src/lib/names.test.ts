import * as shared from '@gridlink/shared/roles';
import * as sharedGrid from '@gridlink/shared/grid';
import { DUTY_NAMES, GRID_LEVEL_NAMES, ROLE_NAMES, UNIT_ROLES } from './names';

// names.ts mirrors these constants without zod; this test keeps the copies honest.
test('display names match @gridlink/shared', () => {
  expect(ROLE_NAMES).toEqual(shared.ROLE_NAMES);
  expect(DUTY_NAMES).toEqual(shared.DUTY_NAMES);
  expect(UNIT_ROLES).toEqual(shared.UNIT_ROLES);
  expect(GRID_LEVEL_NAMES).toEqual(sharedGrid.GRID_LEVEL_NAMES);
});
