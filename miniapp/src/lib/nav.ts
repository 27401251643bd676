import Taro from '@tarojs/taro';

/** The tab pages open with switchTab; navigateTo cannot reach them. */
export const TAB_PAGES = ['/pages/index/index', '/pages/services/index', '/pages/me/index'];

/** Opens an in-app page: a tab by switchTab, else on top of this one (or instead of it, `redirect`). */
export function openPage(url: string, redirect = false) {
  if (TAB_PAGES.includes(url.split('?')[0])) return Taro.switchTab({ url: url.split('?')[0] });
  return redirect ? Taro.redirectTo({ url }) : Taro.navigateTo({ url });
}
