/**
 * Authorisation in one place: the route's role rule, and grid scope — a resource's grid path
 * (district … unit) against the grids the actor serves.
 */
import type { Role } from '@gridlink/shared/roles';
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

export interface ScopeRule {
  /** roles allowed at all */
  roles: readonly Role[];
  /** the resource's grid path; staff must have it in scope */
  path: readonly string[];
  /** the resource's owner: allowed regardless of scope when `ownerAllowed` */
  ownerId?: string;
  ownerAllowed?: boolean;
}

/** Role + scope (+ owner) check; throws 403. Staff roles must have the path in scope. */
export function requireAccess(actor: Actor, rule: ScopeRule) {
  if (rule.ownerAllowed && rule.ownerId && rule.ownerId === actor.id) return;
  if (!rule.roles.includes(actor.role)) throw forbidden();
  if (!inScope(actor, rule.path)) throw forbidden('不在您负责的网格范围内');
}
