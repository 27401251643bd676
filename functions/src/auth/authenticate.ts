import { unauthorized } from '../http/errors';
import type { Actor } from '../auth/actor';
import { getUser, rememberUser } from '../data/users';
import { verifyToken } from './tokens';

/** `Authorization: Bearer <token>` → the actor, read fresh from the table. 401 otherwise. */
export async function authenticate(header: string | undefined): Promise<Actor> {
  const m = /^Bearer\s+(\S{10,4096})$/i.exec(header ?? '');
  if (!m) throw unauthorized();
  let userId: string;
  try {
    ({ userId } = await verifyToken(m[1]));
  } catch {
    throw unauthorized('登录已失效，请重新登录');
  }
  const user = await getUser(userId);
  if (!user || user.disabled) throw unauthorized('账号不存在或已停用');
  const actor: Actor = {
    id: user.id,
    role: user.role,
    name: user.name,
    unitId: user.unitId,
    unitVerified: !!user.unitId && user.unitVerified === true,
    gridIds: user.gridIds ?? [],
    departmentId: user.departmentId,
  };
  rememberUser(actor, user);
  return actor;
}
