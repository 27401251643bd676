import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorBody } from '@gridlink/shared/common';
import { Application } from '@gridlink/shared/applications';
import type { FormField } from '@gridlink/shared/fields';
import { SERVICES } from '@gridlink/shared/services-catalog';
import { db, table } from '../src/data/client';
import { keys } from '../src/data/keys';
import { startApi, uploadTo, type Api } from './harness';

let api: Api;
const t: Record<string, string> = {};
beforeAll(async () => {
  api = await startApi();
  for (const u of ['resident-demo', 'resident-elder', 'office-demo', 'agent-demo', 'agent-demo-2', 'worker-demo'])
    t[u] = await api.login(u);
});
afterAll(async () => api?.stop());

const post = (path: string, who: string, body: unknown = {}, headers?: Record<string, string>) =>
  api.call('POST', path, { token: t[who], body, headers });
const get = (path: string, who: string) => api.call('GET', path, { token: t[who] });
const err = (res: { status: number; body: unknown }, status: number) => {
  expect(res.status).toBe(status);
  return ErrorBody.parse(res.body).error;
};

async function uploadPhoto(who: string) {
  const ticket = await post('/v1/uploads', who, { purpose: 'application', contentType: 'image/jpeg', size: 4 });
  expect((await uploadTo(ticket.body, Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).status).toBe(204);
  return ticket.body.key as string;
}

async function formFor(code: string, who: string) {
  const service = SERVICES.find((s) => s.code === code)!;
  const form: Record<string, unknown> = {};
  for (const f of service.fields as FormField[]) {
    if (!f.required && f.type !== 'image') continue;
    form[f.name] = f.type === 'image' ? (f.required ? [await uploadPhoto(who)] : undefined) : sample(f);
  }
  return form;
}

function sample(f: FormField): unknown {
  switch (f.type) {
    case 'number':
      return f.min ?? 1;
    case 'date':
      return '2024-03-01';
    case 'phone':
      return '13800138000';
    case 'idNumber':
      return '210902198001011236';
    case 'select':
      return f.options![0];
    case 'multiselect':
      return f.options!.slice(0, 1);
    case 'textarea':
      return '家中老人年事已高，行动不便。';
    default:
      return '王丽';
  }
}

const reviewed = SERVICES.find((s) => !s.onlineDirect)!;
const direct = SERVICES.find((s) => s.onlineDirect)!;

describe('the catalogue', () => {
  it('serves 41 services whole, each with its fields; one by code', async () => {
    const res = await api.call('GET', '/v1/services');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(41);
    expect(res.body.items[0].fields.length).toBeGreaterThan(0);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300'); // static catalogue: cacheable
    expect((await api.call('GET', `/v1/services/${direct.code}`)).body.name).toBe(direct.name);
    err(await api.call('GET', '/v1/services/no-such-service'), 404);
  });
});

describe('applications', () => {
  it('an online-direct service completes at creation with a result number', async () => {
    const res = await post('/v1/applications', 'resident-demo', {
      serviceCode: direct.code,
      form: await formFor(direct.code, 'resident-demo'),
    });
    expect(res.status).toBe(201);
    const app = Application.parse(res.body);
    expect(app).toMatchObject({
      status: 'completed',
      onlineDirect: true,
      applicantId: 'resident-demo',
      communityId: 'hz-hp-xh',
    });
    expect(app.resultNumber).toMatch(/^HZ\d{8}[0-9A-Z]{6}$/);
    const rated = await post(`/v1/applications/${app.id}/rating`, 'resident-demo', { stars: 5 });
    expect(rated.body.rating.stars).toBe(5);
    err(await post(`/v1/applications/${app.id}/rating`, 'resident-demo', { stars: 4 }), 409);
  });

  it('a reviewed service: office returns it for 补正 → applicant supplements → office approves', async () => {
    const created = await post('/v1/applications', 'resident-demo', {
      serviceCode: reviewed.code,
      form: await formFor(reviewed.code, 'resident-demo'),
    });
    expect(created.body.status).toBe('under_review');
    const id = created.body.id;
    const queue = await get('/v1/applications?view=review', 'office-demo');
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(id);
    err(await post(`/v1/applications/${id}/approve`, 'worker-demo'), 403);
    err(await post(`/v1/applications/${id}/return`, 'office-demo', {}), 400);
    const returned = await post(`/v1/applications/${id}/return`, 'office-demo', { note: '缺少户口簿照片，请补充' });
    expect(returned.body).toMatchObject({ status: 'returned', note: '缺少户口簿照片，请补充' });
    expect(
      (await get('/v1/applications?view=review', 'office-demo')).body.items.map((a: { id: string }) => a.id),
    ).not.toContain(id);
    err(await post(`/v1/applications/${id}/approve`, 'office-demo'), 409);
    err(await post(`/v1/applications/${id}/supplement`, 'resident-elder', { form: {} }), 403);
    const again = await post(`/v1/applications/${id}/supplement`, 'resident-demo', {
      form: await formFor(reviewed.code, 'resident-demo'),
      note: '已补充',
    });
    expect(again.body.status).toBe('under_review');
    const approved = await post(`/v1/applications/${id}/approve`, 'office-demo', { version: again.body.version });
    expect(approved.body).toMatchObject({ status: 'completed' });
    expect(approved.body.resultNumber).toBeDefined();
    const detail = await get(`/v1/applications/${id}`, 'resident-demo');
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'return',
      'supplement',
      'approve',
    ]);
    err(await get(`/v1/applications/${id}`, 'resident-elder'), 404);
  });

  it('validates the form with the service field list: Chinese messages per field', async () => {
    const bad = err(
      await post('/v1/applications', 'resident-demo', {
        serviceCode: reviewed.code,
        form: { idNumber: '210902198001011235', phone: '123' },
      }),
      400,
    );
    const paths = bad.details!.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['form.idNumber', 'form.phone']));
    expect(bad.details!.find((d) => d.path === 'form.idNumber')!.message).toBe('身份证号校验位不正确');
    err(await post('/v1/applications', 'resident-demo', { serviceCode: 'nope', form: {} }), 404);
    err(await post('/v1/applications', 'office-demo', { serviceCode: direct.code, form: {} }), 403);
  });

  it('on behalf: refused without a live proxy task or family link; allowed with one, and listed for both', async () => {
    const form = await formFor(direct.code, 'agent-demo');
    err(
      await post('/v1/applications', 'agent-demo', { serviceCode: direct.code, form, onBehalfOf: 'resident-elder' }),
      403,
    );
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.liveTask('resident-elder', 'agent-demo'), type: 'livetask', taskId: 'test' },
      }),
    );
    const ok = await post('/v1/applications', 'agent-demo', {
      serviceCode: direct.code,
      form,
      onBehalfOf: 'resident-elder',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ applicantId: 'resident-elder', actedBy: { id: 'agent-demo' } });
    expect((await get('/v1/applications?view=mine', 'resident-elder')).body.items[0].id).toBe(ok.body.id);
    expect((await get('/v1/applications?view=mine', 'agent-demo')).body.items[0].id).toBe(ok.body.id);
    err(
      await post('/v1/applications', 'agent-demo-2', { serviceCode: direct.code, form, onBehalfOf: 'resident-elder' }),
      403,
    );
  });

  it('counts applications, completions and online-direct on the dashboard', async () => {
    const stats = await get('/v1/stats/grids/hz-hp-xh', 'office-demo');
    expect(stats.status).toBe(200);
    expect(stats.body.applications.total).toBeGreaterThanOrEqual(3);
    expect(stats.body.applications.onlineDirectRate).toBeGreaterThan(0);
  });
});
