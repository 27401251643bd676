/**
 * Vocabulary more than one workflow's schemas use (requests, cases, proxy, services), apart so that
 * importing it does not load a whole other workflow's schemas.
 */
import * as z from 'zod';
import { CONSENT_METHODS, LEVELS } from './names';

/** the level handling an item: grid, community, street, district */
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/** 授权: how the person being helped agreed (required: no consent, no task). */
export const Consent = z.strictObject({
  given: z.literal(true, '必须取得本人授权'),
  method: z.enum(CONSENT_METHODS),
  note: z.string().trim().max(200).optional(),
});
export type Consent = z.infer<typeof Consent>;

/** 1–5 stars and a comment: the rating of a request, a proxy task and an application alike */
export const RatingBody = z.strictObject({
  stars: z.number().int().min(1, '评分为 1–5 星').max(5, '评分为 1–5 星'),
  comment: z.string().trim().max(500).optional(),
});
