import { inScope } from './policy';
import type { Actor } from '../auth/actor';

const path = ['hz', 'hz-hp', 'hz-hp-xh', 'hz-hp-xh-c1', 'hz-hp-xh-c1-a1', 'hz-hp-xh-c1-a1-b1', 'hz-hp-xh-c1-a1-b1-u1'];
const actor = (role: Actor['role'], gridIds: string[], id = 'x'): Actor => ({ id, role, name: 'n', gridIds });

describe('grid scope', () => {
  it('an actor serving a grid sees everything below it, nothing beside it', () => {
    expect(inScope(actor('grid_worker', ['hz-hp-xh-c1-a1-b1']), path)).toBe(true);
    expect(inScope(actor('street_admin', ['hz-hp']), path)).toBe(true);
    expect(inScope(actor('district_admin', ['hz']), path)).toBe(true);
    expect(inScope(actor('grid_worker', ['hz-hp-xh-c1-a1-b2']), path)).toBe(false);
    expect(inScope(actor('street_admin', ['hz-xs']), path)).toBe(false);
    expect(inScope(actor('resident', []), path)).toBe(false);
  });
});
