import { FormField, formSchema, idNumberProblem, validDate, validIdNumber, validPhone } from './fields';
import { issueMessage } from './messages';

// Valid IDs, check digits computed with ISO 7064 MOD 11-2 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2).
const HAIZHOU_ID = '210902198001011236'; // 辽宁阜新海州区, born 1980-01-01
const X_ID = '11010519491231002X'; // check digit X

const one = (f: Partial<FormField> & Pick<FormField, 'type'>) =>
  formSchema([{ name: 'v', label: '字段', required: true, ...f } as FormField]);

/** messages of a failed parse, through the shared message mapper as the API does */
const errors = (s: ReturnType<typeof formSchema>, input: unknown) => {
  const r = s.safeParse(input, { reportInput: true });
  if (r.success) throw new Error(`expected failure, got ${JSON.stringify(r.data)}`);
  return r.error.issues.map((i) => issueMessage(i as never));
};
const ok = (s: ReturnType<typeof formSchema>, input: unknown) => s.parse(input);

describe('validIdNumber', () => {
  it('accepts real IDs, with uppercase or lowercase X', () => {
    expect(validIdNumber(HAIZHOU_ID)).toBe(true);
    expect(validIdNumber(X_ID)).toBe(true);
    expect(validIdNumber(X_ID.toLowerCase())).toBe(true);
    expect(validIdNumber(' 210902194510010022 ')).toBe(true);
  });

  it('says what is wrong', () => {
    expect(idNumberProblem('21090219800101123')).toBe('身份证号应为18位（最后一位可为X）');
    expect(idNumberProblem('21090219800101123A')).toBe('身份证号应为18位（最后一位可为X）');
    expect(idNumberProblem('990902198001011236')).toBe('身份证号地区码不正确');
    expect(idNumberProblem('210902201002290016')).toBe('身份证号出生日期不正确'); // 2010-02-29 does not exist (check digit is right)
    expect(idNumberProblem('210902189912310011')).toBe('身份证号出生日期不正确');
    expect(idNumberProblem('210902299901010011')).toBe('身份证号出生日期不正确'); // future
    expect(idNumberProblem('210902198001011235')).toBe('身份证号校验位不正确');
    expect(idNumberProblem('110105194912310021')).toBe('身份证号校验位不正确');
    expect(idNumberProblem(HAIZHOU_ID)).toBeNull();
  });
});

describe('validPhone / validDate', () => {
  it('phones: mobile and landline', () => {
    for (const p of ['13800138000', '19912345678', '0418-2812345', '04182812345', '010-12345678', '0418-28123456'])
      expect([p, validPhone(p)]).toEqual([p, true]);
    for (const p of [
      '12800138000',
      '1380013800',
      '138001380001',
      '418-2812345',
      '0418-123456',
      '+8613800138000',
      'abc',
    ])
      expect([p, validPhone(p)]).toEqual([p, false]);
  });

  it('dates: real calendar days only', () => {
    expect(validDate('2024-02-29')).toBe(true);
    expect(validDate('2023-02-29')).toBe(false);
    expect(validDate('2024-02-30')).toBe(false);
    expect(validDate('2024-04-31')).toBe(false);
    expect(validDate('2024-13-01')).toBe(false);
    expect(validDate('2024-1-5')).toBe(false);
    expect(validDate('2024/01/05')).toBe(false);
  });
});

