/** Route lookup over any list of routes: the whole table (local server, $default) or one area's. */
import type { Method, RouteDef } from './types';

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method} ${r.path}`;

export interface RouteMatch {
  route: RouteDef | undefined;
  params: Record<string, string>;
  /** methods of the routes whose path matched but whose method did not (405) */
  allowed: Method[];
}

export interface RouteMatcher {
  /** by API Gateway route key (`GET /v1/grids/{id}`) */
  find(key: string): RouteDef | undefined;
  /** a concrete path: the route (if the method fits), or the allowed methods (for 405) */
  match(method: string, path: string): RouteMatch;
}

export function routeMatcher(routes: readonly RouteDef[]): RouteMatcher {
  const byKey = new Map(routes.map((r) => [routeKey(r), r]));
  const compiled = routes.map((r) => ({
    route: r,
    re: new RegExp('^' + r.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)') + '$'),
  }));
  const match = (method: string, path: string): RouteMatch => {
    const allowed: Method[] = [];
    for (const { route, re } of compiled) {
      const m = re.exec(path);
      if (!m) continue;
      if (route.method === method) {
        const params: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) {
          try {
            params[k] = decodeURIComponent(v);
          } catch {
            params[k] = v;
          }
        }
        return { route, params, allowed };
      }
      allowed.push(route.method);
    }
    return { route: undefined, params: {}, allowed };
  };
  return { find: (key) => byKey.get(key), match };
}
