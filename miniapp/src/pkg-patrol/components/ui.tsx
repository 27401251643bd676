/** Small building blocks of the 巡查 pages (own copy: a subpackage may not require another's code). */
import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { ApiError } from '../../api/client';
import './patrol.css';

export function Block({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <View className="pblock" data-testid={testId}>
      {title && <Text className="pblock__title">{title}</Text>}
      {children}
    </View>
  );
}

export function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <View className="prow" data-testid={testId}>
      <Text className="prow__label">{label}</Text>
      <Text className="prow__value">{children}</Text>
    </View>
  );
}

export function Btn(p: {
  children: ReactNode;
  onTap: () => void;
  testId: string;
  primary?: boolean;
  disabled?: boolean;
}) {
  return (
    <View
      className={`pbtn${p.primary ? ' pbtn--primary' : ''}${p.disabled ? ' pbtn--off' : ''}`}
      role="button"
      aria-disabled={p.disabled}
      data-testid={p.testId}
      onClick={p.disabled ? undefined : p.onTap}
    >
      {p.children}
    </View>
  );
}

export function Field(p: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  error?: string;
  multiline?: boolean;
  placeholder?: string;
}) {
  const onInput = (e: { detail: { value: string } }) => p.onChange(e.detail.value);
  return (
    <View className="pfield">
      <Text className="pfield__label">{p.label}</Text>
      {p.multiline ? (
        <Textarea
          className="pfield__input pfield__input--area"
          value={p.value}
          onInput={onInput}
          placeholder={p.placeholder}
          maxlength={1000}
          data-testid={p.testId}
        />
      ) : (
        <Input
          className="pfield__input"
          value={p.value}
          onInput={onInput}
          placeholder={p.placeholder}
          data-testid={p.testId}
        />
      )}
      {p.error && <Text className="perror">{p.error}</Text>}
    </View>
  );
}

export function Chips<K extends string>(p: {
  options: Record<K, string>;
  value: K;
  onChange: (k: K) => void;
  testIdPrefix: string;
}) {
  return (
    <View className="pchips">
      {(Object.keys(p.options) as K[]).map((k) => (
        <Text
          key={k}
          className={`pchip${k === p.value ? ' pchip--on' : ''}`}
          data-testid={`${p.testIdPrefix}-${k}`}
          onClick={() => p.onChange(k)}
        >
          {p.options[k]}
        </Text>
      ))}
    </View>
  );
}

export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return { '': (e as Error)?.message || '网络连接失败，请稍后重试' };
  const out: Record<string, string> = { '': e.message };
  for (const d of e.details) out[d.path] ??= d.message;
  return out;
}

/** Sending: clears the messages, runs, toasts on success; a refusal leaves the messages by field. */
export function useSend() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const send = async <T,>(run: () => Promise<T>, toast: string): Promise<T | undefined> => {
    setSaving(true);
    setErrors({});
    try {
      const out = await run();
      Taro.showToast({ title: toast, icon: 'success' });
      return out;
    } catch (e) {
      setErrors(fieldErrors(e));
      return undefined;
    } finally {
      setSaving(false);
    }
  };
  return { errors, saving, send };
}

export const hm = (iso?: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16) : '—';
export const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export const FLAG_NAMES: Record<string, string> = {
  speed: '速度异常',
  identical: '位置长时间不变',
  out_of_fence: '围栏外',
  overnight: '隔夜未结束',
  missed: '未打卡',
  no_clock_in: '未签到',
  no_fence: '网格未设围栏',
};
