import { randomUUID } from 'node:crypto';
import type { LoginResult } from '@gridlink/shared/me';
import { code2Session } from '../auth/wechat';
import { issueToken } from '../auth/tokens';
import { notFound } from './errors';
import { createWechatUser, getUser, getUserIdByOpenid, type UserItem } from '../data/users';
import { toMe } from './users';

async function session(user: UserItem): Promise<LoginResult> {
  const { token, expiresAt } = await issueToken(user.id, user.role);
  return { token, expiresAt, user: await toMe(user, user.id) };
}

/** WeChat sign-in: the user of this openid, or a new resident on first login. */
export async function wechatLogin(code: string, now: string): Promise<LoginResult> {
  const { openid } = await code2Session(code);
  let userId = await getUserIdByOpenid(openid);
  if (!userId) {
    const user: UserItem = {
      id: `u-${randomUUID().replace(/-/g, '').slice(0, 20)}`,
      role: 'resident',
      name: '微信用户',
      gridIds: [],
      openid,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await createWechatUser(openid, user); // 'exists' when a parallel login won: read it back
    userId = await getUserIdByOpenid(openid);
  }
  const user = userId && (await getUser(userId));
  if (!user) throw new Error('user vanished after login');
  return session(user);
}

/** Local stage only (the route is not deployed and refuses other stages): sign in as a seeded user. */
export async function devLogin(userId: string): Promise<LoginResult> {
  const user = await getUser(userId);
  if (!user) throw notFound('没有这个演示用户');
  return session(user);
}
