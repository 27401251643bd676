/**
 * Deterministic sampling: a request is in a share's sample when the hash of its id (with the sample's
 * name) falls below the share. The same id always gives the same answer, so a test can pick ids and
 * know which are sampled, and a retry never opens a second call-back.
 */
import { createHash } from 'node:crypto';

/** A number in [0, 1) from the id and the sample's name. */
export function sampleValue(name: string, id: string): number {
  return createHash('sha256').update(`${name}:${id}`).digest().readUInt32BE(0) / 0x1_0000_0000;
}

export const inSample = (name: 'callback3' | 'audit5', id: string, share: number) =>
  share > 0 && sampleValue(name, id) < share;
