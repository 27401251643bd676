/** 居民户籍 (issue 13): households, search, one person, 迁入 / 信息变更 / 迁出, the population counts. */
import type {
  Household,
  HouseholdPerson,
  PersonHit,
  PopulationCounts,
  PopulationStats,
} from '@gridlink/shared/basedata';
import { api, newIdempotencyKey, type RequestOptions } from './client';
import type { Page } from './endpoints';

export type { Household, HouseholdPerson, PersonHit, PopulationCounts, PopulationStats };

const enc = encodeURIComponent;

export const getHouseholds = (buildingId: string, opts?: RequestOptions) =>
  api.get<{ buildingId: string; items: Household[] }>(`/v1/grids/${enc(buildingId)}/households`, opts);

export const searchPersons = (gridId: string, q: string, by: 'name' | 'houseNo', cursor?: string | null) =>
  api.get<Page<PersonHit>>(`/v1/grids/${enc(gridId)}/persons`, { query: { q, by, limit: 20, cursor } });

/** `full`: the audited 查看完整信息 */
export const getPerson = (buildingId: string, personId: string, full = false) =>
  api.get<HouseholdPerson>(`/v1/grids/${enc(buildingId)}/persons/${enc(personId)}`, {
    query: full ? { full: '1' } : {},
  });

export interface MoveIn {
  houseNo: string;
  name: string;
  idNumber: string;
  phone?: string;
  relation?: string;
  personType: string;
  tags: string[];
}
export const moveIn = (unitId: string, body: MoveIn) =>
  api.post<HouseholdPerson>(`/v1/grids/${enc(unitId)}/persons`, body, { idempotencyKey: newIdempotencyKey() });

export const changePerson = (
  buildingId: string,
  personId: string,
  body: { version: number; phone?: string; personType?: string; tags?: string[]; relation?: string },
) => api.put<HouseholdPerson>(`/v1/grids/${enc(buildingId)}/persons/${enc(personId)}`, body);

export const moveOut = (
  buildingId: string,
  personId: string,
  body: { version: number; date: string; destination: string; note?: string },
) => api.post<HouseholdPerson>(`/v1/grids/${enc(buildingId)}/persons/${enc(personId)}/move-out`, body);

export const getPopulation = (gridId: string, opts?: RequestOptions) =>
  api.get<PopulationStats>(`/v1/stats/grids/${enc(gridId)}/population`, { ...opts, query: { limit: 50 } });
