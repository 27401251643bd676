/** The seeded users of the local stage (ids are part of the API contract). */
export const DEMO_USERS: { id: string; label: string }[] = [
  { id: 'resident-demo', label: '居民（演示）' },
  { id: 'resident-elder', label: '独居老人' },
  { id: 'worker-demo', label: '网格员' },
  { id: 'leader-demo', label: '网格长' },
  { id: 'agent-demo', label: '红色代办员' },
  { id: 'agent-demo-2', label: '红色代办员（二）' },
  { id: 'community-admin-demo', label: '社区工作人员' },
  { id: 'street-admin-demo', label: '街道工作人员' },
  { id: 'district-admin-demo', label: '区级工作人员' },
  { id: 'office-demo', label: '便民服务窗口' },
  { id: 'dept-demo', label: '职能部门' },
];
