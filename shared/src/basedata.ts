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
