import * as z from 'zod';
import { Id } from './common';

/** A resident of a household as staff see them: masked unless the audited full view was asked for. */
export const HouseholdPerson = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string(),
  birthYear: z.string(),
  phone: z.string().optional(),
  idNumber: z.string(),
  relation: z.string().optional(),
  personType: z.string(),
  tags: z.array(z.string()),
  masked: z.boolean(),
  /** the version a change (信息变更 / 迁出) must name */
  version: z.number().optional(),
  /** 迁出: when and where to (kept for the record; no longer in the household) */
  movedOutAt: z.string().optional(),
  movedOutTo: z.string().optional(),
});
export type HouseholdPerson = z.infer<typeof HouseholdPerson>;

/** 房屋 with its 住户 (issue 13): one per 门牌号 of a building */
export const Household = z.object({
  unitId: Id,
  houseNo: z.string(),
  use: z.string().optional(),
  area: z.number().optional(),
  residents: z.array(HouseholdPerson),
});
export type Household = z.infer<typeof Household>;

export const Households = z.object({ buildingId: Id, items: z.array(Household) });

export const PersonParams = z.object({ id: Id, pid: z.string().regex(/^[0-9a-f]{20}$/, '格式不正确') });
export const PersonQuery = z.object({ full: z.enum(['0', '1']).optional() });

/** the counters a person or house item keeps on its grid (issue 13), as the dashboard shows them */
export const PopulationCounts = z.object({
  /** 房屋 */
  houses: z.number(),
  /** 出租房屋 */
  rented: z.number(),
  /** 户数: persons recorded as 户主 */
  households: z.number(),
  /** 人数 (current residents: 迁出 not counted) */
  persons: z.number(),
  /** 流动人口 */
  floating: z.number(),
  /** 境外人员 */
  overseas: z.number(),
  /** 独居老人 */
  elderlyAlone: z.number(),
  /** 残疾人 */
  disabled: z.number(),
});
export type PopulationCounts = z.infer<typeof PopulationCounts>;

export const PopulationGrid = z.object({
  gridId: Id,
  name: z.string(),
  level: z.string(),
  counts: PopulationCounts,
});
export type PopulationGrid = z.infer<typeof PopulationGrid>;

/** a grid's counts and those of each grid of the level below (one page of them) */
export const PopulationStats = PopulationGrid.extend({
  children: z.array(PopulationGrid),
  nextCursor: z.string().nullable(),
});
export type PopulationStats = z.infer<typeof PopulationStats>;

/** search within scope: a name or a 门牌号, matched from its start */
export const PersonSearchQuery = z.object({
  q: z.string().trim().min(1, '请输入姓名或门牌号').max(30),
  by: z.enum(['name', 'houseNo']).default('name'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

/** a search hit: the person masked, with where they live */
export const PersonHit = HouseholdPerson.extend({
  buildingId: Id,
  unitId: Id,
  houseNo: z.string(),
  place: z.string(),
});
export type PersonHit = z.infer<typeof PersonHit>;

const tags = z.array(z.string().max(10)).max(10);

/** 迁入: a new resident of a house of this unit (checked as the import checks a 人口 row) */
export const MoveInBody = z.object({
  houseNo: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(30),
  idNumber: z.string().trim().min(5).max(20),
  gender: z.string().max(2).optional(),
  birthDate: z.string().max(10).optional(),
  phone: z.string().max(20).optional(),
  relation: z.string().max(10).optional(),
  personType: z.string().max(4),
  tags: tags.default([]),
  movedInAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .optional(),
});

/** 信息变更: the fields given change (the version read guards the write) */
export const PersonChangeBody = z
  .object({
    version: z.number().int().min(1),
    name: z.string().trim().min(1).max(30).optional(),
    phone: z.string().max(20).optional(),
    relation: z.string().max(10).optional(),
    personType: z.string().max(4).optional(),
    tags: tags.optional(),
  })
  .refine((b) => Object.keys(b).length > 1, '请至少修改一项');

/** 迁出: the person stays on record, out of the household, the counts and the search */
export const MoveOutBody = z.object({
  version: z.number().int().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  destination: z.string().trim().min(1, '请填写迁往何处').max(50),
  note: z.string().trim().max(200).optional(),
});
