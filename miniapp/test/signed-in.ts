/** The start of a page test: mocks cleared, storage and router reset (to `params`), a token held. */
import Taro from '@tarojs/taro';
import { setToken } from '../src/api/session';

/** the Taro stub with its test helpers (test/stubs/taro.ts) */
export const taro = Taro as unknown as Record<string, jest.Mock> & {
  __reset(): void;
  __setRouterParams(p: Record<string, string>): void;
};

/** Mocks cleared, storage and router reset (to `params`); signed out. */
export function freshPage(params?: Record<string, string>) {
  jest.clearAllMocks();
  taro.__reset();
  if (params) taro.__setRouterParams(params);
}

export function signedIn(params?: Record<string, string>) {
  freshPage(params);
  setToken('tok', new Date(Date.now() + 3600_000).toISOString());
}
