/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | undefined;
    /** API base URL baked into the build (TARO_APP_API_BASE=... or .env.<mode>) */
    TARO_APP_API_BASE?: string;
    /** subscribe-message template ids (src/config/subscribe.ts; .env.<mode> or the shell) */
    TARO_APP_TPL_REQUEST_STATUS?: string;
    TARO_APP_TPL_CALLBACK?: string;
    TARO_APP_TPL_APPLICATION_STATUS?: string;
    TARO_APP_TPL_PROXY_TASK?: string;
    TARO_APP_TPL_CASE_STATUS?: string;
  }
}

interface Window {
  /** set by the local static server in index.html */
  __GRIDLINK_API_BASE__?: string;
}
