import { keys } from './keys';
import { newId } from './ids';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client';

export interface AuditEntry {
  actorId: string;
  actorRole: string;
  /** e.g. 'user.bindUnit', 'request.accept', 'pii.read' */
  action: string;
  /** `<type>:<id>` */
  target: string;
  from?: unknown;
  to?: unknown;
  /** how it was done, when there are several ways (e.g. a unit binding: 'code' | 'household') */
  method?: string;
  /** what the evidence was, masked (e.g. the ID number of a household binding) */
  evidence?: string;
  at: string;
}

/** An audit record as a Put for the same transaction as the change it records. */
export function auditPut(e: AuditEntry) {
  const id = newId(Date.parse(e.at));
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.audit(e.target, e.at, id), ...keys.auditBy(e.actorId, e.at, id), type: 'audit', id, ...e },
    },
  };
}

/** A standalone audit record (reads of personal data, which change nothing else). */
export async function writeAudit(e: AuditEntry) {
  await db().send(new PutCommand(auditPut(e).Put));
}
