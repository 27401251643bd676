/**
 * Attachments: the client asks for a presigned PUT, uploads the bytes straight to S3, then sends
 * the key with what it creates. The server checks what was really stored (type, size, owner)
 * before attaching it, and hands out short-lived GET links only to those allowed to read.
 */
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES, type CreateUploadBody, type UploadTicket } from '@gridlink/shared/uploads';
import { newId } from '../data/ids';
import { headObject, presignGet, presignPut } from '../data/storage';
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
const PUT_SECONDS = 600;
const GET_SECONDS = 300;

export async function createUpload(actor: Actor, body: CreateUploadBody): Promise<UploadTicket> {
  const key = `uploads/${actor.id}/${body.purpose}/${newId()}.${EXT.get(body.contentType)}`;
  const url = await presignPut(key, body.contentType, PUT_SECONDS);
  return {
    key,
    url,
    method: 'PUT',
    headers: { 'content-type': body.contentType },
    expiresAt: new Date(Date.now() + PUT_SECONDS * 1000).toISOString(),
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
    }),
  );
  if (details.length) throw badRequest('附件有误，请重新上传', details);
}

export const attachmentLinks = (keys: readonly string[]) =>
  Promise.all(keys.map(async (key) => ({ key, url: await presignGet(key, GET_SECONDS) })));
