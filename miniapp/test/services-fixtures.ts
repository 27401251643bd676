/** 办事 fixtures: services from the real catalogue, one service with every field type, applications. */
import { SERVICES, type ServiceDef } from '@gridlink/shared/services-catalog';
import type { Application } from '@gridlink/shared/applications';
import { setToken } from '../src/api/session';

const T0 = '2025-03-01T01:00:00.000Z'; // 09:00 in Haizhou

export const service = (code: string): ServiceDef => {
  const s = SERVICES.find((x) => x.code === code);
  if (!s) throw new Error(`no service ${code}`);
  return s;
};

/** A made-up service whose form has one field of each of the nine types. */
export const EVERY_FIELD: ServiceDef = {
  code: 'every-field',
  name: '全字段测试事项',
  category: '其他',
  description: '用于测试：表单里每一种字段类型各有一个。',
  materials: ['居民身份证', '证明材料照片'],
  promisedDays: 5,
  onlineDirect: false,
  fields: [
    { name: 'name', label: '申请人姓名', type: 'text', required: true, maxLength: 20 },
    { name: 'situation', label: '情况说明', type: 'textarea', required: true },
    { name: 'familySize', label: '家庭人口', type: 'number', required: true, min: 1, max: 20 },
    { name: 'since', label: '开始日期', type: 'date', required: true },
    { name: 'phone', label: '联系电话', type: 'phone', required: true },
    { name: 'idNumber', label: '身份证号', type: 'idNumber', required: true },
    { name: 'purpose', label: '用途', type: 'select', required: true, options: ['子女入学', '社保医保业务', '其他'] },
    {
      name: 'needs',
      label: '服务需求',
      type: 'multiselect',
      required: false,
      options: ['就业帮扶', '法律援助', '心理疏导'],
    },
    { name: 'proofs', label: '证明材料照片', type: 'image', required: true, help: '请拍清楚四角' },
  ],
};

/** A valid resident ID number (checksum included). */
export const ID_NUMBER = '210902198503152020';

/** A 法律援助申请 form as sent, with these photo keys. */
export const legalAidForm = (proofs: string[]) => ({
  name: '王丽',
  idNumber: ID_NUMBER,
  phone: '13904181234',
  matter: '劳动报酬、工伤赔偿',
  hardship: '低收入家庭',
  facts: '公司拖欠工资三个月',
  proofs,
});

export const application = (over: Partial<Application> = {}): Application => ({
  id: 'app-1',
  status: 'under_review',
  version: 1,
  createdAt: T0,
  updatedAt: T0,
  serviceCode: 'legal-aid',
  serviceName: '法律援助申请',
  onlineDirect: false,
  applicantId: 'resident-demo',
  applicantName: '王丽',
  communityId: 'hz-hp-xh',
  dueAt: '2025-03-08T01:00:00.000Z',
  overdue: false,
  ...over,
});

/** A token shaped like the API's (a JWT whose `sub` is the user): per-user storage reads it. */
export function signInAs(userId: string) {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  setToken(
    `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: userId, role: 'resident' })}.sig`,
    new Date(Date.now() + 3600_000).toISOString(),
  );
}
