import Taro from '@tarojs/taro';
import type { ErrorBody } from '@gridlink/shared/common';
import { clearToken, getToken, goLogin } from './session';
import { deviceId } from './device';

type Detail = NonNullable<ErrorBody['error']['details']>[number];

/** An API answer that was not 2xx, carrying the contract's `{error:{code,message,details}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Detail[];
  constructor(status: number, code: string, message: string, details: Detail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface RequestOptions {
  /** for POSTs that create: a retry with the same key returns the first answer */
  idempotencyKey?: string;
  query?: Record<string, string | number | undefined | null>;
  /** do not toast the error (the page shows it itself) */
  silent?: boolean;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function apiBase(): string {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.__GRIDLINK_API_BASE__) {
    return window.__GRIDLINK_API_BASE__.replace(/\/+$/, '');
  }
  return (process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000').replace(/\/+$/, '');
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求内容有误',
  401: '登录已失效，请重新登录',
  403: '没有权限进行此操作',
  404: '内容不存在',
  409: '操作冲突，请刷新后重试',
  413: '内容过大',
  429: '操作太频繁，请稍后再试',
  503: '服务暂不可用，请稍后再试',
};

/** Turns a non-2xx answer into an ApiError, whatever its body looks like. */
export function toApiError(status: number, body: unknown): ApiError {
  let data = body;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      data = undefined;
    }
  }
  const err = (data as Partial<ErrorBody> | undefined)?.error;
  const fallback = STATUS_MESSAGES[status] ?? `服务出错（${status}）`;
  if (err && typeof err === 'object') {
    return new ApiError(status, String(err.code ?? 'UNKNOWN'), err.message || fallback, err.details ?? []);
  }
  return new ApiError(status, status === 401 ? 'UNAUTHORIZED' : 'UNKNOWN', fallback);
}

function queryString(query: RequestOptions['query']): string {
  const parts = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function toast(message: string) {
  Taro.showToast({ title: message, icon: 'none', duration: 2500 });
}

export async function request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const header: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) header['Content-Type'] = 'application/json';
  const token = getToken();
  if (token) header.Authorization = `Bearer ${token}`;
  if (opts.idempotencyKey) header['Idempotency-Key'] = opts.idempotencyKey;
  header['X-Device-Id'] = deviceId();

  let res: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject>;
  try {
    res = await Taro.request({
      url: `${apiBase()}${path}${queryString(opts.query)}`,
      method,
      header,
      data: body === undefined ? undefined : JSON.stringify(body),
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    const error = new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
    if (!opts.silent) toast(error.message);
    throw error;
  }

  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;

  const error = toApiError(res.statusCode, res.data);
  if (res.statusCode === 401) {
    clearToken();
    toast(error.message);
    goLogin();
  } else if (!opts.silent) {
    toast(error.message);
  }
  throw error;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body ?? {}, opts),
};

/** A fresh Idempotency-Key: keep it for the retries of one user action. */
export function newIdempotencyKey(): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}-${rand()}-${rand()}`;
}
