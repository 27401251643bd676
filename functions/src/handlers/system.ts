import { createAreaHandler } from '../http/handler';
import { openApiDocument } from '../http/openapi';
import { config } from '../config';

/** Health, the OpenAPI document, and (as the API's $default route) 404/405 for everything else. */
export const handler = createAreaHandler({
  'system.health': async () => ({ status: 'ok' }),
  'system.openapi': async () => openApiDocument({ includeStageRoutes: config.isLocal }),
});
