/**
 * Attachments: the client asks for a presigned POST (key, content type and size range bound in
 * its policy), uploads the bytes straight to S3 as a form, then sends the key with what it
 * creates. The server checks what was really stored (owner's exact key, declared type, size, and
 * the first bytes really being that image) before attaching it, and hands out short-lived GET
 * links only to those allowed to read.
 */
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES, type CreateUploadBody, type UploadTicket } from '@gridlink/shared/uploads';
import { newId } from '../data/ids';
import { headBytes, headObject, presignGet, presignPost } from '../data/storage';
import { sniffImage } from './image-type';
import { badRequest } from './errors';
import type { Actor } from '../auth/actor';

const EXT = new Map<string, string>([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
]);
const PURPOSES = '(?:request|application|proxy)';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Keys are built only by the server (createUpload): `uploads/<userId>/<purpose>/<id>.<ext>`. An
 * attachment must match that pattern exactly, for the actor's own id — no `..`, no extra `/`, no
 * encoded separators — so a prefix trick such as `uploads/<me>/../<them>/…` cannot pass.
 */
export const isOwnUploadKey = (actorId: string, key: string) =>
  new RegExp(`^uploads/${escape(actorId)}/${PURPOSES}/[0-9A-HJKMNP-TV-Z]{26}\\.(?:jpg|png|webp)$`).test(key);
const POST_SECONDS = 600;
const GET_SECONDS = 300;

export async function createUpload(actor: Actor, body: CreateUploadBody): Promise<UploadTicket> {
  const key = `uploads/${actor.id}/${body.purpose}/${newId()}.${EXT.get(body.contentType)}`;
  const post = await presignPost(key, body.contentType, MAX_UPLOAD_BYTES, POST_SECONDS);
  return {
    key,
    url: post.url,
    method: 'POST',
    fields: post.fields,
    headers: {},
    maxBytes: MAX_UPLOAD_BYTES,
    expiresAt: new Date(Date.now() + POST_SECONDS * 1000).toISOString(),
  };
}

/** Every key must be the actor's own upload, present, an allowed image and within the size limit. */
export async function verifyAttachments(actor: Actor, keys: readonly string[]) {
  const details: { path: string; message: string }[] = [];
  await Promise.all(
    keys.map(async (key, i) => {
      if (!isOwnUploadKey(actor.id, key))
        return details.push({ path: `attachments.${i}`, message: '只能附加自己上传的图片' });
      const head = await headObject(key);
      if (!head) return details.push({ path: `attachments.${i}`, message: '图片尚未上传成功' });
      if (!UPLOAD_TYPES.includes(head.contentType as never))
        return details.push({ path: `attachments.${i}`, message: '仅支持 JPG、PNG、WebP 图片' });
      if (head.size > MAX_UPLOAD_BYTES) return details.push({ path: `attachments.${i}`, message: '图片不能超过 5 MB' });
      if (head.size < 1) return details.push({ path: `attachments.${i}`, message: '图片是空的' });
      // the bytes, not the name or the declared type: a text file called photo.jpg is refused
      if (sniffImage(await headBytes(key)) !== head.contentType)
        return details.push({ path: `attachments.${i}`, message: '文件内容不是有效的图片' });
    }),
  );
  if (details.length) throw badRequest('附件有误，请重新上传', details);
}

export const attachmentLinks = (keys: readonly string[]) =>
  Promise.all(keys.map(async (key) => ({ key, url: await presignGet(key, GET_SECONDS) })));