describe('formSchema', () => {
  it('text: trimmed, default max 100 or maxLength', () => {
    expect(ok(one({ type: 'text' }), { v: '  张三  ' })).toEqual({ v: '张三' });
    expect(errors(one({ type: 'text' }), { v: 'a'.repeat(101) })).toEqual(['最多 100 个字']);
    expect(ok(one({ type: 'text' }), { v: 'a'.repeat(100) })).toEqual({ v: 'a'.repeat(100) });
    expect(errors(one({ type: 'text', maxLength: 4 }), { v: '张三李四王' })).toEqual(['最多 4 个字']);
    expect(errors(one({ type: 'text' }), { v: 12 })).toEqual(['应为文本']);
  });

  it('textarea: max 1000', () => {
    expect(ok(one({ type: 'textarea' }), { v: '情'.repeat(1000) }).v).toHaveLength(1000);
    expect(errors(one({ type: 'textarea' }), { v: '情'.repeat(1001) })).toEqual(['最多 1000 个字']);
  });

  it('required fields: missing, empty or blank is refused with the label', () => {
    const s = one({ type: 'text', label: '申请人姓名' });
    expect(errors(s, {})).toEqual(['请填写申请人姓名']);
    expect(errors(s, { v: '' })).toEqual(['请填写申请人姓名']);
    expect(errors(s, { v: '   ' })).toEqual(['请填写申请人姓名']);
  });

  it('number: coerced from strings, min and max', () => {
    const s = one({ type: 'number', min: 1, max: 20 });
    expect(ok(s, { v: 3 })).toEqual({ v: 3 });
    expect(ok(s, { v: ' 4 ' })).toEqual({ v: 4 });
    expect(ok(s, { v: '2.5' })).toEqual({ v: 2.5 });
    expect(errors(s, { v: 0 })).toEqual(['不能小于 1']);
    expect(errors(s, { v: '21' })).toEqual(['不能大于 20']);
    expect(errors(s, { v: 'abc' })).toEqual(['请输入数字']);
    expect(errors(s, { v: '1e3' })).toEqual(['请输入数字']);
    expect(errors(s, { v: Infinity })).toEqual(['请输入数字']);
    expect(errors(s, { v: NaN })).toEqual(['请输入数字']);
  });

  it('date: YYYY-MM-DD and a real day', () => {
    const s = one({ type: 'date' });
    expect(ok(s, { v: '2024-02-29' })).toEqual({ v: '2024-02-29' });
    expect(errors(s, { v: '2024-02-30' })).toEqual(['请输入正确的日期（年-月-日，如 2024-03-01）']);
    expect(errors(s, { v: '2024/03/01' })).toEqual(['请输入正确的日期（年-月-日，如 2024-03-01）']);
    expect(errors(s, { v: 20240301 })).toEqual(['请输入正确的日期']);
  });

  it('phone', () => {
    const s = one({ type: 'phone' });
    expect(ok(s, { v: ' 13800138000 ' })).toEqual({ v: '13800138000' });
    expect(ok(s, { v: '0418-2812345' })).toEqual({ v: '0418-2812345' });
    expect(errors(s, { v: '1380013800' })).toEqual(['请输入正确的手机号或固定电话']);
  });

  it('idNumber: check digit, birth date, lowercase x normalised', () => {
    const s = one({ type: 'idNumber' });
    expect(ok(s, { v: HAIZHOU_ID })).toEqual({ v: HAIZHOU_ID });
    expect(ok(s, { v: '11010519491231002x' })).toEqual({ v: X_ID });
    expect(errors(s, { v: '210902198001011235' })).toEqual(['身份证号校验位不正确']);
    expect(errors(s, { v: '210902201002290016' })).toEqual(['身份证号出生日期不正确']);
    expect(errors(s, { v: '2109021980' })).toEqual(['身份证号应为18位（最后一位可为X）']);
  });

  it('select: one of the options', () => {
    const s = one({ type: 'select', options: ['本人', '子女'] });
    expect(ok(s, { v: '子女' })).toEqual({ v: '子女' });
    expect(errors(s, { v: '邻居' })).toEqual(['所选内容不在可选范围内']);
    expect(errors(s, {})).toEqual(['请选择一项']);
    expect(errors(s, { v: '' })).toEqual(['请选择一项']);
  });

  it('multiselect: non-empty subset without duplicates', () => {
    const s = one({ type: 'multiselect', options: ['早餐', '午餐', '晚餐'] });
    expect(ok(s, { v: ['午餐', '早餐'] })).toEqual({ v: ['午餐', '早餐'] });
    expect(errors(s, { v: [] })).toEqual(['请至少选择一项']);
    expect(errors(s, {})).toEqual(['请至少选择一项']);
    expect(errors(s, { v: ['午餐', '午餐'] })).toEqual(['不能重复选择']);
    expect(errors(s, { v: ['夜宵'] })).toEqual(['所选内容不在可选范围内']);
    expect(errors(s, { v: '午餐' })).toEqual(['应为选项列表']);
    const opt = one({ type: 'multiselect', options: ['早餐'], required: false });
    expect(ok(opt, { v: [] })).toEqual({ v: [] });
  });

  it('image: 1..9 upload keys', () => {
    const s = one({ type: 'image', label: '证明材料照片' });
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `uploads/u1/2024/${i}.jpg`);
    expect(ok(s, { v: keys(9) }).v).toHaveLength(9);
    expect(errors(s, { v: keys(10) })).toEqual(['最多上传 9 张图片']);
    expect(errors(s, { v: [] })).toEqual(['请上传证明材料照片']);
    expect(errors(s, {})).toEqual(['请上传证明材料照片']);
    expect(errors(s, { v: ['https://evil.example/a.jpg'] })).toEqual(['图片标识不正确']);
    expect(errors(s, { v: ['uploads/a b.jpg'] })).toEqual(['图片标识不正确']);
    expect(errors(s, { v: ['uploads/../secret'] })).toEqual(['图片标识不正确']);
    expect(errors(s, { v: ['uploads/a.jpg', 'uploads/a.jpg'] })).toEqual(['图片不能重复']);
    const opt = one({ type: 'image', required: false });
    expect(ok(opt, { v: [] })).toEqual({ v: [] });
    expect(errors(opt, { v: keys(10) })).toEqual(['最多上传 9 张图片']);
  });

  it('optional fields may be absent or empty string', () => {
    const types = [
      'text',
      'textarea',
      'number',
      'date',
      'phone',
      'idNumber',
      'select',
      'multiselect',
      'image',
    ] as const;
    const fields: FormField[] = types.map((type) => ({
      name: type,
      label: type,
      type,
      required: false,
      options: ['甲'],
    }));
    const s = formSchema(fields);
    expect(ok(s, {})).toEqual({});
    const blanks = Object.fromEntries(types.map((t) => [t, '']));
    const parsed = ok(s, blanks);
    for (const t of types) expect(parsed[t]).toBeUndefined();
    expect(errors(s, { phone: '123' })).toEqual(['请输入正确的手机号或固定电话']);
  });

  it('is strict: unknown keys are refused, in Chinese', () => {
    const s = formSchema([{ name: 'name', label: '姓名', type: 'text', required: true }]);
    expect(errors(s, { name: '张三', admin: true, x: 1 })).toEqual(['不支持的字段：admin、x']);
    expect(errors(s, null)).toEqual(['表单内容应为对象']);
    expect(errors(s, ['张三'])).toEqual(['表单内容应为对象']);
  });

  it('reports every wrong field, each message in Chinese', () => {
    const s = formSchema([
      { name: 'name', label: '姓名', type: 'text', required: true },
      { name: 'idNumber', label: '身份证号', type: 'idNumber', required: true },
      { name: 'phone', label: '联系电话', type: 'phone', required: true },
      { name: 'kind', label: '类别', type: 'select', required: true, options: ['甲', '乙'] },
    ]);
    const r = s.safeParse({ idNumber: '210902198001011235', phone: '110', kind: '丙' }, { reportInput: true });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join('.'), issueMessage(i as never)]);
    expect(issues).toEqual([
      ['name', '请填写姓名'],
      ['idNumber', '身份证号校验位不正确'],
      ['phone', '请输入正确的手机号或固定电话'],
      ['kind', '所选内容不在可选范围内'],
    ]);
    for (const [, m] of issues) expect(m).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses a field list with duplicate names', () => {
    const f: FormField = { name: 'a', label: '甲', type: 'text', required: true };
    expect(() => formSchema([f, f])).toThrow(/duplicate/);
  });
});

describe('FormField', () => {
  it('checks the field definition itself', () => {
    expect(FormField.safeParse({ name: 'ok_1', label: '名', type: 'text', required: true }).success).toBe(true);
    expect(FormField.safeParse({ name: '1bad', label: '名', type: 'text', required: true }).success).toBe(false);
    expect(FormField.safeParse({ name: 'a', label: '名', type: 'select', required: true }).success).toBe(false);
    expect(
      FormField.safeParse({ name: 'a', label: '名', type: 'select', required: true, options: ['x', 'x'] }).success,
    ).toBe(false);
    expect(
      FormField.safeParse({ name: 'a', label: '名', type: 'number', required: true, min: 5, max: 1 }).success,
    ).toBe(false);
    expect(FormField.safeParse({ name: 'a', label: '名', type: 'color', required: true }).success).toBe(false);
  });
});
