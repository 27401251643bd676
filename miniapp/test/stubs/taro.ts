// A small stand-in for @tarojs/taro in jsdom: in-memory storage, jest.fn() navigation and
// request, router params a test can set, lifecycle hooks that run on mount.
import { useEffect } from 'react';

const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};

const Taro = {
  request: jest.fn(async (_opts: unknown): Promise<unknown> => {
    throw new Error('Taro.request is not mocked in this test');
  }),
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  clearStorageSync: () => storage.clear(),
  showToast: jest.fn(async () => ({})),
  navigateTo: jest.fn(async () => ({})),
  redirectTo: jest.fn(async () => ({})),
  switchTab: jest.fn(async () => ({})),
  reLaunch: jest.fn(async () => ({})),
  navigateBack: jest.fn(async () => ({})),
  stopPullDownRefresh: jest.fn(),
  login: jest.fn(async () => ({ code: 'test-code', errMsg: 'login:ok' })),
  openPrivacyContract: jest.fn(),
  requestSubscribeMessage: jest.fn(async (_opts: unknown): Promise<unknown> => ({
    errMsg: 'requestSubscribeMessage:ok',
  })),
  chooseLocation: jest.fn(
    async (_opts: unknown): Promise<{ name: string; address: string; latitude: number; longitude: number }> => {
      throw new Error('Taro.chooseLocation is not mocked in this test');
    },
  ),
  chooseImage: jest.fn(async (_opts: unknown): Promise<{ tempFilePaths: string[] }> => ({ tempFilePaths: [] })),
  previewImage: jest.fn(async () => ({})),
  showModal: jest.fn(async (_opts: unknown) => ({ confirm: true, cancel: false })),
  getImageInfo: jest.fn(async (_opts: unknown): Promise<{ type: string; width: number; height: number }> => {
    throw new Error('Taro.getImageInfo is not mocked in this test');
  }),
  uploadFile: jest.fn(async (_opts: unknown): Promise<{ statusCode: number; data: string }> => {
    throw new Error('Taro.uploadFile is not mocked in this test');
  }),
  getFileSystemManager: jest.fn((): unknown => {
    throw new Error('Taro.getFileSystemManager is not mocked in this test');
  }),
  setNavigationBarTitle: jest.fn(async (_opts: unknown) => ({})),
  pageScrollTo: jest.fn(async (_opts: unknown) => ({})),
  getCurrentPages: jest.fn((): unknown[] => []),
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  pxTransform: (n: number) => `${n}px`,
  /** test helpers */
  __setRouterParams(params: Record<string, string>) {
    routerParams = params;
  },
  __reset() {
    storage.clear();
    routerParams = {};
  },
};

export const useRouter = () => ({ params: routerParams, path: '' });
export const useDidShow = (fn: () => void) => useEffect(() => fn(), []); // eslint-disable-line react-hooks/exhaustive-deps
export const useLoad = useDidShow;
export const usePullDownRefresh = (_fn: () => void) => undefined;
export const useReachBottom = (_fn: () => void) => undefined;
export const getEnv = Taro.getEnv;
export const ENV_TYPE = Taro.ENV_TYPE;
export const pxTransform = Taro.pxTransform;

export default Taro;
