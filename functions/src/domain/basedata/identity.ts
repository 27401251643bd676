/** The identity of a base-data row, shared by the import and the worker's 迁入 (same person, same id). */
import { createHash } from 'node:crypto';

const hash = (s: string, n = 16) => createHash('sha256').update(s).digest('hex').slice(0, n);

/** a person: unit + 门牌号 + ID number, hashed (no ID number in a key) */
export const personId = (unitId: string, houseNo: string, idNumber: string) =>
  hash(`${unitId}|${houseNo}|${idNumber}`, 20);

/** the row's fields as imported: the same row again changes nothing */
export const rowHashOf = (unitId: string, fields: Record<string, unknown>) =>
  hash(JSON.stringify({ unit: unitId, ...fields }));
