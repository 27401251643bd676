/**
 * A random id for this installation, made once and kept in storage: sent as `X-Device-Id` so the
 * server can flag ratings from a device that staff sign in on (ratings you can trust). It names the
 * phone, not the person; the server keeps only its hash, for a limited time (SECURITY.md).
 */
import Taro from '@tarojs/taro';

const KEY = 'gridlink.deviceId';

export function deviceId(): string {
  let id = Taro.getStorageSync(KEY) as string;
  if (typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id)) return id;
  const rnd = Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  id = `d-${Date.now().toString(36)}-${rnd}`.slice(0, 64);
  Taro.setStorageSync(KEY, id);
  return id;
}
