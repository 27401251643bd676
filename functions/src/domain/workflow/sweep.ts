/**
 * Scheduled moves (SLA sweeps, auto-close, deadlines): walk the due items shard by shard and move
 * each through the kernel; a lost race (someone acted first) is skipped, not an error.
 */
import { isLostRace } from '../errors';

export async function sweep<T>(
  shards: number,
  due: (shard: number) => Promise<T[]>,
  move: (item: T) => Promise<unknown>,
) {
  let moved = 0;
  for (let shard = 0; shard < shards; shard++) {
    for (const item of await due(shard)) {
      try {
        await move(item);
        moved++;
      } catch (e) {
        if (!isLostRace(e)) throw e;
      }
    }
  }
  return moved;
}
