import * as z from 'zod';

/** Identifiers we mint or seed: letters, digits, '-' and '_' only (keeps keys and paths safe). */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '格式不正确');

export const Timestamp = z.string().describe('ISO 8601 time with zone');

/** A time given by a client: ISO 8601 with zone (`Z` or `+08:00`), checked — it may end up in a key. */
export const TimestampInput = z.iso.datetime({ offset: true, error: '应为带时区的 ISO 8601 时间' });

/** `?limit=&cursor=` on every list. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'VERSION_CONFLICT',
  'INVALID_TRANSITION',
  'IDEMPOTENCY_KEY_REUSED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'DEPENDENCY_FAILED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Health = z.object({ status: z.literal('ok') });
