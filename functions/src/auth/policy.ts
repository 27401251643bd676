/**
 * Authorisation: the route's role rule, and grid scope — a resource's grid path (district … unit)
 * against the grids the actor serves. Who may make a workflow move is the workflow table's `by`,
 * checked by the kernel (domain/workflow) against the actor's relations to the item.
 */
import { forbidden } from '../http/errors';
import type { Actor } from '../auth/actor';
import type { RouteDef } from '../routes/types';

export function authorizeRoute(route: RouteDef, actor: Actor) {
  if (route.auth === 'public' || route.auth === 'user') return;
  if (!route.auth.includes(actor.role)) throw forbidden('当前身份无权进行此操作');
}

/** True when one of the actor's grids is on the resource's path (the grid itself or an ancestor). */
export function inScope(actor: Pick<Actor, 'gridIds'>, resourcePath: readonly string[]): boolean {
  return actor.gridIds.some((g) => resourcePath.includes(g));
}
