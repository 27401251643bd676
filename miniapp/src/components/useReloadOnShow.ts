import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';

interface Options {
  /** false: do nothing when the page shows again (signed out, the wrong role, a form is open) */
  when?: boolean;
  /** what a pull-down runs: `reload` (the default), another loader, or false to leave pull-down alone */
  pullDown?: boolean | (() => unknown);
}

/**
 * Reads the page's data again when the page shows again — back from a detail where statuses moved,
 * or from 绑定单元 — but not on its first show (the first load runs anyway), and on pull-down.
 */
export function useReloadOnShow(reload: () => unknown, { when = true, pullDown = true }: Options = {}) {
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    if (when) void reload();
  });
  usePullDownRefresh(() => {
    if (!pullDown) return;
    const run = typeof pullDown === 'function' ? pullDown : reload;
    void Promise.resolve(run()).finally(() => Taro.stopPullDownRefresh());
  });
}

/** Only pull-down reads the page again (a page that need not follow moves made elsewhere). */
export const usePullDown = (reload: () => unknown) => useReloadOnShow(reload, { when: false });
