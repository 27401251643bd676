import type { Me } from '@gridlink/shared/me';
import { maskPhone } from '@gridlink/shared/mask';
import { getGridNodes } from '../data/grids';
import type { UserItem } from '../data/users';

/** The profile as its owner sees it (GET /v1/me, login answers). */
export async function toMe(user: UserItem, viewerId: string): Promise<Me> {
  const me: Me = { id: user.id, role: user.role, name: user.name, gridIds: user.gridIds ?? [] };
  if (user.duties?.length) me.duties = user.duties;
  if (user.phone) me.phone = viewerId === user.id ? user.phone : maskPhone(user.phone);
  if (user.unitId) {
    me.unitId = user.unitId;
    me.unitVerified = user.unitVerified === true;
    const nodes = await getGridNodes([user.unitId]);
    const unit = nodes.get(user.unitId);
    if (unit) {
      me.unitPath = unit.path.map((id, i) => ({
        id,
        name: unit.pathNames[i],
        level: (['district', 'street', 'community', 'compound', 'area', 'building', 'unit'] as const)[i],
      }));
    }
  }
  return me;
}
