import { inScope, requireAccess } from './policy';
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

  it('requireAccess: owner allowed, wrong role or out of scope refused with 403', () => {
    expect(() =>
      requireAccess(actor('resident', [], 'me'), { roles: ['grid_worker'], path, ownerId: 'me', ownerAllowed: true }),
    ).not.toThrow();
    expect(() =>
      requireAccess(actor('resident', [], 'other'), {
        roles: ['grid_worker'],
        path,
        ownerId: 'me',
        ownerAllowed: true,
      }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requireAccess(actor('grid_worker', ['hz-zq']), { roles: ['grid_worker'], path })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => requireAccess(actor('office', ['hz-hp-xh']), { roles: ['grid_worker'], path })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
