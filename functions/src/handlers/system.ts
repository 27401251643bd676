import { createAreaHandler } from '../http/handler';
import type { Action } from '../http/context';
import { config } from '../config';
import { routeMatcher, type RouteMatcher } from '../routes/match';
import { systemRoutes } from '../routes/system';

/**
 * The whole route table (every area's schemas) and the OpenAPI generator load on first use only:
 * a cold start that answers health does not build them.
 */
let table: Promise<RouteMatcher> | undefined;
const wholeTable = () => (table ??= import('../routes').then((m) => routeMatcher(m.routes)));
const documents = new Map<boolean, Promise<unknown>>();
const document = (includeStageRoutes: boolean) => {
  let doc = documents.get(includeStageRoutes);
  if (!doc) {
    doc = import('../http/openapi').then((m) => m.openApiDocument({ includeStageRoutes }));
    documents.set(includeStageRoutes, doc);
  }
  return doc;
};

/** Health, the OpenAPI document, and (as the API's $default route) 404/405 for everything else. */
export const actions: Record<string, Action> = {
  'system.health': async () => ({ status: 'ok' }),
  'system.openapi': async () => document(config.isLocal),
};

/** `$default` is matched against the whole table: 405 with the methods a path allows, else 404. */
export const handler = createAreaHandler(actions, systemRoutes, { fallback: wholeTable });
