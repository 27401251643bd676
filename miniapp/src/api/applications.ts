/** 办事: the services catalogue's details and applications (办件), their review and 补正. */
import type { Application, ApplicationStatus } from '@gridlink/shared/applications';
import type { ServiceDef } from '@gridlink/shared/services-catalog';
import { api, type RequestOptions } from './client';
import type { Page } from './endpoints';

export type { Application, ApplicationStatus, ServiceDef };
export type ReviewMove = 'approve' | 'reject' | 'return';

const enc = encodeURIComponent;

export const getService = (code: string, opts?: RequestOptions) =>
  api.get<ServiceDef>(`/v1/services/${enc(code)}`, opts);

export interface ApplyBody {
  serviceCode: string;
  form: Record<string, unknown>;
  attachments?: string[];
  onBehalfOf?: string;
}
export const createApplication = (body: ApplyBody, idempotencyKey: string) =>
  api.post<Application>('/v1/applications', body, { idempotencyKey, silent: true });

export const listApplications = (
  view: 'mine' | 'review',
  cursor?: string | null,
  opts: RequestOptions & { status?: ApplicationStatus; limit?: number } = {},
) =>
  api.get<Page<Application>>('/v1/applications', {
    ...opts,
    query: { view, status: opts.status, limit: opts.limit ?? 20, cursor },
  });

export const getApplication = (id: string, opts?: RequestOptions) =>
  api.get<Application>(`/v1/applications/${enc(id)}`, opts);

export const reviewApplication = (id: string, move: ReviewMove, body: { note?: string; version?: number }) =>
  api.post<Application>(`/v1/applications/${enc(id)}/${move}`, body, { silent: true });

export const supplementApplication = (
  id: string,
  body: { form: Record<string, unknown>; note?: string; version?: number },
) => api.post<Application>(`/v1/applications/${enc(id)}/supplement`, body, { silent: true });

export const rateApplication = (id: string, stars: number, comment?: string) =>
  api.post<Application>(
    `/v1/applications/${enc(id)}/rating`,
    { stars, ...(comment ? { comment } : {}) },
    { silent: true },
  );
