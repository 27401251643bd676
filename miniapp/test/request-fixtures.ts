import type { Category, RequestResource } from '@gridlink/shared/requests';
import type { Callback, GridStats } from '../src/api/requests';

const T0 = '2024-03-01T01:00:00.000Z'; // 09:00 in Haizhou

export const CATEGORIES: Category[] = [
  {
    code: 'facility',
    name: '公共设施损坏',
    description: '路灯、井盖、楼道灯、健身器材、门禁等损坏',
    defaultLevel: 'grid',
    slaHours: { grid: 48, community: 72, street: 120, district: 168 },
    departmentId: 'dept-housing',
    departmentName: '区住房和城乡建设局',
  },
  {
    code: 'sanitation',
    name: '环境卫生',
    description: '垃圾堆放、清运不及时、楼道杂物、小广告',
    defaultLevel: 'grid',
    slaHours: { grid: 24, community: 48, street: 72, district: 120 },
    departmentId: 'dept-urban',
    departmentName: '区城市管理综合行政执法局',
  },
  {
    code: 'street-vending',
    name: '占道经营',
    description: '占道摆摊、店外经营、违规停车占道',
    defaultLevel: 'community',
    slaHours: { grid: 24, community: 48, street: 72, district: 120 },
    departmentId: 'dept-urban',
    departmentName: '区城市管理综合行政执法局',
  },
];

export const request = (over: Partial<RequestResource> = {}): RequestResource => ({
  id: 'r1',
  status: 'submitted',
  version: 1,
  createdAt: T0,
  updatedAt: T0,
  category: 'facility',
  categoryName: '公共设施损坏',
  description: '3号楼2单元楼道灯不亮，晚上看不见路',
  unitId: 'u1',
  unitName: '阳光小区 一片区 1号楼 1单元',
  gridPath: ['hz', 'hp', 'xs', 'yg', 'a1', 'b1', 'u1'],
  level: 'grid',
  dueAt: '2099-03-03T01:00:00.000Z',
  overdue: false,
  reporterId: 'resident-demo',
  reporterName: '张秀兰',
  attachments: [],
  reopenCount: 0,
  joinCount: 0,
  ...over,
});

export const event = (action: string, over: Partial<NonNullable<RequestResource['timeline']>[number]> = {}) => ({
  id: `e-${action}`,
  at: T0,
  actorId: 'resident-demo',
  actorName: '张秀兰',
  actorRole: 'resident' as const,
  action,
  from: null,
  to: 'submitted' as const,
  level: 'grid' as const,
  ...over,
});

export const callback = (over: Partial<Callback> = {}): Callback => ({
  id: 'cb1',
  requestId: 'r1',
  status: 'open',
  communityId: 'xs',
  stars: 2,
  dueAt: '2099-03-02T01:00:00.000Z',
  version: 1,
  createdAt: T0,
  updatedAt: T0,
  requestSummary: {
    category: 'facility',
    categoryName: '公共设施损坏',
    description: '楼道灯不亮',
    unitName: '阳光小区 一片区 1号楼 1单元',
  },
  ...over,
});

/** The parts the dashboard reads (the schema grows with other areas: proxy, disputes, …). */
export const stats = (over: Partial<GridStats['requests']> = {}): GridStats =>
  ({
    gridId: 'xs',
    requests: {
      total: 12,
      open: 3,
      byStatus: { submitted: 1, accepted: 2, closed: 9 },
      byCategory: { facility: 8, sanitation: 4 },
      escalated: 1,
      overdue: 0,
      resolved: 9,
      rated: 8,
      averageStars: 4.75,
      fiveStarRate: 0.875,
      satisfactionRate: 1,
      flaggedRatings: 2,
      satisfactionRateUnflagged: 1,
      callbacksOpen: 1,
      reopened: 1,
      averageResolveHours: 20.5,
      ...over,
    },
    applications: {
      total: 40,
      completed: 38,
      underReview: 2,
      onlineDirect: 36,
      onlineDirectRate: 0.9,
      averageDaysToComplete: 2.5,
      rated: 10,
      averageStars: 4.9,
    },
    counters: {},
  }) as unknown as GridStats;
