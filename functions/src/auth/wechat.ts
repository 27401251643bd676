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
