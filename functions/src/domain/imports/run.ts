/**
 * One run of an import job (the import function; locally the same handler in-process): claim the
 * queued job, copy the upload to a temp folder (Lambda /tmp; the .xlsx reader needs a file: it
 * reads the zip by its central directory), run the one import code path (runImport) with the
 * owner's scope, write progress about once a second, then the report (S3) and `done`, or `failed`
 * with a Chinese message. Rows land whole or not at all (runImport), so a run that dies half-way
 * leaves landed rows as they are and a re-start imports the rest: the landed ones are unchanged.
 *
 * One Lambda run has 15 minutes (`npm run bench:import` prints this machine's rows/s). For files
 * that a run cannot finish, a Step Functions state machine would take over here: split the
 * file by sheet and row ranges into chunks and run this job per chunk (a Map state), each chunk
 * idempotent like the whole, then merge the counts and reports.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IMPORT_CONTENT_TYPES, IMPORT_MAX_BYTES, IMPORT_PROBLEMS_LISTED } from '@gridlink/shared/imports';
import { getImportJob, updateImportJob, type ImportJobItem } from '../../data/imports';
import { downloadObject, putObject, TooLarge } from '../../data/storage';
import { runImport, type ImportProgress } from '../basedata/import';
import { openSource, SourceError, type ByteMeter } from '../basedata/source';
import { unzipCsv } from './files';
import { sheetOfCsv } from './names';
import { reportCsv } from './report';

/** progress is written at most this often */
const PROGRESS_MS = 1000;

class JobFailure extends Error {}

async function fetchUpload(job: ImportJobItem, dir: string): Promise<string> {
  const name = job.kind === 'csv' ? `${sheetOfCsv(job.fileName) ?? 'data'}.csv` : `upload.${job.kind}`;
  const file = path.join(dir, name);
  let bytes: number | undefined;
  try {
    bytes = await downloadObject(job.key, file, IMPORT_MAX_BYTES);
  } catch (e) {
    if (e instanceof TooLarge) throw new JobFailure('文件超过 50 MB，请拆分后分批导入');
    throw e;
  }
  if (bytes === undefined) throw new JobFailure('没有找到上传的文件，请重新上传');
  if (bytes === 0) throw new JobFailure('文件是空的');
  return job.kind === 'zip' ? unzipCsv(file, path.join(dir, 'csv')) : file;
}

export async function runImportJob(jobId: string): Promise<{ jobId: string; status: string }> {
  const job = await getImportJob(jobId);
  if (!job) return { jobId, status: 'missing' };
  const t0 = Date.now();
  const claimed = await updateImportJob(jobId, ['queued'], {
    status: 'running',
    startedAt: new Date(t0).toISOString(),
    updatedAt: new Date(t0).toISOString(),
    progress: { rows: 0, bytesRead: 0, bytesTotal: 0, rowsPerSecond: 0 },
  });
  // not queued (a duplicate delivery, or already running or finished): nothing to do
  if (!claimed) return { jobId, status: job.status };

  const dir = await mkdtemp(path.join(tmpdir(), 'gridlink-import-'));
  const meter: ByteMeter = { total: 0, read: 0 };
  let last: ImportProgress | undefined;
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const progressOf = (rows = last?.rows ?? 0) => {
    const secs = (Date.now() - t0) / 1000;
    return {
      ...(last ? { phase: last.phase, sheet: last.sheet } : {}),
      rows,
      bytesRead: meter.read,
      bytesTotal: meter.total,
      rowsPerSecond: secs > 0 ? Math.round(rows / secs) : 0,
    };
  };
  const onProgress = (p: ImportProgress) => {
    last = p;
    const now = Date.now();
    if (now - lastWrite < PROGRESS_MS) return;
    lastWrite = now;
    // one write at a time; a failed progress write never stops the import
    writing = writing.then(() =>
      updateImportJob(
        jobId,
        ['running'],
        { progress: progressOf(), updatedAt: new Date(now).toISOString() },
        { bump: false },
      ).catch(() => undefined),
    );
  };
  const finish = async (set: Partial<ImportJobItem>) => {
    await writing;
    const at = new Date().toISOString();
    const rows = set.result && Object.values(set.result.sheets).reduce((n, c) => n + c.rows, 0);
    await updateImportJob(jobId, ['running'], { progress: progressOf(rows), updatedAt: at, finishedAt: at, ...set });
    return { jobId, status: String(set.status) };
  };

  try {
    const input = await fetchUpload(job, dir);
    const source = await openSource(input, meter);
    const result = await runImport(source, {
      districtId: job.districtId,
      actor: { id: job.ownerId, role: job.ownerRole },
      importId: job.id,
      scope: job.scopeGridIds,
      onProgress,
    });
    const reportKey = job.key.replace(/\.\w+$/, '.report.csv');
    await putObject(reportKey, reportCsv(result), `${IMPORT_CONTENT_TYPES.csv}; charset=utf-8`);
    const problems = result.fatal ? [{ sheet: '', row: 0, column: '', value: '', problem: result.fatal }] : [];
    problems.push(...result.problems.slice(0, IMPORT_PROBLEMS_LISTED));
    return await finish({
      status: result.fatal ? 'failed' : 'done',
      ...(result.fatal ? { error: result.fatal } : {}),
      reportKey,
      result: {
        gridsCreated: result.gridsCreated,
        sheets: result.sheets,
        problemsTotal: result.problems.length + result.problemsNotListed + (result.fatal ? 1 : 0),
      },
      problems: problems.slice(0, IMPORT_PROBLEMS_LISTED),
    });
  } catch (e) {
    const known = e instanceof JobFailure || e instanceof SourceError;
    const error = known
      ? `无法导入：${(e as Error).message}`
      : `导入出错（${(e as Error).message}）：已导入的行保持不变，可重新开始，已导入的行不会重复写入`;
    return await finish({ status: 'failed', error }).catch(() => ({ jobId, status: 'failed' }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
