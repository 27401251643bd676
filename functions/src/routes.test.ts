import { matchPath, routeKey, routes } from './routes';

describe('route table', () => {
  it('has unique ids and route keys', () => {
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
    expect(new Set(routes.map(routeKey)).size).toBe(routes.length);
  });

  it('every route id starts with its area', () => {
    for (const r of routes) expect(r.id.split('.')[0]).toBe(r.area);
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
