import * as z from 'zod';
import { Id, Timestamp } from './common';
import { UploadTicket } from './uploads';

/** the largest file an admin may upload for an import (the Lambda downloads it to /tmp) */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** problems listed in a job's answer; the whole list is the report (GET …/report) */
export const IMPORT_PROBLEMS_LISTED = 100;

/**
 * What may be uploaded: one workbook (.xlsx), one sheet as .csv named after it (人口.csv …), or
 * a folder of .csv zipped (.zip) — a folder cannot be picked from a phone or a browser.
 */
export const IMPORT_KINDS = ['xlsx', 'csv', 'zip'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_CONTENT_TYPES: Record<ImportKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  zip: 'application/zip',
};

export const IMPORT_STATUSES = ['uploading', 'queued', 'running', 'done', 'failed'] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const CreateImportBody = z.strictObject({
  /** the file's own name: its extension says the kind; a .csv's name says its sheet */
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/\.(xlsx|csv|zip)$/i, '仅支持 .xlsx 工作簿、.csv 文件或 .csv 文件夹压缩成的 .zip'),
  size: z.number().int().min(1, '文件是空的').max(IMPORT_MAX_BYTES, '文件不能超过 50 MB'),
});
export type CreateImportBody = z.infer<typeof CreateImportBody>;

export const ImportProblem = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  /** personal values masked (name partly, phone and ID number) */
  value: z.string(),
  problem: z.string(),
});

export const ImportSheetCounts = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
});

export const ImportJob = z.object({
  id: Id,
  status: ImportStatus,
  fileName: z.string(),
  kind: z.enum(IMPORT_KINDS),
  size: z.number().int(),
  ownerId: Id,
  /** the grid the import may write under (the owner's scope) */
  scopeGridId: Id,
  progress: z.object({
    phase: z.string().optional(),
    sheet: z.string().optional(),
    rows: z.number().int(),
    bytesRead: z.number().int(),
    bytesTotal: z.number().int(),
    rowsPerSecond: z.number(),
  }),
  result: z
    .object({
      gridsCreated: z.number().int(),
      sheets: z.record(z.string(), ImportSheetCounts),
      problemsTotal: z.number().int(),
    })
    .optional(),
  /** the first IMPORT_PROBLEMS_LISTED problems */
  problems: z.array(ImportProblem),
  /** why the job failed (Chinese, for the admin) */
  error: z.string().optional(),
  attempts: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  startedAt: Timestamp.optional(),
  finishedAt: Timestamp.optional(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const CreatedImport = z.object({ job: ImportJob, upload: UploadTicket });

export const ImportTemplate = z.object({ url: z.string(), fileName: z.string(), expiresAt: Timestamp });
export type CreatedImport = z.infer<typeof CreatedImport>;
