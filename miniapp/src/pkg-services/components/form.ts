/**
 * The service form's state and its checks. The same `formSchema(fields)` the API runs validates
 * here before submitting, so a resident sees the server's Chinese messages under the fields
 * before a round trip. zod lives in this subpackage only (never import this from the main package).
 */
import { useCallback, useRef, useState } from 'react';
import { formSchema, type FormField } from '@gridlink/shared/fields';
import { ApiError, newIdempotencyKey } from '../../api/client';

export type { FormField };
export type Values = Record<string, unknown>;
export type Errors = Record<string, string>;

const LIST_TYPES: FormField['type'][] = ['multiselect', 'image'];

export const emptyValue = (f: FormField): unknown => (LIST_TYPES.includes(f.type) ? [] : '');

/** What the controls hold: strings, and arrays for multiselect and images. */
export function toControlValue(f: FormField, v: unknown): unknown {
  if (v === undefined || v === null) return emptyValue(f);
  if (LIST_TYPES.includes(f.type)) return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
  return typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
}

/** Starting values: a previous submission (补正) or, for a new form, the profile's name and phone. */
export function initialValues(
  fields: FormField[],
  previous?: Values,
  profile?: { name?: string; phone?: string },
): Values {
  const out: Values = {};
  for (const f of fields) out[f.name] = toControlValue(f, previous?.[f.name]);
  if (!previous && profile) {
    for (const f of fields) {
      if (out[f.name] !== '') continue;
      if (f.type === 'phone' && profile.phone && !profile.phone.includes('*')) out[f.name] = profile.phone;
      if (f.name === 'name' && f.type === 'text' && profile.name) out[f.name] = profile.name;
    }
  }
  return out;
}

/** Runs the shared validator: the cleaned form (trimmed, numbers as numbers) or the first message per field. */
export function checkForm(fields: FormField[], values: Values): { data?: Values; errors: Errors } {
  const res = formSchema(fields).safeParse(values);
  if (res.success) {
    const data: Values = {};
    for (const [k, v] of Object.entries(res.data as Values)) if (v !== undefined) data[k] = v;
    return { data, errors: {} };
  }
  const errors: Errors = {};
  for (const issue of res.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form';
    if (!errors[key]) errors[key] = issue.message;
  }
  return { errors };
}

/** An API 400's details: `form.<field>` go under their fields, the rest above the button. */
export function serverErrors(err: unknown): { fields: Errors; message: string } {
  if (!(err instanceof ApiError)) return { fields: {}, message: (err as Error)?.message || '提交失败，请重试' };
  const fields: Errors = {};
  for (const d of err.details) {
    const m = /^form\.([^.[]+)/.exec(d.path);
    if (m && !fields[m[1]]) fields[m[1]] = d.message;
  }
  const message = err.message || '提交失败，请重试';
  return { fields, message };
}

/**
 * Form state with an Idempotency-Key per submitted content: a retry of the same content (a
 * network failure, a 5xx) reuses the key and gets the first answer; any edit, or an answer that
 * refused the content (4xx), takes a fresh key (the API refuses a key reused for other content).
 */
export function useServiceForm(fields: FormField[], start: () => Values) {
  const [values, setValues] = useState<Values>(start);
  const [errors, setErrors] = useState<Errors>({});
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const key = useRef<string | null>(null);

  const setValue = useCallback((name: string, value: unknown) => {
    key.current = null;
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => {
      if (!e[name]) return e;
      const { [name]: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  const reset = useCallback((next: Values) => {
    key.current = null;
    setValues(next);
    setErrors({});
  }, []);

  const addPreview = useCallback(
    (uploadKey: string, url: string) => setPreviews((p) => ({ ...p, [uploadKey]: url })),
    [],
  );

  /** Checks the form: the cleaned data and the key to send it with, or the messages per field. */
  const validate = useCallback((): { data?: Values; idempotencyKey?: string; errors: Errors } => {
    const { data, errors: found } = checkForm(fields, values);
    setErrors(found);
    if (!data) return { errors: found };
    if (!key.current) key.current = newIdempotencyKey();
    return { data, idempotencyKey: key.current, errors: found };
  }, [fields, values]);

  /** The API answered with an error: show field messages, and renew the key when the content was refused. */
  const failed = useCallback((err: unknown): string => {
    const status = err instanceof ApiError ? err.status : 0;
    if (status >= 400 && status < 500) key.current = null;
    const { fields: fieldErrors, message } = serverErrors(err);
    setErrors(fieldErrors);
    return message;
  }, []);

  return { values, errors, previews, setValue, reset, addPreview, validate, failed, setErrors };
}
