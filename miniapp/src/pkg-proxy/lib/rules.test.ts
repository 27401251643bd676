import { AGENT, AGENT2, ELDER, RESIDENT, STREET, WORKER, claimedBy, elderFull, task } from '../__fixtures__/tasks';
import { consentFor, consentOptions, deadlineText, isSide, taskActions, type Viewer } from './rules';

const v = (m: { id: string; role: Viewer['role'] }): Viewer => ({ id: m.id, role: m.role });

describe('consent: the one method that fits who asks for whom', () => {
  it('in_app for oneself, family for a confirmed relative, witnessed_signature for grid staff and their 帮扶对象', () => {
    expect(consentFor('resident', { kind: 'self', id: 'resident-elder', name: '刘淑珍' })).toBe('in_app');
    expect(consentFor('agent', { kind: 'self', id: 'agent-demo', name: '陈红' })).toBe('in_app');
    expect(consentFor('resident', { kind: 'family', id: 'resident-elder', name: '刘淑珍' })).toBe('family');
    expect(consentFor('grid_worker', { kind: 'care', id: 'resident-elder', name: '刘淑珍' })).toBe(
      'witnessed_signature',
    );
    expect(consentFor('grid_leader', { kind: 'care', id: 'resident-elder', name: '刘淑珍' })).toBe(
      'witnessed_signature',
    );
    expect(consentFor('community_admin', { kind: 'care', id: 'resident-elder', name: '刘淑珍' })).toBe(
      'witnessed_signature',
    );
  });

  it('nothing fits a resident picking a 帮扶对象 they are not family of, or before a recipient is chosen', () => {
    expect(consentFor('resident', { kind: 'care', id: 'resident-elder', name: '刘淑珍' })).toBeUndefined();
    expect(consentFor('grid_worker', undefined)).toBeUndefined();
  });

  it('lists all three methods with an explanation; the others are greyed out with the reason', () => {
    const opts = consentOptions('grid_worker', { kind: 'care', id: 'resident-elder', name: '刘淑珍' });
    expect(opts.map((o) => [o.method, o.allowed])).toEqual([
      ['in_app', false],
      ['witnessed_signature', true],
      ['family', false],
    ]);
    expect(opts.every((o) => o.explain.length > 10)).toBe(true);
    expect(opts[0].reason).toBe('只能由本人申请时使用');
    expect(opts[1].reason).toBeUndefined();
  });
});

describe('actions per status and viewer', () => {
  const open = task();
  it('open: any agent may claim; the requester (grid worker) may cancel; a street admin only reads', () => {
    expect(taskActions(open, v(AGENT))).toEqual(['claim']);
    expect(taskActions(open, v(AGENT2))).toEqual(['claim']);
    expect(taskActions(open, v(WORKER))).toEqual(['cancel']);
    expect(taskActions(open, v(STREET))).toEqual([]);
    expect(taskActions(open, undefined)).toEqual([]);
  });

  it('claimed: the winner starts, the loser does nothing, the side may still cancel', () => {
    const t = claimedBy('agent-demo', '陈红', { recipient: elderFull });
    expect(taskActions(t, v(AGENT))).toEqual(['start']);
    expect(taskActions({ ...t, recipient: { ...t.recipient, masked: true } }, v(AGENT2))).toEqual([]);
    expect(taskActions(t, v(WORKER))).toEqual(['cancel']);
  });

  it('in progress: the winner applies on behalf (service tasks only) and completes', () => {
    const t = claimedBy('agent-demo', '陈红', { status: 'in_progress', recipient: elderFull });
    expect(taskActions(t, v(AGENT))).toEqual(['apply', 'complete']);
    expect(taskActions({ ...t, kind: 'errand', serviceCode: undefined }, v(AGENT))).toEqual(['complete']);
    expect(taskActions(t, v(WORKER))).toEqual([]);
  });

  it('done: the side confirms (requester, recipient, family, grid worker); the agent cannot', () => {
    const t = claimedBy('agent-demo', '陈红', { status: 'done', recipient: elderFull });
    expect(taskActions(t, v(AGENT))).toEqual([]);
    expect(taskActions(t, v(WORKER))).toEqual(['confirm']);
    expect(taskActions(t, v(ELDER))).toEqual(['confirm']);
    // a relative reads the recipient unmasked: that makes them the side
    expect(taskActions({ ...t, requesterId: 'someone' }, v(RESIDENT))).toEqual(['confirm']);
  });

  it('confirmed: the requester or the recipient rates once; nobody may cancel', () => {
    const t = claimedBy('agent-demo', '陈红', { status: 'confirmed', recipient: { ...elderFull } });
    expect(taskActions(t, v(WORKER))).toEqual(['rate']);
    expect(taskActions(t, v(ELDER))).toEqual(['rate']);
    expect(taskActions({ ...t, rating: { stars: 5, at: t.createdAt } }, v(WORKER))).toEqual([]);
    // another grid worker confirms but does not rate someone else's request
    expect(taskActions({ ...t, requesterId: 'resident-demo' }, v({ id: 'leader-demo', role: 'grid_leader' }))).toEqual(
      [],
    );
  });

  it('cancelled: nothing', () => {
    expect(taskActions(task({ status: 'cancelled' }), v(WORKER))).toEqual([]);
  });

  it('isSide reads the masking: the assignee in the window is not the side', () => {
    const t = claimedBy('agent-demo', '陈红', { recipient: elderFull, requesterId: 'resident-demo' });
    expect(isSide(t, v(AGENT))).toBe(false);
    expect(isSide(t, v(WORKER))).toBe(true);
  });
});

it('deadline text: hours left, urgent under 6 h, past due', () => {
  const now = Date.parse('2025-03-01T00:00:00Z');
  expect(deadlineText('2025-03-01T10:30:00Z', now)).toEqual({ text: '还剩 10 小时', urgent: false, over: false });
  expect(deadlineText('2025-03-01T03:00:00Z', now).urgent).toBe(true);
  expect(deadlineText('2025-03-04T00:00:00Z', now).text).toBe('还剩 3 天');
  expect(deadlineText('2025-02-28T00:00:00Z', now)).toEqual({ text: '已超过认领时限', urgent: true, over: true });
});
