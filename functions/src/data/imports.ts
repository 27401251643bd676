/**
 * Import jobs (the admin upload, issue 13): one item per job, its status moved by conditional
 * updates only (uploading → queued → running → done | failed; failed → queued again; a long
 * import's part ends running → queued for the next part), its
 * progress overwritten about once a second by the running job.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportJob, ImportStatus } from '@gridlink/shared/imports';
import { db, table } from './client';
import { fromItem } from './item';
import { keys } from './keys';
import { queryPage, type PageRequest } from './query';
import { isConditionFailure } from './transact';

export interface ImportJobItem extends ImportJob {
  ownerRole: string;
  /** the owner's scope grid and its ancestors (who else in scope may read the job) */
  scopePath: string[];
  /** the grids the import may write under (the owner's grids when it was created) */
  scopeGridIds: string[];
  districtId: string;
  /** the uploaded file and, once done, the report (CSV) */
  key: string;
  reportKey?: string;
  version: number;
  /** a long import runs in parts (Step Functions loops the function): what the parts so far left */
  carry?: ImportCarry;
}

/** Where the next part starts and what the earlier parts counted (never shown: the job's view merges it). */
export interface ImportCarry {
  /** parts finished */
  part: number;
  /** data rows handled (runImport's resumeAt) */
  resumeAt: number;
  sheets: Record<
    string,
    { rows: number; created: number; updated: number; unchanged: number; duplicate: number; rejected: number }
  >;
  gridsCreated: number;
  /** the first problems (as many as a job lists) and how many in all */
  problems: { sheet: string; row: number; column: string; value: string; problem: string }[];
  problemsTotal: number;
  /** each finished part's report (S3), joined into one by the last part */
  reportKeys: string[];
}

const strip = (i: Record<string, unknown>) => fromItem<ImportJobItem>(i);

export async function createImportJob(job: ImportJobItem) {
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...keys.importJob(job.id),
        ...keys.importsBy(job.ownerId, job.createdAt, job.id),
        type: 'importJob',
        ...job,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function getImportJob(id: string) {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.importJob(id) }));
  return Item ? strip(Item) : undefined;
}

export const listImportJobs = (ownerId: string, page: PageRequest) =>
  queryPage({ index: 'GSI1', pk: keys.importsByPk(ownerId), newestFirst: true }, page, strip);

/**
 * Set fields of a job while its status is one of `from` (and, with `version`, still at that
 * version). Returns the job as written, or undefined when the condition did not hold.
 */
export async function updateImportJob(
  id: string,
  from: readonly ImportStatus[],
  set: Partial<Omit<ImportJobItem, 'id' | 'version'>>,
  opts: { version?: number; bump?: boolean } = {},
): Promise<ImportJobItem | undefined> {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  Object.entries(set).forEach(([k, v], i) => {
    if (v === undefined) return;
    names[`#f${i}`] = k;
    values[`:f${i}`] = v;
    parts.push(`#f${i} = :f${i}`);
  });
  if (opts.bump !== false) {
    names['#version'] = 'version';
    values[':one'] = 1;
    parts.push('#version = #version + :one');
  }
  const allowed = from.map((s, i) => {
    values[`:s${i}`] = s;
    return `:s${i}`;
  });
  let condition = `attribute_exists(PK) AND #status IN (${allowed.join(', ')})`;
  if (opts.version !== undefined) {
    names['#version'] = 'version';
    values[':v'] = opts.version;
    condition += ' AND #version = :v';
  }
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.importJob(id),
        UpdateExpression: `SET ${parts.join(', ')}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip(out.Attributes ?? {});
  } catch (e) {
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}
