import * as z from 'zod';

/**
 * One field list, two validators: a service declares its form as `FormField[]`; the mini-program
 * renders and pre-checks it, the API validates the submission with the same `formSchema(fields)`.
 * Every message a resident can see is Chinese (the API forwards them as they are).
 */

export const FieldType = z.enum([
  'text',
  'textarea',
  'number',
  'date',
  'phone',
  'idNumber',
  'select',
  'multiselect',
  'image',
]);
export type FieldType = z.infer<typeof FieldType>;

export const MAX_IMAGES = 9;
export const TEXT_MAX = 100;
export const TEXTAREA_MAX = 1000;
/** Keys handed out by the upload endpoint. */
export const UPLOAD_KEY = /^uploads\/[A-Za-z0-9/_.-]{1,200}$/;

export const FormField = z
  .object({
    /** key in the submitted form */
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, '字段名格式不正确'),
    /** Chinese label shown to residents */
    label: z.string().min(1).max(30),
    type: FieldType,
    required: z.boolean(),
    /** select / multiselect only */
    options: z.array(z.string().min(1).max(50)).min(1).max(30).optional(),
    placeholder: z.string().max(50).optional(),
    /** text / textarea: overrides the default maximum (100 / 1000) */
    maxLength: z.number().int().min(1).max(5000).optional(),
    /** number only */
    min: z.number().optional(),
    max: z.number().optional(),
    help: z.string().max(200).optional(),
  })
  .superRefine((f, ctx) => {
    const choice = f.type === 'select' || f.type === 'multiselect';
    if (choice && !f.options?.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: '选择项必须提供选项' });
    if (f.options && new Set(f.options).size !== f.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: '选项不能重复' });
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      ctx.addIssue({ code: 'custom', path: ['min'], message: '最小值不能大于最大值' });
  });
export type FormField = z.infer<typeof FormField>;

// ---------------------------------------------------------------- helpers

const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** Chinese mobile (1[3-9] + 9 digits) or landline with area code (0418-1234567, 04181234567). */
export const validPhone = (p: string): boolean => PHONE.test(p.trim());

/** 'YYYY-MM-DD' that exists on the calendar (no Feb 30). */
export function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && realDate(+m[1], +m[2], +m[3]);
}

function realDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Province-level prefixes of resident ID numbers (incl. 81/82/83: HK, Macau, Taiwan residence permits). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** What is wrong with an 18-digit resident ID number (GB 11643), or null when it is valid. Expects uppercase X. */
export function idNumberProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为18位（最后一位可为X）';
  if (!PROVINCES.has(+id.slice(0, 2))) return '身份证号地区码不正确';
  const y = +id.slice(6, 10),
    m = +id.slice(10, 12),
    d = +id.slice(12, 14);
  if (!realDate(y, m, d) || Date.UTC(y, m - 1, d) > Date.now()) return '身份证号出生日期不正确';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ID_WEIGHTS[i] * +id[i];
  if (ID_CHECK[sum % 11] !== id[17]) return '身份证号校验位不正确';
  return null;
}

export const normaliseIdNumber = (id: string) => id.trim().toUpperCase();
export const validIdNumber = (id: string): boolean => idNumberProblem(normaliseIdNumber(id)) === null;

// ---------------------------------------------------------------- the form validator

const unique = (xs: unknown[]) => new Set(xs).size === xs.length;
const missing = (iss: { input?: unknown }) => iss.input === undefined;

/** Strings are trimmed; an empty string counts as "not filled in". */
const blank = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return t === '' ? undefined : t;
};

function fieldSchema(f: FormField): z.ZodType {
  const fill = `请填写${f.label}`;
  const str = (wrong: string) => z.string({ error: (iss) => (missing(iss) ? fill : wrong) });
  switch (f.type) {
    case 'text':
    case 'textarea': {
      const max = f.maxLength ?? (f.type === 'text' ? TEXT_MAX : TEXTAREA_MAX);
      return str('应为文本').max(max, `最多 ${max} 个字`);
    }
    case 'number': {
      let s = z.number({ error: (iss) => (missing(iss) ? fill : '请输入数字') });
      if (f.min !== undefined) s = s.min(f.min, `不能小于 ${f.min}`);
      if (f.max !== undefined) s = s.max(f.max, `不能大于 ${f.max}`);
      return s;
    }
    case 'date':
      return str('请输入正确的日期').refine(validDate, '请输入正确的日期（年-月-日，如 2024-03-01）');
    case 'phone':
      return str('请输入正确的手机号或固定电话').refine(validPhone, '请输入正确的手机号或固定电话');
    case 'idNumber':
      return str('请输入正确的身份证号').superRefine((v, ctx) => {
        const problem = idNumberProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      });
    case 'select':
      return z.enum(f.options as [string, ...string[]], {
        error: (iss) => (missing(iss) ? '请选择一项' : '所选内容不在可选范围内'),
      });
    case 'multiselect': {
      let s = z.array(z.enum(f.options as [string, ...string[]], { error: '所选内容不在可选范围内' }), {
        error: (iss) => (missing(iss) ? '请至少选择一项' : '应为选项列表'),
      });
      if (f.required) s = s.min(1, '请至少选择一项');
      return s.refine(unique, '不能重复选择');
    }
    case 'image': {
      const key = z
        .string({ error: '图片标识不正确' })
        .regex(UPLOAD_KEY, '图片标识不正确')
        .refine((k) => !k.split('/').includes('..'), '图片标识不正确');
      let s = z.array(key, { error: (iss) => (missing(iss) ? `请上传${f.label}` : '应为图片列表') });
      if (f.required) s = s.min(1, `请上传${f.label}`);
      return s.max(MAX_IMAGES, `最多上传 ${MAX_IMAGES} 张图片`).refine(unique, '图片不能重复');
    }
  }
}

function prepare(f: FormField) {
  return (v: unknown) => {
    const b = blank(v);
    if (typeof b !== 'string') return b;
    if (f.type === 'idNumber') return b.toUpperCase();
    // numbers typed into a text box arrive as strings
    if (f.type === 'number' && /^[-+]?\d+(\.\d+)?$/.test(b)) return Number(b);
    return b;
  };
}

/**
 * The validator of a submitted form: a strict object (unknown keys refused) with one key per field.
 * Optional fields may be absent or ''; they come out as undefined. Strings come out trimmed,
 * ID numbers uppercased, numbers as numbers.
 */
export function formSchema(fields: FormField[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    if (f.name in shape) throw new Error(`duplicate form field: ${f.name}`);
    const s = fieldSchema(f);
    shape[f.name] = z.preprocess(prepare(f), f.required ? s : s.optional());
  }
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? `不支持的字段：${(iss.keys as string[]).join('、')}` : '表单内容应为对象',
  });
}
