import { createHash } from 'node:crypto';
import { config } from '../config';
import { DomainError, dependencyFailed } from '../http/errors';
import { secret } from './secrets';

/**
 * code2Session at the configured WeChat base URL. Returns the openid only: the session key is
 * dropped here and never stored or returned.
 */
export async function code2Session(code: string): Promise<{ openid: string; unionid?: string }> {
  const url = new URL('/sns/jscode2session', config.wechatBaseUrl);
  url.searchParams.set('appid', config.wechatAppId);
  url.searchParams.set('secret', await secret('WECHAT_SECRET'));
  url.searchParams.set('js_code', code);
  url.searchParams.set('grant_type', 'authorization_code');
  let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`wechat ${res.status}`);
    body = await res.json();
  } catch {
    throw dependencyFailed('微信服务暂时不可用，请稍后重试');
  }
  if (body.errcode || !body.openid) {
    // 40029 invalid code, 40163 code used, 45011 too frequent
    if (body.errcode === 45011) throw new DomainError('RATE_LIMITED', '登录过于频繁，请稍后再试');
    throw new DomainError('UNAUTHORIZED', '微信登录凭证无效或已使用，请重新登录');
  }
  return { openid: body.openid, unionid: body.unionid };
}

let accessToken: { value: string; until: number } | undefined;

/** The mini-program's access token (client_credential), cached until 5 minutes before it expires. */
export async function wechatAccessToken(): Promise<string> {
  if (accessToken && accessToken.until > Date.now()) return accessToken.value;
  const url = new URL('/cgi-bin/token', config.wechatBaseUrl);
  url.search = new URLSearchParams({
    grant_type: 'client_credential',
    appid: config.wechatAppId,
    secret: await secret('WECHAT_SECRET'),
  }).toString();
  const body = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as {
    access_token?: string;
    expires_in?: number;
  };
  if (!body.access_token) throw new Error('no access token');
  accessToken = { value: body.access_token, until: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
  return accessToken.value;
}

/** A WeChat answer that says "try again later" (busy, token expired, rate): the check stays pending. */
export class WechatTransientError extends Error {}

/** errcodes after which the same call may succeed later; 40001/42001 also drop the cached token */
const TRANSIENT = new Set([-1, 40001, 42001, 45009, 45011]);

async function secPost<T extends { errcode?: number; errmsg?: string }>(path: string, payload: object): Promise<T> {
  const url = new URL(path, config.wechatBaseUrl);
  url.searchParams.set('access_token', await wechatAccessToken());
  let body: T;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = (await res.json()) as T;
  } catch (e) {
    throw new WechatTransientError(`${path}: ${(e as Error).message}`);
  }
  if (body.errcode && TRANSIENT.has(body.errcode)) {
    if (body.errcode === 40001 || body.errcode === 42001) accessToken = undefined;
    throw new WechatTransientError(`${path}: ${body.errcode} ${body.errmsg ?? ''}`);
  }
  return body;
}

export type SecSuggest = 'pass' | 'review' | 'risky';
/** msgSecCheck v2 scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志 */
export type SecScene = 1 | 2 | 3 | 4;

/**
 * msgSecCheck v2 (POST /wxa/msg_sec_check). A definite errcode other than the transient ones
 * (e.g. 40003: no recent visit of that openid) gives 'review': a person must look, nothing is published.
 */
export async function msgSecCheck(
  content: string,
  openid: string | undefined,
  scene: SecScene,
): Promise<{ suggest: SecSuggest; label?: number }> {
  const body = await secPost<{ errcode?: number; errmsg?: string; result?: { suggest?: string; label?: number } }>(
    '/wxa/msg_sec_check',
    { content, version: 2, scene, ...(openid ? { openid } : {}) },
  );
  const suggest = body.result?.suggest;
  if (body.errcode || (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky'))
    return { suggest: 'review', label: body.errcode };
  return { suggest, label: body.result?.label };
}

/** mediaCheckAsync v2 (POST /wxa/media_check_async, media_type 2 = image): the verdict is pushed later. */
export async function mediaCheckAsync(mediaUrl: string, openid: string | undefined, scene: SecScene) {
  const body = await secPost<{ errcode?: number; errmsg?: string; trace_id?: string; traceId?: string }>(
    '/wxa/media_check_async',
    { media_url: mediaUrl, media_type: 2, version: 2, scene, ...(openid ? { openid } : {}) },
  );
  const traceId = body.trace_id ?? body.traceId;
  if (body.errcode || !traceId) return { refused: body.errcode ?? -1 } as const;
  return { traceId } as const;
}

/** WeChat's message-push signature (plain-text mode): sha1 of token, timestamp, nonce sorted and joined. */
export const pushSignature = (token: string, timestamp: string, nonce: string) =>
  createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');

/**
 * The phone number behind a getPhoneNumber button's code (POST /wxa/business/getuserphonenumber):
 * the bare number, or undefined when WeChat refuses the code (used, expired, not this app's).
 */
export async function wechatPhoneNumber(code: string): Promise<string | undefined> {
  const body = await secPost<{ errcode?: number; phone_info?: { purePhoneNumber?: string } }>(
    '/wxa/business/getuserphonenumber',
    { code },
  );
  if (body.errcode) return undefined;
  return body.phone_info?.purePhoneNumber || undefined;
}
