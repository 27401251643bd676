/**
 * The schema of a convenience service (便民服务事项), apart from the catalogue's data
 * (services-catalog.ts), so the route table and the API document need not load the 41 services.
 */
import * as z from 'zod';
import { FormField } from './fields';

export const ServiceCategory = z.enum([
  '证明开具',
  '社会救助',
  '养老服务',
  '残疾人服务',
  '就业创业',
  '社会保障',
  '医疗保障',
  '计生服务',
  '住房保障',
  '退役军人',
  '其他',
]);
export type ServiceCategory = z.infer<typeof ServiceCategory>;
export const SERVICE_CATEGORIES = ServiceCategory.options;

export const ServiceDef = z.object({
  code: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/),
  name: z.string().min(2).max(30),
  category: ServiceCategory,
  description: z.string().min(10).max(200),
  /** materials to have at hand (photos of them go into the image fields) */
  materials: z.array(z.string().min(1)).min(1).max(10),
  /** working days promised; 0 = same day */
  promisedDays: z.number().int().min(0).max(60),
  /** 网上直办: completed online without a visit to the station */
  onlineDirect: z.boolean(),
  fields: z
    .array(FormField)
    .min(3)
    .max(8)
    .refine((fs) => new Set(fs.map((f) => f.name)).size === fs.length, '字段名不能重复'),
  /** 热门: shown first */
  hot: z.boolean().optional(),
});
export type ServiceDef = z.infer<typeof ServiceDef>;
