import Taro from '@tarojs/taro';
import type { CreatedImport, ImportJob } from '@gridlink/shared/imports';
import { api, apiBase, ApiError, toApiError } from './client';
import type { Page } from './endpoints';
import { getToken } from './session';

export type { ImportJob };

/** The same limits as the API's (shared/imports.ts imports zod, which stays out of the package). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_EXTENSIONS = ['xlsx', 'csv', 'zip'] as const;
const CONTENT_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  zip: 'application/zip',
};

/** A file picked on the device: weapp a temp path, h5 the File itself. */
export interface PickedFile {
  name: string;
  size: number;
  path?: string;
  file?: Blob;
}

export const importTemplate = () =>
  api.get<{ url: string; fileName: string; expiresAt: string }>('/v1/imports/template', { silent: true });
export const getImport = (id: string) => api.get<ImportJob>(`/v1/imports/${encodeURIComponent(id)}`, { silent: true });
export const listImports = (limit = 5) => api.get<Page<ImportJob>>('/v1/imports', { query: { limit }, silent: true });
export const startImport = (id: string) =>
  api.post<ImportJob>(`/v1/imports/${encodeURIComponent(id)}/start`, {}, { silent: true });

const extOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * weapp: a file from a chat (chooseMessageFile — the mini-program cannot browse the phone's
 * files); h5: a plain `<input type=file>` (Taro's h5 has no chooseMessageFile nor chooseFile).
 */
export function pickFile(): Promise<PickedFile | undefined> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',');
      input.style.display = 'none';
      input.onchange = () => {
        const f = input.files?.[0];
        input.remove();
        resolve(f ? { name: f.name, size: f.size, file: f } : undefined);
      };
      document.body.appendChild(input);
      input.click();
    });
  }
  return Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...IMPORT_EXTENSIONS] }).then(
    (r) => {
      const f = r.tempFiles[0];
      return f ? { name: f.name, size: f.size, path: f.path } : undefined;
    },
    () => undefined, // cancelled
  );
}

/** Checks the file, creates the job and posts the file with its presigned form: the job (uploading). */
export async function uploadImport(picked: PickedFile): Promise<ImportJob> {
  const ext = extOf(picked.name);
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(ext))
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', '仅支持 .xlsx、.csv 或 .zip 文件');
  if (picked.size > IMPORT_MAX_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', '文件不能超过 50 MB');
  if (picked.size < 1) throw new ApiError(400, 'VALIDATION_FAILED', '文件是空的，请重新选择');
  const { job, upload } = await api.post<CreatedImport>(
    '/v1/imports',
    { fileName: picked.name, size: picked.size },
    { silent: true },
  );
  let status: number;
  try {
    if (process.env.TARO_ENV === 'h5') {
      const form = new FormData();
      for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
      form.append('file', new Blob([picked.file!], { type: CONTENT_TYPES[ext] }), picked.name);
      status = (await fetch(upload.url, { method: 'POST', body: form })).status;
    } else {
      const res = await Taro.uploadFile({
        url: upload.url,
        filePath: picked.path!,
        name: 'file',
        formData: upload.fields,
        timeout: 120000,
      });
      status = res.statusCode;
    }
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '文件上传失败，请检查网络后重试');
  }
  if (status < 200 || status >= 300) throw new ApiError(status, 'UPLOAD_FAILED', '文件上传失败，请重试');
  return job;
}

/** h5: save a link or blob under a name (an <a download>) */
function saveH5(href: string, name: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** 下载模板: h5 saves the workbook; weapp opens it (openDocument shows .xlsx and can forward it) */
export async function downloadTemplate() {
  const t = await importTemplate();
  if (process.env.TARO_ENV === 'h5') return saveH5(t.url, t.fileName);
  const { tempFilePath } = await Taro.downloadFile({ url: t.url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
}

/** 下载报告: the whole report (CSV) — h5 saves it; weapp forwards it to a chat (shareFileMessage) */
export async function downloadReport(id: string) {
  const url = `${apiBase()}/v1/imports/${encodeURIComponent(id)}/report`;
  const header = { Authorization: `Bearer ${getToken() ?? ''}` };
  const name = `导入报告-${id}.csv`;
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(url, { headers: header });
    if (!res.ok) throw toApiError(res.status, await res.text());
    const href = URL.createObjectURL(await res.blob());
    saveH5(href, name);
    setTimeout(() => URL.revokeObjectURL(href), 10000);
    return;
  }
  const res = await Taro.downloadFile({ url, header });
  if (res.statusCode !== 200) throw toApiError(res.statusCode, undefined);
  await Taro.shareFileMessage({ filePath: res.tempFilePath, fileName: name });
}
