/**
 * THE route table: the local API server serves it, CDK builds the HTTP API from it, the OpenAPI
 * document is generated from it, and the trust suites iterate over it. A route names its
 * functional area (one Lambda function per area, routes/<area>.ts) and its action.
 * An area's Lambda handler imports only its own area's file, never this index.
 */
import { authRoutes } from './auth';
import { casesRoutes } from './cases';
import { centreRoutes } from './centre';
import { gridsRoutes } from './grids';
import { importsRoutes } from './imports';
import { routeMatcher } from './match';
import { open311Routes } from './open311';
import { patrolRoutes } from './patrol';
import { proxyRoutes } from './proxy';
import { requestsRoutes } from './requests';
import { servicesRoutes } from './services';
import { statsRoutes } from './stats';
import { systemRoutes } from './system';
import type { Area, RouteDef } from './types';
import { uploadsRoutes } from './uploads';
import { wechatRoutes } from './wechat';

export type { Area, Method, RouteDef } from './types';
export { routeKey, routeMatcher, type RouteMatch, type RouteMatcher } from './match';

export const routes: readonly RouteDef[] = [
  ...systemRoutes,
  ...authRoutes,
  ...gridsRoutes,
  ...uploadsRoutes,
  ...requestsRoutes,
  ...proxyRoutes,
  ...servicesRoutes,
  ...casesRoutes,
  ...statsRoutes,
  ...open311Routes,
  ...wechatRoutes,
  ...importsRoutes,
  ...patrolRoutes,
  ...centreRoutes,
];

export const AREAS: readonly Area[] = [...new Set(routes.map((r) => r.area))];

const all = routeMatcher(routes);
export const findRoute = all.find;
/** Match a concrete path: the route (if the method fits), or the allowed methods (for 405). */
export const matchPath = all.match;
