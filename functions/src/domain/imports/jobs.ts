/**
 * The admin upload (issue 13 item 2): a job item, a presigned POST for the file, a start that
 * queues the job (an asynchronous Lambda in the cloud, the same handler in-process locally), and
 * reads of its progress and report. Community, street and district admins only, each within their
 * own grids: the job imports only rows under the owner's grids (runImport's `scope`).
 */
import {
  CreateImportBody,
  IMPORT_CONTENT_TYPES,
  IMPORT_MAX_BYTES,
  IMPORT_PROBLEMS_LISTED,
  type CreatedImport,
  type ImportJob,
  type ImportKind,
} from '@gridlink/shared/imports';
import type { Actor } from '../../auth/actor';
import { getGridItems } from '../../data/grids';
import { newId } from '../../data/ids';
import { createImportJob, getImportJob, listImportJobs, updateImportJob, type ImportJobItem } from '../../data/imports';
import { invokeImportJob } from '../../data/invoke';
import type { PageRequest } from '../../data/query';
import { createHash } from 'node:crypto';
import { getObjectText, headObject, presignGet, presignPost, putObject } from '../../data/storage';
import { SHEETS } from '../basedata/schema';
import { TEMPLATE_ROWS } from '../basedata/template-rows';
import { badRequest, dependencyFailed, forbidden, notFound } from '../errors';
import { CSV_NAME_RULE, sheetOfCsv } from './names';

const POST_SECONDS = 600;
/**
 * A running job writes its progress about every second; one silent this long has died (the
 * Lambda timed out at 15 minutes or ran out of memory) and reads as failed, so it can be started
 * again. Re-running is safe: rows already landed are unchanged by a second import.
 */
export const STALE_MS = 5 * 60_000;
export const INTERRUPTED = '导入中断（超时或出错）：已导入的行保持不变，请重新开始，已导入的行不会重复写入';

const ADMIN_ROLES = ['community_admin', 'street_admin', 'district_admin'];

const isStale = (j: ImportJobItem, now = Date.now()) =>
  (j.status === 'running' || j.status === 'queued') && now - Date.parse(j.updatedAt) > STALE_MS;

/** the projection every read answers (no keys, no scope lists, no S3 keys) */
export function view(j: ImportJobItem): ImportJob {
  const stale = isStale(j);
  return {
    id: j.id,
    // between two parts of a long import it is still running for the admin
    status: stale ? 'failed' : j.status === 'queued' && j.carry ? 'running' : j.status,
    fileName: j.fileName,
    kind: j.kind,
    size: j.size,
    ownerId: j.ownerId,
    scopeGridId: j.scopeGridId,
    progress: {
      ...(j.progress.phase ? { phase: j.progress.phase } : {}),
      ...(j.progress.sheet ? { sheet: j.progress.sheet } : {}),
      rows: j.progress.rows,
      bytesRead: j.progress.bytesRead,
      bytesTotal: j.progress.bytesTotal,
      rowsPerSecond: j.progress.rowsPerSecond,
    },
    ...(j.result
      ? {
          result: {
            gridsCreated: j.result.gridsCreated,
            sheets: Object.fromEntries(Object.entries(j.result.sheets).map(([k, c]) => [k, { ...c }])),
            problemsTotal: j.result.problemsTotal,
          },
        }
      : {}),
    problems: (j.problems ?? []).slice(0, IMPORT_PROBLEMS_LISTED).map((p) => ({ ...p })),
    ...(stale ? { error: INTERRUPTED } : j.error ? { error: j.error } : {}),
    attempts: j.attempts,
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
    ...(j.startedAt ? { startedAt: j.startedAt } : {}),
    ...(j.finishedAt ? { finishedAt: j.finishedAt } : {}),
  };
}

function requireAdmin(actor: Actor) {
  if (!ADMIN_ROLES.includes(actor.role)) throw forbidden('仅社区、街道和区级管理员可以导入基础数据');
  if (!actor.gridIds.length) throw forbidden('您没有负责的网格，无法导入');
}

/** the owner, or an admin whose grid is on the path of one of the owner's grids */
async function readable(actor: Actor, id: string) {
  requireAdmin(actor);
  const job = await getImportJob(id);
  if (!job) throw notFound('导入任务不存在');
  if (job.ownerId !== actor.id && !actor.gridIds.some((g) => job.scopePath.includes(g)))
    throw forbidden('无权查看该导入任务');
  return job;
}

const kindOf = (fileName: string) => /\.(xlsx|csv|zip)$/i.exec(fileName)![1].toLowerCase() as ImportKind;

