/**
 * One run of an import job (the import function; locally the same handler in-process): claim the
 * queued job, copy the upload to a temp folder (Lambda /tmp; the .xlsx reader needs a file: it
 * reads the zip by its central directory), run the one import code path (runImport) with the
 * owner's scope, write progress about once a second, then the report (S3) and `done`, or `failed`
 * with a Chinese message. Rows land whole or not at all (runImport), so a run that dies half-way
 * leaves landed rows as they are and a re-start imports the rest: the landed ones are unchanged.
 *
 * One Lambda run has 15 minutes (`npm run bench:import` prints this machine's rows/s): a run is
 * given a `deadline` a little before its end. Past it, at the next batch boundary, the part stops,
 * leaves its counts, first problems and report on the job (`carry`) and puts the job back to
 * `queued`; the caller runs the next part (cloud: the Step Functions loop of cdk's ImportJobs;
 * locally: the import runner), which reads the file again from the start, takes the duplicate keys
 * of the rows already handled and writes from `resumeAt` on. The last part joins the reports and
 * counts. A restart after a failure also resumes from the carry.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IMPORT_CONTENT_TYPES, IMPORT_MAX_BYTES, IMPORT_PROBLEMS_LISTED } from '@gridlink/shared/imports';
import { getImportJob, updateImportJob, type ImportCarry, type ImportJobItem } from '../../data/imports';
import { downloadObject, getObjectText, putObject, TooLarge } from '../../data/storage';
import { addCounts, runImport, type ImportProgress, type ImportResult, type SheetCounts } from '../basedata/import';
import type { SheetName } from '../basedata/schema';
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

const CSV_TYPE = `${IMPORT_CONTENT_TYPES.csv}; charset=utf-8`;
type Counts = Record<SheetName, SheetCounts>;

const fatalProblem = (problem: string) => ({ sheet: '', row: 0, column: '', value: '', problem });

/** the carry after one more part: counts added, the first problems kept, its report named */
function carried(before: ImportCarry | undefined, r: ImportResult, reportKey: string): ImportCarry {
  return {
    part: (before?.part ?? 0) + 1,
    resumeAt: r.pausedAt ?? 0,
    sheets: before ? addCounts(before.sheets as Counts, r.sheets) : r.sheets,
    gridsCreated: (before?.gridsCreated ?? 0) + r.gridsCreated,
    problems: [...(before?.problems ?? []), ...(r.fatal ? [fatalProblem(r.fatal)] : []), ...r.problems].slice(
      0,
      IMPORT_PROBLEMS_LISTED,
    ),
    problemsTotal: (before?.problemsTotal ?? 0) + r.problems.length + r.problemsNotListed + (r.fatal ? 1 : 0),
    reportKeys: [...(before?.reportKeys ?? []), reportKey],
  };
}

/** the reports of the earlier parts and this one as one file (one BOM, one header) */
async function joinedReport(keys: readonly string[], last: string) {
  const parts = [...(await Promise.all(keys.map((k) => getObjectText(k)))), last];
  return parts
    .filter((p): p is string => p !== undefined)
    .map((p, i) => (i === 0 ? p : p.replace(/^\uFEFF?[^\r\n]*\r\n/, '')))
    .join('');
}

export async function runImportJob(
  jobId: string,
  opts: { deadline?: number } = {},
): Promise<{ jobId: string; status: string; part?: number }> {
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
  const carry = job.carry;
  const rowsBefore = carry ? Object.values(carry.sheets).reduce((n, c) => n + c.rows, 0) : 0;
  const progressOf = (partRows = last?.rows ?? 0) => {
    const rows = rowsBefore + partRows;
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
    const rows = set.result && Object.values(set.result.sheets).reduce((n, c) => n + c.rows, 0) - rowsBefore;
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
      deadline: opts.deadline,
      resumeAt: carry?.resumeAt,
      ...(carry ? { before: { ...carry, sheets: carry.sheets as Counts, problems: carry.problemsTotal } } : {}),
    });
    const reportKey = job.key.replace(/\.\w+$/, '.report.csv');
    if (result.pausedAt !== undefined && !result.fatal) {
      // one part done: its report and counts stay on the job, the next part takes over
      const partKey = reportKey.replace(/\.report\.csv$/, `.part${(carry?.part ?? 0) + 1}.report.csv`);
      await putObject(partKey, reportCsv(result), CSV_TYPE);
      const next = carried(carry, result, partKey);
      await writing;
      const at = new Date().toISOString();
      await updateImportJob(jobId, ['running'], {
        status: 'queued',
        carry: next,
        progress: progressOf(),
        updatedAt: at,
      });
      return { jobId, status: 'queued', part: next.part };
    }
    const all = carried(carry, result, reportKey);
    await putObject(reportKey, await joinedReport(carry?.reportKeys ?? [], reportCsv(result)), CSV_TYPE);
    return await finish({
      status: result.fatal ? 'failed' : 'done',
      ...(result.fatal ? { error: result.fatal } : {}),
      reportKey,
      result: { gridsCreated: all.gridsCreated, sheets: all.sheets as Counts, problemsTotal: all.problemsTotal },
      problems: all.problems,
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
