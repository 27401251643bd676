/**
 * 红色代办: proxy tasks, care recipients (帮扶对象), family links, agents. Types only from
 * @gridlink/shared (erased at build: zod stays out of whatever package imports this module).
 */
import type * as z from 'zod';
import type { Application } from '@gridlink/shared/applications';
import type {
  AgentApplicationBody,
  AgentProfile as AgentProfileSchema,
  CareRecipient as CareRecipientSchema,
  CreateCareRecipientBody,
  CreateProxyTaskBody,
  ProxyStatus,
  ProxyTask,
} from '@gridlink/shared/proxy';
import { api, type RequestOptions } from './client';
import type { Page } from './endpoints';

export type { Application, CreateProxyTaskBody, ProxyStatus, ProxyTask };
export type CareRecipient = z.infer<typeof CareRecipientSchema>;
/** the list leaves out phone, ID number and family */
export type CareRecipientSummary = Omit<CareRecipient, 'phone' | 'idNumber' | 'family'>;
export type CreateCareRecipient = z.infer<typeof CreateCareRecipientBody>;
export type CareNeed = CreateCareRecipient['needs'][number];
export type AgentProfile = z.infer<typeof AgentProfileSchema>;
export type AgentApplicationInput = z.infer<typeof AgentApplicationBody>;
export type ConsentMethod = CreateProxyTaskBody['consent']['method'];
export type ProxyView = 'hall' | 'mine' | 'requested';
export type ProxyMove = 'claim' | 'start' | 'complete' | 'confirm' | 'cancel';

export interface AgentApplication {
  userId: string;
  name: string;
  partyMember: boolean;
  reason: string;
  status: string;
  createdAt: string;
}

export interface FamilyLink {
  recipientId: string;
  userId: string;
  status: 'pending' | 'confirmed';
}

export interface CompleteBody {
  note: string;
  applicationId?: string;
  photos?: string[];
}

const enc = encodeURIComponent;

// ------------------------------------------------------------------ proxy tasks

export const createProxyTask = (body: CreateProxyTaskBody, idempotencyKey: string) =>
  api.post<ProxyTask>('/v1/proxy-tasks', body, { idempotencyKey, silent: true });

export const listProxyTasks = (view: ProxyView, cursor?: string | null, limit = 20) =>
  api.get<Page<ProxyTask>>('/v1/proxy-tasks', { query: { view, limit, cursor }, silent: true });

export const getProxyTask = (id: string, opts: RequestOptions = { silent: true }) =>
  api.get<ProxyTask>(`/v1/proxy-tasks/${enc(id)}`, opts);

/** claim / start / complete / confirm / cancel: the updated task (without its timeline) */
export const moveProxyTask = (id: string, move: ProxyMove, body: Partial<CompleteBody> & { version?: number } = {}) =>
  api.post<ProxyTask>(`/v1/proxy-tasks/${enc(id)}/${move}`, body, { silent: true });

export const rateProxyTask = (id: string, stars: number, comment?: string) =>
  api.post<ProxyTask>(
    `/v1/proxy-tasks/${enc(id)}/rating`,
    { stars, ...(comment ? { comment } : {}) },
    { silent: true },
  );

// ------------------------------------------------------------------ care recipients and family

export const registerCareRecipient = (body: CreateCareRecipient, idempotencyKey: string) =>
  api.post<CareRecipient>('/v1/care-recipients', body, { idempotencyKey, silent: true });

export const listCareRecipients = (cursor?: string | null, limit = 50) =>
  api.get<Page<CareRecipientSummary>>('/v1/care-recipients', { query: { limit, cursor }, silent: true });

export const getCareRecipient = (id: string, opts: RequestOptions = { silent: true }) =>
  api.get<CareRecipient>(`/v1/care-recipients/${enc(id)}`, opts);

export const requestFamilyLink = (recipientId: string) =>
  api.post<FamilyLink>(`/v1/care-recipients/${enc(recipientId)}/family`, {}, { silent: true });

export const confirmFamilyLink = (recipientId: string, userId: string) =>
  api.post<FamilyLink>(`/v1/care-recipients/${enc(recipientId)}/family/${enc(userId)}/confirm`, {}, { silent: true });

// ------------------------------------------------------------------ agents

export const applyAsAgent = (body: AgentApplicationInput) =>
  api.post<{ userId: string; communityId: string; status: string; createdAt: string }>(
    '/v1/agents/applications',
    body,
    { silent: true },
  );

export const listAgentApplications = (cursor?: string | null, limit = 20) =>
  api.get<Page<AgentApplication>>('/v1/agents/applications', { query: { limit, cursor }, silent: true });

export const approveAgent = (userId: string) =>
  api.post<AgentProfile>(`/v1/agents/${enc(userId)}/approve`, {}, { silent: true });

export const getAgentProfile = (id: string) => api.get<AgentProfile>(`/v1/agents/${enc(id)}`, { silent: true });

// ------------------------------------------------------------------ applications made on behalf

/** The agent's own list holds what they applied for on someone's behalf, newest first. */
export const listMyApplications = (limit = 50) =>
  api.get<Page<Application>>('/v1/applications', { query: { view: 'mine', limit }, silent: true });
