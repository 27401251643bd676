import { FieldType, type FormField, formSchema } from './fields';
import { SERVICE_CATALOG_VERSION, SERVICE_CATEGORIES, SERVICES, ServiceDef, serviceByCode } from './services-catalog';

/** A valid value for each field, the way the mini-program would submit it. */
function sample(f: FormField): unknown {
  switch (f.type) {
    case 'text':
      return '张三'.slice(0, f.maxLength ?? 100);
    case 'textarea':
      return '家中老人年事已高，行动不便。';
    case 'number':
      return String(f.min ?? Math.min(1, f.max ?? 1)); // as a string: coercion is part of the contract
    case 'date':
      return '2024-03-01';
    case 'phone':
      return '13800138000';
    case 'idNumber':
      return '210902198001011236';
    case 'select':
      return f.options![0];
    case 'multiselect':
      return f.options!.slice(0, 2);
    case 'image':
      return ['uploads/demo/photo-1.jpg'];
  }
}

describe('the service catalog', () => {
  it('has 41 services with unique codes and names', () => {
    expect(SERVICE_CATALOG_VERSION).toBe(1);
    expect(SERVICES).toHaveLength(41);
    expect(new Set(SERVICES.map((s) => s.code)).size).toBe(41);
    expect(new Set(SERVICES.map((s) => s.name)).size).toBe(41);
  });

  it.each(SERVICES.map((s) => [s.code, s] as const))('%s is a valid ServiceDef', (_code, s) => {
    expect(ServiceDef.parse(s)).toEqual(s);
    expect(s.description.split('。').filter(Boolean).length).toBeLessThanOrEqual(2);
    expect(serviceByCode(s.code)).toBe(s);
  });

  it('uses every category and every field type', () => {
    expect(new Set(SERVICES.map((s) => s.category))).toEqual(new Set(SERVICE_CATEGORIES));
    const used = new Set(SERVICES.flatMap((s) => s.fields.map((f) => f.type)));
    expect([...used].sort()).toEqual([...FieldType.options].sort());
  });

  it('gives options to every select and multiselect', () => {
    for (const s of SERVICES)
      for (const f of s.fields)
        if (f.type === 'select' || f.type === 'multiselect')
          expect([s.code, f.name, f.options!.length > 0]).toEqual([s.code, f.name, true]);
  });

  it('is mostly online-direct, benefits needing review are not', () => {
    const direct = SERVICES.filter((s) => s.onlineDirect).length;
    expect(direct).toBeGreaterThanOrEqual(25);
    expect(direct).toBeLessThanOrEqual(30);
    for (const code of [
      'minimum-living-allowance',
      'extreme-poverty-support',
      'temporary-assistance',
      'disability-two-subsidies',
    ])
      expect(serviceByCode(code)!.onlineDirect).toBe(false);
    expect(SERVICES.filter((s) => s.hot).length).toBeGreaterThanOrEqual(3);
  });

  it.each(SERVICES.map((s) => [s.code, s] as const))(
    '%s: its form accepts a valid sample and refuses an empty one',
    (_code, s) => {
      const schema = formSchema(s.fields);
      const form = Object.fromEntries(s.fields.map((f) => [f.name, sample(f)]));
      const r = schema.safeParse(form);
      expect(r.success ? [] : r.error.issues).toEqual([]);

      // only the required fields also pass
      const minimal = Object.fromEntries(s.fields.filter((f) => f.required).map((f) => [f.name, sample(f)]));
      expect(schema.safeParse(minimal).success).toBe(true);

      const required = s.fields.filter((f) => f.required);
      expect(required.length).toBeGreaterThan(0);
      const empty = schema.safeParse({});
      expect(empty.success).toBe(false);
      expect(empty.error!.issues.map((i) => i.path[0]).sort()).toEqual(required.map((f) => f.name).sort());
      for (const i of empty.error!.issues) expect(i.message).toMatch(/^请/);
    },
  );
});
