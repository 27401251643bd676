/**
 * The requests (诉求) part of the API: categories, reporting, the closed loop, rating, call-backs,
 * in-app messages and grid statistics. Types only from @gridlink/shared (no zod at run time).
 */
import type * as z from 'zod';
import type {
  ActionBody,
  AllFiveWorker as AllFiveWorkerSchema,
  Callback as CallbackSchema,
  FlaggedRating as FlaggedRatingSchema,
  Category,
  CreateRequestBody,
  RequestAction,
  RequestResource,
  RequestSuggestion,
  RequestStatus,
} from '@gridlink/shared/requests';
import type { GridStats, Message as MessageSchema } from '@gridlink/shared/stats';
import { api, type RequestOptions } from './client';
import type { Page } from './endpoints';

export type { Category, RequestAction, RequestResource, RequestStatus, RequestSuggestion, GridStats };
export type Callback = z.infer<typeof CallbackSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type TimelineEvent = NonNullable<RequestResource['timeline']>[number];

const enc = encodeURIComponent;

let categories: Promise<{ items: Category[] }> | undefined;

/** The request categories (a small catalogue, the same for everyone): fetched once per session. */
export function listCategories(opts?: RequestOptions): Promise<{ items: Category[] }> {
  if (!categories) {
    categories = api.get<{ items: Category[] }>('/v1/request-categories', opts);
    categories.catch(() => {
      categories = undefined; // try again next time
    });
  }
  return categories;
}

/** Lets a test start from an empty cache. */
export function forgetCategories(): void {
  categories = undefined;
}

/** 我要报事. Silent: the page shows the duplicate suggestion (409 CONFLICT, details `similar`) itself. */
export const createRequest = (body: CreateRequestBody, idempotencyKey: string) =>
  api.post<RequestResource>('/v1/requests', body, { idempotencyKey, silent: true });

/** Open requests of the same building and category by others: offered as 我也遇到. */
export const similarRequests = (category: string, opts?: RequestOptions) =>
  api.get<{ items: RequestSuggestion[] }>('/v1/requests/similar', { ...opts, query: { category } });

export const joinRequest = (id: string) => api.post<RequestResource>(`/v1/requests/${enc(id)}/join`);

export interface ListRequestsQuery {
  view: 'mine' | 'inbox';
  status?: RequestStatus | '';
  cursor?: string | null;
  limit?: number;
}

export const listRequests = (q: ListRequestsQuery, opts?: RequestOptions) =>
  api.get<Page<RequestResource>>('/v1/requests', {
    ...opts,
    query: { view: q.view, status: q.status, cursor: q.cursor, limit: q.limit ?? 20 },
  });

export const getRequest = (id: string, opts?: RequestOptions) =>
  api.get<RequestResource>(`/v1/requests/${enc(id)}`, opts);

export const actOnRequest = (id: string, action: RequestAction, body: ActionBody) =>
  api.post<RequestResource>(`/v1/requests/${enc(id)}/${action}`, body);

/** 社区吹哨、部门报到: the department's 报到 / 退回 / 申请延期 and the community's answer to it */
export type DeptMove = 'sign' | 'deptReturn' | 'requestExtension' | 'approveExtension' | 'refuseExtension';
const DEPT_PATHS: Record<DeptMove, string> = {
  sign: 'sign',
  deptReturn: 'return',
  requestExtension: 'extension',
  approveExtension: 'extension/approve',
  refuseExtension: 'extension/refuse',
};
export const deptMove = (id: string, move: DeptMove, body: { note?: string; version?: number; dueAt?: string }) =>
  api.post<RequestResource>(`/v1/requests/${enc(id)}/${DEPT_PATHS[move]}`, body);

export type FlaggedRating = z.infer<typeof FlaggedRatingSchema>;
export type AllFiveWorker = z.infer<typeof AllFiveWorkerSchema>;
export const listFlaggedRatings = (cursor?: string | null, opts?: RequestOptions) =>
  api.get<Page<FlaggedRating>>('/v1/ratings/flagged', { ...opts, query: { cursor, limit: 20 } });
export const listAllFiveWorkers = (opts?: RequestOptions) =>
  api.get<Page<AllFiveWorker>>('/v1/ratings/all-five-workers', { ...opts, query: { limit: 100 } });

export const rateRequest = (id: string, stars: number, comment?: string) =>
  api.post<RequestResource>(`/v1/requests/${enc(id)}/rating`, { stars, ...(comment ? { comment } : {}) });

export const listCallbacks = (
  status: 'open' | 'done',
  cursor?: string | null,
  opts?: RequestOptions,
  view?: 'community' | 'escalated',
) => api.get<Page<Callback>>('/v1/callbacks', { ...opts, query: { status, cursor, limit: 20, view } });

export const completeCallback = (
  id: string,
  body: { outcome: 'confirmed' | 'reopen'; note: string; version?: number },
) => api.post<Callback>(`/v1/callbacks/${enc(id)}/complete`, body);

export const listMessages = (cursor?: string | null, opts?: RequestOptions) =>
  api.get<Page<Message>>('/v1/messages', { ...opts, query: { cursor, limit: 20 } });

export const getGridStats = (gridId: string, opts?: RequestOptions) =>
  api.get<GridStats>(`/v1/stats/grids/${enc(gridId)}`, opts);
