/** Test data for the pkg-proxy component tests (never imported by pages). */
import type { Me } from '@gridlink/shared/me';
import type { ProxyTask } from '../../api/proxy';

const AT = '2025-03-01T01:00:00.000Z';

export const elderMasked = {
  id: 'resident-elder',
  name: '刘*',
  phone: '138****1234',
  idNumber: '2109**********0023',
  address: '西山社区',
  masked: true,
};
export const elderFull = {
  id: 'resident-elder',
  name: '刘淑珍',
  phone: '13841871234',
  idNumber: '21090219450812002X',
  address: '西山社区 阳光小区 一片区 1号楼 2单元',
  masked: false,
};

export function task(over: Partial<ProxyTask> = {}): ProxyTask {
  return {
    id: 'T1',
    status: 'open',
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    kind: 'service',
    serviceCode: 'elderly-meal-service',
    serviceName: '老年助餐服务登记',
    description: '为老人办理老年助餐服务登记',
    communityId: 'hz-hp-xh',
    deadline: new Date(Date.now() + 30 * 3600_000).toISOString(),
    requesterId: 'worker-demo',
    requesterName: '李建国',
    consent: {
      given: true,
      method: 'witnessed_signature',
      note: '本人签字，网格员见证',
      by: 'worker-demo',
      byName: '李建国',
      at: AT,
    },
    recipient: elderMasked,
    timeline: [
      {
        id: 'e1',
        at: AT,
        actorId: 'worker-demo',
        actorName: '李建国',
        action: 'create',
        from: null,
        to: 'open',
        note: '授权方式：witnessed_signature',
      },
    ],
    ...over,
  };
}

export const claimedBy = (agentId: string, agentName: string, over: Partial<ProxyTask> = {}) =>
  task({ status: 'claimed', agentId, agentName, version: 2, ...over });

export const me = (id: string, role: Me['role'], name: string, over: Partial<Me> = {}): Me => ({
  id,
  role,
  name,
  gridIds: [],
  ...over,
});
export const AGENT = me('agent-demo', 'agent', '陈红', { unitId: 'u9', gridIds: ['hz-hp-xh'] });
export const AGENT2 = me('agent-demo-2', 'agent', '周强', { unitId: 'u8', gridIds: ['hz-hp-xh'] });
export const WORKER = me('worker-demo', 'grid_worker', '李建国', { gridIds: ['hz-hp-xh-c1-a1-b1'] });
export const ELDER = me('resident-elder', 'resident', '刘淑珍', { unitId: 'hz-hp-xh-c1-a1-b1-u2' });
export const RESIDENT = me('resident-demo', 'resident', '王丽', { unitId: 'hz-hp-xh-c2-a1-b1-u2' });
export const STREET = me('street-admin-demo', 'street_admin', '街道', { gridIds: ['hz-hp'] });
