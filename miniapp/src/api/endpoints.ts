import type { Grid } from '@gridlink/shared/grid';
import type { LoginResult, Me } from '@gridlink/shared/me';
import { api, type RequestOptions } from './client';
import { setToken } from './session';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One of the 41 services, with its form fields (a type only: zod stays out of the main package). */
export type ServiceSummary = import('@gridlink/shared/services-catalog').ServiceDef;

const enc = encodeURIComponent;

async function signedIn(result: LoginResult): Promise<LoginResult> {
  setToken(result.token, result.expiresAt);
  return result;
}

export const devLogin = (userId: string) => api.post<LoginResult>('/v1/auth/dev-login', { userId }).then(signedIn);
export const wechatLogin = (code: string) => api.post<LoginResult>('/v1/auth/wechat', { code }).then(signedIn);

export const getMe = (opts?: RequestOptions) => api.get<Me>('/v1/me', opts);
/** With the code of the unit's QR code the binding is verified at once; without it, pending (待核验). */
/** `household`: 姓名 + 身份证号 as registered in the unit's population records (verifies when they match) */
export const bindUnit = (unitId: string, code?: string, household?: { realName: string; idNumber: string }) =>
  api.put<Me>('/v1/me/unit', { unitId, ...(code ? { code } : {}), ...(household ?? {}) });

/** `phoneCode`: the code of WeChat's getPhoneNumber button (verifies when the number is a 联系电话 of the unit) */
export const bindUnitByPhone = (unitId: string, phoneCode: string) => api.put<Me>('/v1/me/unit', { unitId, phoneCode });

export const getGrid = (id: string, opts?: RequestOptions) => api.get<Grid>(`/v1/grids/${enc(id)}`, opts);
export const getGridChildren = (id: string, cursor?: string | null, limit = 50) =>
  api.get<Page<Grid>>(`/v1/grids/${enc(id)}/children`, { query: { limit, cursor } });

export const listServices = (opts?: RequestOptions) => api.get<Page<ServiceSummary>>('/v1/services', opts);
