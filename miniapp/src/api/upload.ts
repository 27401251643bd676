import Taro from '@tarojs/taro';
import type { UploadTicket } from '@gridlink/shared/uploads';
import { api, ApiError } from './client';

export type UploadPurpose = 'request' | 'application' | 'proxy';

/** The same limits as the API's (shared/uploads.ts imports zod, which must stay out of the main package). */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

type ContentType = (typeof UPLOAD_CONTENT_TYPES)[number];

interface LocalImage {
  contentType: string;
  size: number;
  /** weapp: the bytes; h5: the blob */
  body: ArrayBuffer | Blob;
}

const BY_EXTENSION: Record<string, ContentType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

function typeFromPath(path: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[ext] ?? '';
}

async function readWeapp(filePath: string): Promise<LocalImage> {
  const info = await Taro.getImageInfo({ src: filePath }).catch(() => undefined);
  const data = await new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      success: (r) => resolve(r.data as ArrayBuffer),
      fail: reject,
    });
  });
  const kind = (info?.type ?? '').toLowerCase();
  const contentType = BY_EXTENSION[kind] ?? typeFromPath(filePath);
  return { contentType, size: data.byteLength, body: data };
}

async function readH5(filePath: string): Promise<LocalImage> {
  // chooseImage on h5 hands out blob: URLs of the picked files
  const blob = await (await fetch(filePath)).blob();
  return { contentType: blob.type || typeFromPath(filePath), size: blob.size, body: blob };
}

/** weapp: wx.uploadFile posts a multipart form — the ticket's policy fields, then the file as `file`. */
async function postWeapp(ticket: UploadTicket, filePath: string): Promise<number> {
  const res = await Taro.uploadFile({
    url: ticket.url,
    filePath,
    name: 'file',
    formData: ticket.fields,
    timeout: 60000,
  });
  return res.statusCode;
}

/** h5: the same form with FormData (fields first, `file` last, as S3 wants). */
async function postH5(ticket: UploadTicket, body: Blob, contentType: string): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.fields)) form.append(k, v);
  form.append('file', body.type === contentType ? body : new Blob([body], { type: contentType }), 'photo');
  const res = await fetch(ticket.url, { method: 'POST', body: form });
  return res.status;
}

/**
 * Uploads one picked image (a `chooseImage` temp path) for `purpose` and returns its key, to be
 * sent in `attachments`: asks the API for a presigned POST, then posts the file there as a form
 * (the policy binds key, type and size; the API sniffs the bytes before attaching).
 * Shows no toast: throws an ApiError with a Chinese message the caller can show.
 */
export async function uploadImage(filePath: string, purpose: UploadPurpose): Promise<string> {
  let file: LocalImage;
  try {
    file = process.env.TARO_ENV === 'h5' ? await readH5(filePath) : await readWeapp(filePath);
  } catch {
    throw new ApiError(0, 'READ_FAILED', '读取图片失败，请重新选择');
  }
  if (!UPLOAD_CONTENT_TYPES.includes(file.contentType as ContentType)) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', '仅支持 JPG、PNG、WebP 图片');
  }
  if (file.size > MAX_IMAGE_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', '图片不能超过 5 MB');
  if (file.size < 1) throw new ApiError(400, 'VALIDATION_FAILED', '图片是空的，请重新选择');

  const ticket = await api.post<UploadTicket>(
    '/v1/uploads',
    { purpose, contentType: file.contentType, size: file.size },
    { silent: true },
  );

  let status: number;
  try {
    status =
      process.env.TARO_ENV === 'h5'
        ? await postH5(ticket, file.body as Blob, file.contentType)
        : await postWeapp(ticket, filePath);
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '图片上传失败，请检查网络后重试');
  }
  if (status < 200 || status >= 300) throw new ApiError(status, 'UPLOAD_FAILED', '图片上传失败，请重试');
  return ticket.key;
}
