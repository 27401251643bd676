import { createAreaHandler } from '../http/handler';
import type { Action } from '../http/context';
import { openApiDocument } from '../http/openapi';
import { config } from '../config';

/** Health, the OpenAPI document, and (as the API's $default route) 404/405 for everything else. */
export const actions: Record<string, Action> = {
  'system.health': async () => ({ status: 'ok' }),
  'system.openapi': async () => openApiDocument({ includeStageRoutes: config.isLocal }),
};

export const handler = createAreaHandler(actions);
