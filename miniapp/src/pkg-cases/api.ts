/**
 * 矛盾纠纷 and 信访 in the API. Types only from @gridlink/shared/cases (no zod at run time).
 */
import type * as z from 'zod';
import type {
  AgreeBody,
  CloseDisputeBody,
  CreateDisputeBody,
  CreatePetitionBody,
  Dispute,
  FailBody,
  KeyCaseBody,
  Petition,
  ProgressBody,
  ReplyBody,
  SessionBody,
} from '@gridlink/shared/cases';
import { api, newIdempotencyKey, type RequestOptions } from '../api/client';
import type { Page } from '../api/endpoints';

export type { Dispute, Petition };
export type CaseKind = 'dispute' | 'petition';
export type CaseView = 'inbox' | 'community' | 'mine';
export type CaseEvent = NonNullable<Dispute['timeline']>[number];

const enc = encodeURIComponent;
const PATH = { dispute: '/v1/disputes', petition: '/v1/petitions' } as const;
/** the page shows field errors itself */
const quiet: RequestOptions = { silent: true };

export const listCases = <K extends CaseKind>(kind: K, view: CaseView, cursor?: string | null, opts?: RequestOptions) =>
  api.get<Page<K extends 'dispute' ? Dispute : Petition>>(PATH[kind], { ...opts, query: { view, cursor, limit: 20 } });
export const getDispute = (id: string, opts?: RequestOptions) => api.get<Dispute>(`${PATH.dispute}/${enc(id)}`, opts);
export const getPetition = (id: string, opts?: RequestOptions) =>
  api.get<Petition>(`${PATH.petition}/${enc(id)}`, opts);

export const createDispute = (body: z.input<typeof CreateDisputeBody>, key = newIdempotencyKey()) =>
  api.post<Dispute>(PATH.dispute, body, { ...quiet, idempotencyKey: key });
export const createPetition = (body: z.input<typeof CreatePetitionBody>, key = newIdempotencyKey()) =>
  api.post<Petition>(PATH.petition, body, { ...quiet, idempotencyKey: key });

/** Each move's body, by the workflow table's move names (shared/workflows/cases). */
type DisputeBodies = {
  session: z.input<typeof SessionBody>;
  escalate: { note?: string; version?: number };
  agree: z.input<typeof AgreeBody>;
  fail: z.input<typeof FailBody>;
  close: z.input<typeof CloseDisputeBody>;
};
export type DisputeMove = keyof DisputeBodies;
export const actOnDispute = <M extends DisputeMove>(id: string, move: M, body: DisputeBodies[M]) =>
  api.post<Dispute>(`${PATH.dispute}/${enc(id)}/${move === 'session' ? 'sessions' : move}`, body, quiet);

type PetitionBodies = {
  accept: { note?: string; version?: number };
  escalate: { note?: string; version?: number };
  progress: z.input<typeof ProgressBody>;
  reply: z.input<typeof ReplyBody>;
  flagKey: z.input<typeof KeyCaseBody>;
  rate: { stars: number; comment?: string; version?: number };
};
export type PetitionMove = keyof PetitionBodies;
/** the routes' names for the moves that the table calls otherwise */
const PETITION_PATH: Partial<Record<PetitionMove, string>> = { flagKey: 'key', rate: 'rating' };
export const actOnPetition = <M extends PetitionMove>(id: string, move: M, body: PetitionBodies[M]) =>
  api.post<Petition>(`${PATH.petition}/${enc(id)}/${PETITION_PATH[move] ?? move}`, body, quiet);
