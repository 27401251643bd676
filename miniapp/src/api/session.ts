import Taro from '@tarojs/taro';

const TOKEN_KEY = 'gridlink.token';
const EXPIRES_KEY = 'gridlink.expiresAt';

/** The bearer token, or '' when signed out or expired. */
export function getToken(): string {
  const token = (Taro.getStorageSync(TOKEN_KEY) as string) || '';
  const expiresAt = (Taro.getStorageSync(EXPIRES_KEY) as string) || '';
  if (token && expiresAt && Date.parse(expiresAt) <= Date.now()) {
    clearToken();
    return '';
  }
  return token;
}

export function setToken(token: string, expiresAt: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  Taro.setStorageSync(EXPIRES_KEY, expiresAt);
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(EXPIRES_KEY);
}

/** Where the sign-in page sends the user afterwards: the page they were on (with its query). */
export function currentPageUrl(): string {
  const pages = Taro.getCurrentPages?.() ?? [];
  type PageLike = { route?: string; options?: Record<string, string>; $taroParams?: Record<string, string> };
  const page = pages[pages.length - 1] as PageLike | undefined;
  if (!page?.route) return '';
  // weapp keeps the query in `options`, Taro's h5 router in `$taroParams`
  const params = { ...page.$taroParams, ...page.options };
  const query = Object.entries(params)
    .filter(([k, v]) => k !== '$taroTimestamp' && k !== 'stamp' && typeof v === 'string')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `/${page.route.replace(/^\//, '')}${query ? `?${query}` : ''}`;
}

/** Sends the user to the sign-in page, remembering where they were. */
export function goLogin(): void {
  const from = currentPageUrl();
  if (from.startsWith('/pages/login/')) return;
  const url = `/pages/login/index${from ? `?redirect=${encodeURIComponent(from)}` : ''}`;
  Taro.reLaunch({ url });
}
