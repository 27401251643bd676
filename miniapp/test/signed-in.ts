/** The start of a page test: mocks cleared, storage and router reset (to `params`), a token held. */
import Taro from '@tarojs/taro';
import { setToken } from '../src/api/session';

const taro = Taro as unknown as { __reset(): void; __setRouterParams(p: Record<string, string>): void };

export function signedIn(params?: Record<string, string>) {
  jest.clearAllMocks();
  taro.__reset();
  if (params) taro.__setRouterParams(params);
  setToken('tok', new Date(Date.now() + 3600_000).toISOString());
}
