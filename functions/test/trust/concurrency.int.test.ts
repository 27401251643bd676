/** Concurrency: every move is conditional on version + status; conflicting moves at once → exactly one wins, the rest 409. */
import { startApi, type Api } from '../harness';
import { reviewedService, sampleForm } from './fixtures';

let api: Api;
const t: Record<string, string> = {};
beforeAll(async () => {
  api = await startApi();
  for (const u of ['resident-demo', 'worker-demo', 'leader-demo', 'community-admin-demo', 'office-demo'])
    t[u] = await api.login(u);
});
afterAll(async () => api?.stop());

const post = (p: string, who: string, body: unknown = {}) => api.call('POST', p, { token: t[who], body });

it('20 conflicting request moves at once (accept / reject / escalate by three staff): one wins, 19 × 409', async () => {
  const r = await post('/v1/requests', 'resident-demo', {
    category: 'facility',
    description: '并发测试：楼道灯不亮',
    ignoreSimilar: true,
  });
  const moves = Array.from({ length: 20 }, (_, i) => {
    const who = ['worker-demo', 'leader-demo', 'community-admin-demo'][i % 3];
    const [action, body] = [
      ['accept', {}],
      ['reject', { note: '并发' }],
      ['escalate', {}],
    ][i % 3] as [string, object];
    return post(`/v1/requests/${r.body.id}/${action}`, who, { ...body, version: 1 });
  });
  const out = await Promise.all(moves);
  expect(out.filter((o) => o.status === 200)).toHaveLength(1);
  expect(out.filter((o) => o.status === 409)).toHaveLength(19);
  const detail = await api.call('GET', `/v1/requests/${r.body.id}`, { token: t['community-admin-demo'] });
  expect(detail.body.version).toBe(2);
  expect(detail.body.timeline).toHaveLength(2);
});

it('approve and return of one application at once: one wins', async () => {
  const a = await post('/v1/applications', 'resident-demo', {
    serviceCode: reviewedService.code,
    form: sampleForm(reviewedService.code),
  });
  const out = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      post(`/v1/applications/${a.body.id}/${i % 2 ? 'approve' : 'return'}`, 'office-demo', { note: '并发测试' }),
    ),
  );
  expect(out.filter((o) => o.status === 200)).toHaveLength(1);
  expect(out.filter((o) => o.status === 409)).toHaveLength(9);
});
