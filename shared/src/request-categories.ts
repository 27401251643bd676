import type { Category } from './requests';

/**
 * What residents can report (data, not code). SLA hours per level; the department that answers
 * when the community blows the whistle (社区吹哨、部门报到).
 */
const sla = (grid: number, community: number, street: number, district: number) => ({
  grid,
  community,
  street,
  district,
});

export const DEPARTMENTS: Record<string, string> = {
  'dept-housing': '区住房和城乡建设局',
  'dept-urban': '区城市管理综合行政执法局',
  'dept-env': '区生态环境分局',
  'dept-police': '公安海州分局',
  'dept-justice': '区司法局',
  'dept-heating': '市供热公司海州分公司',
  'dept-utility': '供水供电服务中心',
  'dept-emergency': '区应急管理局',
  'dept-market': '区市场监督管理局',
};

export const REQUEST_CATEGORIES: Category[] = [
  {
    code: 'facility',
    name: '公共设施损坏',
    description: '路灯、井盖、楼道灯、健身器材、门禁等损坏',
    defaultLevel: 'grid',
    slaHours: sla(48, 72, 120, 168),
    departmentId: 'dept-housing',
    departmentName: DEPARTMENTS['dept-housing'],
  },
  {
    code: 'sanitation',
    name: '环境卫生',
    description: '垃圾堆放、清运不及时、楼道杂物、小广告',
    defaultLevel: 'grid',
    slaHours: sla(24, 48, 72, 120),
    departmentId: 'dept-urban',
    departmentName: DEPARTMENTS['dept-urban'],
  },
  {
    code: 'street-vending',
    name: '占道经营',
    description: '占道摆摊、店外经营、违规停车占道',
    defaultLevel: 'community',
    slaHours: sla(24, 48, 72, 120),
    departmentId: 'dept-urban',
    departmentName: DEPARTMENTS['dept-urban'],
  },
  {
    code: 'noise',
    name: '噪音扰民',
    description: '装修、商铺、广场舞、夜间施工噪音',
    defaultLevel: 'grid',
    slaHours: sla(24, 48, 72, 120),
    departmentId: 'dept-env',
    departmentName: DEPARTMENTS['dept-env'],
  },
  {
    code: 'neighbor-dispute',
    name: '邻里纠纷',
    description: '漏水、噪音、占用公共空间等邻里矛盾，网格员就地调解',
    defaultLevel: 'grid',
    slaHours: sla(48, 72, 120, 168),
    departmentId: 'dept-justice',
    departmentName: DEPARTMENTS['dept-justice'],
  },
  {
    code: 'property',
    name: '物业服务',
    description: '物业不作为、收费争议、电梯停运、绿化维护',
    defaultLevel: 'community',
    slaHours: sla(48, 72, 120, 168),
    departmentId: 'dept-housing',
    departmentName: DEPARTMENTS['dept-housing'],
  },
  {
    code: 'safety-hazard',
    name: '安全隐患',
    description: '飞线充电、消防通道堵塞、燃气异味、危墙危树',
    defaultLevel: 'grid',
    slaHours: sla(4, 12, 24, 48),
    departmentId: 'dept-emergency',
    departmentName: DEPARTMENTS['dept-emergency'],
  },
  {
    code: 'illegal-building',
    name: '违章搭建',
    description: '私搭乱建、毁绿种菜、破坏承重结构',
    defaultLevel: 'community',
    slaHours: sla(72, 120, 168, 240),
    departmentId: 'dept-urban',
    departmentName: DEPARTMENTS['dept-urban'],
  },
  {
    code: 'heating',
    name: '供暖',
    description: '室温不达标、暖气不热、管道漏水（采暖期优先处理）',
    defaultLevel: 'community',
    slaHours: sla(12, 24, 48, 72),
    departmentId: 'dept-heating',
    departmentName: DEPARTMENTS['dept-heating'],
  },
  {
    code: 'water-power',
    name: '供水供电',
    description: '停水停电、水压低、水质浑浊、电表故障',
    defaultLevel: 'community',
    slaHours: sla(12, 24, 48, 72),
    departmentId: 'dept-utility',
    departmentName: DEPARTMENTS['dept-utility'],
  },
  {
    code: 'food-safety',
    name: '食品安全',
    description: '过期食品、无证经营、餐饮卫生',
    defaultLevel: 'community',
    slaHours: sla(24, 48, 72, 120),
    departmentId: 'dept-market',
    departmentName: DEPARTMENTS['dept-market'],
  },
  {
    code: 'public-order',
    name: '治安问题',
    description: '可疑人员、盗窃、群租等治安隐患（紧急情况请拨打 110）',
    defaultLevel: 'grid',
    slaHours: sla(12, 24, 48, 72),
    departmentId: 'dept-police',
    departmentName: DEPARTMENTS['dept-police'],
  },
];

export const categoryByCode = (code: string) => REQUEST_CATEGORIES.find((c) => c.code === code);
