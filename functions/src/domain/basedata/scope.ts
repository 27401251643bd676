/**
 * The admin upload writes only inside the admin's grids (issue 13): a row whose path leads
 * elsewhere is a problem in the report, not imported. `scope` is a list of grid ids (the admin's
 * gridIds); a node is inside when one of them is on its path (the node itself or an ancestor).
 */
import type { GridItem } from '../../data/grids';
import type { GridTree } from './grid-tree';

export const outOfScope = (what: string) => `「${what}」不在您管辖的网格范围内，未导入`;

/** staff roles by level: an admin may import staff up to their own level, never above */
const RANK: Record<string, number> = {
  grid_worker: 1,
  grid_leader: 2,
  community_admin: 3,
  street_admin: 4,
  district_admin: 5,
};
export const outranks = (role: string, actorRole: string) => (RANK[role] ?? 9) > (RANK[actorRole] ?? 0);

/** a grid node inside the scope (no scope: the whole district) */
export const nodeInScope = (g: Pick<GridItem, 'path'>, scope?: readonly string[]) =>
  !scope || g.path.some((id) => scope.includes(id));

/**
 * A path of names from the 网格 sheet (its nodes may not exist yet): inside when one of its
 * existing prefixes is a scope grid — nodes are created only below the admin's own grids.
 */
export async function pathInScope(tree: GridTree, names: readonly string[], scope?: readonly string[]) {
  if (!scope || scope.includes(tree.root.id)) return true;
  for (let i = 1; i <= names.length; i++) {
    const node = await tree.find(names.slice(0, i));
    if (typeof node === 'string') return false;
    if (scope.includes(node.id)) return true;
  }
  return false;
}
