/**
 * The relatives (帮扶对象) a resident has linked to, remembered on this phone per user: the API can
 * read one recipient for confirmed family but has no "my family links" list yet.
 */
import Taro from '@tarojs/taro';

export interface KnownRecipient {
  id: string;
  name: string;
  status: 'pending' | 'confirmed';
}

const key = (userId: string) => `gridlink.proxy.family.${userId}`;

export function knownFamily(userId: string): KnownRecipient[] {
  const v = Taro.getStorageSync(key(userId)) as unknown;
  return Array.isArray(v) ? (v as KnownRecipient[]).filter((r) => r && typeof r.id === 'string') : [];
}

export function rememberFamily(userId: string, r: KnownRecipient): KnownRecipient[] {
  const list = [r, ...knownFamily(userId).filter((x) => x.id !== r.id)].slice(0, 10);
  Taro.setStorageSync(key(userId), list);
  return list;
}
