import Taro from '@tarojs/taro';
import { currentUserId } from './user';

/** 最近使用: the services this user opened last (newest first), kept in storage per user. */
export const RECENT_MAX = 8;
const keyOf = (userId: string) => `gridlink.recentServices.${userId || 'guest'}`;

export function recentServices(userId: string = currentUserId()): string[] {
  const v = Taro.getStorageSync(keyOf(userId)) as unknown;
  return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
}

export function rememberService(code: string, userId: string = currentUserId()): void {
  const list = [code, ...recentServices(userId).filter((c) => c !== code)].slice(0, RECENT_MAX);
  Taro.setStorageSync(keyOf(userId), list);
}
