/** The seeded users of the local stage. Their ids are part of the API contract (DESIGN.md). */
import type { Duty, Role } from '@gridlink/shared/roles';
import { DEMO_BUILDING, DEMO_COMMUNITY, DEMO_DISTRICT, DEMO_STREET, DEMO_UNIT, ELDER_UNIT } from './demo-grid';

export interface SeedUser {
  id: string;
  role: Role;
  name: string;
  phone: string;
  idNumber?: string;
  unitId?: string;
  gridIds: string[];
  duties?: Duty[];
  departmentId?: string;
}

export const DEMO_USERS: SeedUser[] = [
  {
    id: 'resident-demo',
    role: 'resident',
    name: '王丽',
    phone: '13904181234',
    idNumber: '210902198503152020',
    unitId: DEMO_UNIT,
    gridIds: [],
  },
  {
    id: 'resident-elder',
    role: 'resident',
    name: '刘淑珍',
    phone: '13841871234',
    idNumber: '21090219450812002X',
    unitId: ELDER_UNIT,
    gridIds: [],
  },
  {
    id: 'worker-demo',
    role: 'grid_worker',
    name: '赵刚',
    phone: '13604185566',
    gridIds: [DEMO_BUILDING],
    duties: ['informant', 'safety', 'service'],
  },
  {
    id: 'leader-demo',
    role: 'grid_leader',
    name: '孙建国',
    phone: '13504187788',
    gridIds: [DEMO_COMMUNITY],
    duties: ['publicist', 'mediator'],
  },
  {
    id: 'agent-demo',
    role: 'agent',
    name: '陈红',
    phone: '13704183344',
    unitId: 'hz-hp-xh-c1-a1-b2-u1',
    gridIds: [DEMO_COMMUNITY],
  },
  {
    id: 'agent-demo-2',
    role: 'agent',
    name: '周强',
    phone: '13804189900',
    unitId: 'hz-hp-xh-c1-a2-b1-u1',
    gridIds: [DEMO_COMMUNITY],
  },
  {
    id: 'community-admin-demo',
    role: 'community_admin',
    name: '吴敏',
    phone: '13304182211',
    gridIds: [DEMO_COMMUNITY],
    duties: ['mediator', 'service'],
  },
  { id: 'street-admin-demo', role: 'street_admin', name: '郑伟', phone: '13204186655', gridIds: [DEMO_STREET] },
  { id: 'district-admin-demo', role: 'district_admin', name: '冯涛', phone: '13104184433', gridIds: [DEMO_DISTRICT] },
  { id: 'office-demo', role: 'office', name: '褚静', phone: '13004187722', gridIds: [DEMO_COMMUNITY] },
  { id: 'channel-12345', role: 'resident', name: '12345 热线', phone: '12345', gridIds: [] },
  {
    id: 'dept-demo',
    role: 'department',
    name: '卫东',
    phone: '15504181100',
    gridIds: [DEMO_DISTRICT],
    departmentId: 'dept-housing',
  },
];

/** Staff assignments shown on grids (网格长 at the community, 网格员 at the demo building). */
export const DEMO_STAFF: { gridId: string; userId: string }[] = [
  { gridId: DEMO_BUILDING, userId: 'worker-demo' },
  { gridId: DEMO_COMMUNITY, userId: 'leader-demo' },
  { gridId: DEMO_COMMUNITY, userId: 'community-admin-demo' },
];