export async function createImport(actor: Actor, body: CreateImportBody, now: string): Promise<CreatedImport> {
  requireAdmin(actor);
  const kind = kindOf(body.fileName);
  if (kind === 'csv' && !sheetOfCsv(body.fileName))
    throw badRequest(CSV_NAME_RULE, [{ path: 'fileName', message: CSV_NAME_RULE }]);
  const grids = await getGridItems(actor.gridIds);
  const own = actor.gridIds.map((g) => grids.get(g)).filter((g) => !!g);
  if (!own.length) throw forbidden('您负责的网格不存在，无法导入');
  const id = newId();
  const key = `uploads/${actor.id}/import/${id}.${kind}`;
  const post = await presignPost(key, IMPORT_CONTENT_TYPES[kind], IMPORT_MAX_BYTES, POST_SECONDS);
  const job: ImportJobItem = {
    id,
    status: 'uploading',
    fileName: body.fileName,
    kind,
    size: body.size,
    ownerId: actor.id,
    ownerRole: actor.role,
    scopeGridId: own[0].id,
    scopeGridIds: own.map((g) => g.id),
    scopePath: [...new Set(own.flatMap((g) => g.path))],
    districtId: own[0].path[0],
    key,
    progress: { rows: 0, bytesRead: 0, bytesTotal: 0, rowsPerSecond: 0 },
    problems: [],
    attempts: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await createImportJob(job);
  return {
    job: view(job),
    upload: {
      key,
      url: post.url,
      method: 'POST',
      fields: post.fields,
      headers: {},
      maxBytes: IMPORT_MAX_BYTES,
      expiresAt: new Date(Date.parse(now) + POST_SECONDS * 1000).toISOString(),
    },
  };
}

/**
 * Queue the job and start it. Idempotent: a job already queued, running or done is answered as
 * it is; a failed (or died) one is queued again — re-importing changes nothing already landed.
 */
export async function startImport(actor: Actor, id: string, now: string): Promise<ImportJob> {
  const job = await readable(actor, id);
  if (job.ownerId !== actor.id) throw forbidden('只有上传者可以开始该导入任务');
  const stale = isStale(job, Date.parse(now));
  if (job.status === 'done' || ((job.status === 'queued' || job.status === 'running') && !stale)) return view(job);
  if (job.status === 'uploading') {
    const head = await headObject(job.key);
    if (!head) throw badRequest('文件尚未上传成功，请重新上传');
    // the POST policy binds the size, but the local S3 does not check it: the server does
    if (head.size > IMPORT_MAX_BYTES) throw badRequest('文件超过 50 MB，请拆分后分批导入');
    if (head.size < 1) throw badRequest('文件是空的');
  }
  const queued = await updateImportJob(
    id,
    [job.status],
    { status: 'queued', attempts: job.attempts + 1, updatedAt: now, error: '' },
    { version: job.version },
  );
  if (!queued) return view((await getImportJob(id))!); // a concurrent start won
  try {
    await invokeImportJob({ jobId: id });
  } catch {
    await updateImportJob(id, ['queued'], { status: 'failed', error: '导入任务未能启动，请稍后重试', updatedAt: now });
    throw dependencyFailed('导入任务未能启动，请稍后重试');
  }
  return view(queued);
}

export const getImport = async (actor: Actor, id: string) => view(await readable(actor, id));

export async function listImports(actor: Actor, page: PageRequest) {
  requireAdmin(actor);
  const out = await listImportJobs(actor.id, page);
  return { items: out.items.map(view), nextCursor: out.nextCursor };
}

/** the template, stored once per version of its content (the key carries a hash of it) */
const TEMPLATE_KEY = `uploads/templates/import-template-${createHash('sha256')
  .update(JSON.stringify([SHEETS, TEMPLATE_ROWS]))
  .digest('hex')
  .slice(0, 12)}.xlsx`;
const TEMPLATE_SECONDS = 300;

/** a short-lived link to the template workbook (the same file `npm run import:template` writes to docs/) */
export async function importTemplate(actor: Actor, now: string) {
  requireAdmin(actor);
  if (!(await headObject(TEMPLATE_KEY))) {
    // the workbook writer (exceljs) only when the template is first asked for: a lighter cold start
    const { templateWorkbook } = await import('../basedata/template');
    const bytes = Buffer.from(await templateWorkbook().xlsx.writeBuffer());
    await putObject(TEMPLATE_KEY, bytes, IMPORT_CONTENT_TYPES.xlsx);
  }
  return {
    url: await presignGet(TEMPLATE_KEY, TEMPLATE_SECONDS),
    fileName: '基础数据导入模板.xlsx',
    expiresAt: new Date(Date.parse(now) + TEMPLATE_SECONDS * 1000).toISOString(),
  };
}

/** the whole report, as the CSV the job stored (values masked as in the report) */
export async function importReport(actor: Actor, id: string) {
  const job = await readable(actor, id);
  const csv = job.reportKey ? await getObjectText(job.reportKey) : undefined;
  if (csv === undefined) throw notFound('报告尚未生成：导入完成后可下载');
  return { csv, fileName: `导入报告-${job.id}.csv` };
}
