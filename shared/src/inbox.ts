import * as z from 'zod';

/** One message of a user's inbox (我的消息). */
export const Message = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  page: z.string(),
  at: z.string(),
  /** a digest line: several notices of one window summed up ("您有 5 条新待办") */
  kind: z.literal('digest').optional(),
  count: z.number().int().optional(),
});
