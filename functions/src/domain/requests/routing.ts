/**
 * Who must act on a request: the handling level decides the inbox. At grid level it is the
 * nearest grid on the unit's path that has staff (walking up to the community); above, the
 * community, street or district itself.
 */
import { LEVELS, type Level } from '@gridlink/shared/names';
import type { Actor } from '../../auth/actor';

/** gridPath indexes: 0 district, 1 street, 2 community, 3 compound, 4 area, 5 building, 6 unit */
const LEVEL_INDEX: Record<Exclude<Level, 'grid'>, number> = { district: 0, street: 1, community: 2 };

export function inboxFor(level: Level, gridPath: readonly string[], staffed: ReadonlySet<string>): string {
  if (level !== 'grid') return gridPath[LEVEL_INDEX[level]];
  for (let i = gridPath.length - 1; i >= 3; i--) if (staffed.has(gridPath[i])) return gridPath[i];
  return gridPath[2];
}

export const nextLevel = (level: Level): Level | undefined => LEVELS[LEVELS.indexOf(level) + 1];
export const levelRank = (level: Level) => LEVELS.indexOf(level);

/** The highest level an actor serves on this path (undefined when out of scope). */
export function actorTier(actor: Pick<Actor, 'gridIds'>, gridPath: readonly string[]): Level | undefined {
  let best: Level | undefined;
  for (const g of actor.gridIds) {
    const i = gridPath.indexOf(g);
    if (i < 0) continue;
    const tier: Level = i === 0 ? 'district' : i === 1 ? 'street' : i === 2 ? 'community' : 'grid';
    if (!best || levelRank(tier) > levelRank(best)) best = tier;
  }
  return best;
}
