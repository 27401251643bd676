/**
 * WeChat subscribe-message templates (订阅消息). The ids come from the build's configuration —
 * `TARO_APP_TPL_*` in the shell or in `miniapp/.env.<mode>` (`.env.production` for `taro build`,
 * `.env.development` with `--mode development`) — and are inlined by Taro at build time. They
 * must be the same templates the backend sends with (`WECHAT_TEMPLATE_<KEY>` in functions/, see
 * functions/src/domain/notify.ts): request_status, callback, application_status, proxy_task,
 * case_status. An empty id is left out.
 *
 * Each `process.env.TARO_APP_…` below is written out in full: Taro replaces exactly that text.
 */
import Taro from '@tarojs/taro';

export const SUBSCRIBE_TEMPLATES = {
  /** 诉求办理进度 (受理、办结、重新办理…) */
  requestStatus: process.env.TARO_APP_TPL_REQUEST_STATUS ?? '',
  /** 回访通知 (a 1–2 star rating brings a call-back) */
  callback: process.env.TARO_APP_TPL_CALLBACK ?? '',
  /** 办件进度 (审核、退回补正、办结) */
  applicationStatus: process.env.TARO_APP_TPL_APPLICATION_STATUS ?? '',
  /** 代办任务进度 (认领、办理、完成) */
  proxyTask: process.env.TARO_APP_TPL_PROXY_TASK ?? '',
  /** 纠纷调解与信访进度 */
  caseStatus: process.env.TARO_APP_TPL_CASE_STATUS ?? '',
};

export type SubscribeTopic = keyof typeof SUBSCRIBE_TEMPLATES;

/** What each submission asks the user to subscribe to (at most 3 templates per request). */
export const SUBSCRIBE_ON = {
  request: ['requestStatus', 'callback'],
  application: ['applicationStatus'],
  proxyTask: ['proxyTask'],
} satisfies Record<string, SubscribeTopic[]>;

/**
 * Asks the user (weapp only) to allow the progress messages of what they are submitting.
 * WeChat shows the dialog only from a tap: call this synchronously in the 提交 handler (before any
 * `await`), let the submission run, and await the answer before leaving the page. Always resolves:
 * a refusal, a dismissed dialog or a client without the API changes nothing.
 */
export function askSubscribe(topics: readonly SubscribeTopic[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve();
  const tmplIds = [...new Set(topics.map((t) => SUBSCRIBE_TEMPLATES[t]).filter(Boolean))].slice(0, 3);
  if (!tmplIds.length) return Promise.resolve();
  try {
    return Promise.resolve(Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option))
      .then(() => undefined)
      .catch(() => undefined);
  } catch {
    return Promise.resolve();
  }
}
