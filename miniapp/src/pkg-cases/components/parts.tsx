/** Small building blocks of the 纠纷/信访 pages: tags, option chips, labelled fields, the timeline. */
import type { ReactNode } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { ApiError } from '../../api/client';
import { formatTime } from '../../lib/format';
import { HANDLING_CHANNEL_NAMES, LEVEL_NAMES, ROLE_NAMES, type Role } from '@gridlink/shared/names';
import type { CaseEvent } from '../api';
import './cases.css';

export const CASE_STAFF: Role[] = ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin'];
export const KEY_LEADERS: Role[] = ['grid_leader', 'community_admin', 'street_admin', 'district_admin'];

export function Tag({ status, name }: { status: string; name: string }) {
  return (
    <Text className={`ctag ctag--${status}`} data-testid="case-status">
      {name}
    </Text>
  );
}

/** Pick one of a few options (types, channels, referrals). */
export function Chips<K extends string>({
  options,
  value,
  onChange,
  testId,
}: {
  options: Record<K, string>;
  value?: K;
  onChange: (k: K) => void;
  testId: string;
}) {
  return (
    <View className="chips" role="radiogroup">
      {(Object.keys(options) as K[]).map((k) => (
        <View
          key={k}
          role="radio"
          aria-checked={k === value}
          className={`chip${k === value ? ' chip--on' : ''}`}
          data-testid={`${testId}-${k}`}
          onClick={() => onChange(k)}
        >
          {options[k]}
        </View>
      ))}
    </View>
  );
}

interface FieldProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  error?: string;
  multiline?: boolean;
  placeholder?: string;
  type?: 'text' | 'number';
}

/** A labelled input (or text area) with the server's field message under it. */
export function Field({ label, value, onChange, testId, error, multiline, placeholder, type = 'text' }: FieldProps) {
  const onInput = (e: { detail: { value: string } }) => onChange(e.detail.value);
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      {multiline ? (
        <Textarea
          className="field__input field__input--area"
          value={value}
          onInput={onInput}
          placeholder={placeholder}
          maxlength={3000}
          data-testid={testId}
        />
      ) : (
        <Input
          className="field__input"
          type={type}
          value={value}
          onInput={onInput}
          placeholder={placeholder}
          data-testid={testId}
        />
      )}
      {error && (
        <Text className="field__error" data-testid={`${testId}-error`}>
          {error}
        </Text>
      )}
    </View>
  );
}

export function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <View className="crow" data-testid={testId}>
      <Text className="crow__label">{label}</Text>
      <Text className="crow__value">{children}</Text>
    </View>
  );
}

/** A 400's field details by path ('parties.1.name' → message); other errors under '' (the message). */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return { '': '网络连接失败，请稍后重试' };
  const out: Record<string, string> = { '': e.message };
  for (const d of e.details) out[d.path] ??= d.message;
  return out;
}

export const ACTION_NAMES: Record<string, string> = {
  register: '登记',
  session: '调解',
  escalate: '提交上级',
  agree: '达成协议',
  fail: '调解未成',
  close: '回访结案',
  accept: '受理',
  progress: '办理',
  reply: '答复',
  flagKey: '列为重点',
  rate: '评价',
  autoEscalate: '超期自动上报',
  markOverdue: '超期',
};

/** The case's history, newest on top. */
export function CaseTimeline({ events }: { events?: CaseEvent[] }) {
  if (!events?.length) return null;
  const steps = [...events].reverse();
  return (
    <View className="csteps" data-testid="case-timeline">
      {steps.map((e) => (
        <View key={e.id} className="cstep" data-testid={`cstep-${e.action}`}>
          <Text className="cstep__head">
            {ACTION_NAMES[e.action] ?? e.action}
            {e.channel ? `（${HANDLING_CHANNEL_NAMES[e.channel]}）` : ''} · {LEVEL_NAMES[e.level]}级
          </Text>
          <Text className="cstep__meta">
            {formatTime(e.at)} {e.actorName}
            {e.actorRole !== 'system' ? `（${ROLE_NAMES[e.actorRole as Role] ?? e.actorRole}）` : ''}
          </Text>
          {e.note && <Text className="cstep__note">{e.note}</Text>}
        </View>
      ))}
    </View>
  );
}

/** A titled white block; `actions` render as a row of buttons under it. */
export function Block({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <View className="cblock" data-testid={testId}>
      {title && <Text className="cblock__title">{title}</Text>}
      {children}
    </View>
  );
}

export function Btn({
  children,
  onTap,
  testId,
  primary,
  disabled,
}: {
  children: ReactNode;
  onTap: () => void;
  testId: string;
  primary?: boolean;
  disabled?: boolean;
}) {
  return (
    <View
      className={`cbtn${primary ? ' cbtn--primary' : ''}${disabled ? ' cbtn--off' : ''}`}
      role="button"
      aria-disabled={disabled}
      data-testid={testId}
      onClick={disabled ? undefined : onTap}
    >
      {children}
    </View>
  );
}
