import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { AREAS, matchPath, routeKey, routes, type Area, type RouteDef } from '.';

describe('route table', () => {
  it('has unique ids and route keys', () => {
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
    expect(new Set(routes.map(routeKey)).size).toBe(routes.length);
  });

  it('every route id starts with its area', () => {
    for (const r of routes) expect(r.id.split('.')[0]).toBe(r.area);
  });

  it('is the areas’ files joined: each file holds exactly its own area’s routes, in table order', async () => {
    const joined: RouteDef[] = [];
    for (const area of AREAS) {
      const mod = (await import(`./${area}`)) as Record<string, readonly RouteDef[]>;
      const own = mod[`${area}Routes`];
      expect(own.length).toBeGreaterThan(0);
      for (const r of own) expect(r.area).toBe(area);
      joined.push(...own);
    }
    expect(joined).toEqual(routes);
  });

  it('matches concrete paths, decodes params and reports allowed methods', () => {
    expect(matchPath('GET', '/v1/grids/hz-hp/children')).toMatchObject({
      route: { id: 'grids.children' },
      params: { id: 'hz-hp' },
    });
    expect(matchPath('DELETE', '/v1/grids/hz')).toMatchObject({ route: undefined, allowed: ['GET'] });
    expect(matchPath('GET', '/v1/unknown')).toMatchObject({ route: undefined, allowed: [] });
  });
});

type Handler = (e: APIGatewayProxyEventV2, c: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const event = (method: string, path: string, routeKey: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: {},
    requestContext: { http: { method, path }, requestId: 'test' },
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;
const call = async (area: Area, method: string, path: string, key = '$default') => {
  const { handler } = (await import(`../handlers/${area}`)) as { handler: Handler };
  const res = await handler(event(method, path, key), { awsRequestId: 'test' } as Context);
  return { status: res.statusCode, body: JSON.parse(String(res.body)) };
};

describe('area handlers', () => {
  it('serve only their own area’s routes', async () => {
    const other = await call('grids', 'GET', '/v1/requests/x', 'GET /v1/requests/{id}');
    expect(other).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await call('system', 'GET', '/v1/health', 'GET /v1/health')).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
  });

  it('answer $default from the whole table in the system area: 405 with the allowed methods, else 404', async () => {
    const wrong = await call('system', 'DELETE', '/v1/requests');
    expect(wrong).toMatchObject({ status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED' } } });
    expect(wrong.body.error.message).toContain('允许：POST, GET');
    expect(await call('system', 'GET', '/v1/nowhere')).toMatchObject({ status: 404 });
  });
});
