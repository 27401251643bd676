import * as z from 'zod';

export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const CreateUploadBody = z.strictObject({
  /** what the file will be attached to */
  purpose: z.enum(['request', 'application', 'proxy']),
  contentType: z.enum(UPLOAD_TYPES, '仅支持 JPG、PNG、WebP 图片'),
  size: z.number().int().min(1).max(MAX_UPLOAD_BYTES, '图片不能超过 5 MB'),
});
export type CreateUploadBody = z.infer<typeof CreateUploadBody>;

/**
 * A presigned POST: send a multipart form to `url` with every `fields` entry, then the bytes as
 * the `file` field (last), then attach `key`. The policy binds the key, the content type and
 * 1 B … `maxBytes`. `headers` (empty) is kept for older clients' sake.
 */
export const UploadTicket = z.object({
  key: z.string(),
  url: z.string(),
  method: z.literal('POST'),
  fields: z.record(z.string(), z.string()),
  headers: z.record(z.string(), z.string()),
  maxBytes: z.number().int(),
  expiresAt: z.string(),
});
export type UploadTicket = z.infer<typeof UploadTicket>;
