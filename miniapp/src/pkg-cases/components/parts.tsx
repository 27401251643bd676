/** Small building blocks of the 纠纷/信访 pages: status tags, labelled fields, blocks, buttons, the timeline. */
import type { ReactNode } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { DISPUTE_WORKFLOW, PETITION_WORKFLOW } from '@gridlink/shared/workflows/cases';
import { ApiError } from '../../api/client';
import StatusTag from '../../components/StatusTag';
import Timeline from '../../components/Timeline';
import type { CaseEvent, Dispute, Petition } from '../api';
import './cases.css';

export { default as Chips } from '../../components/Chips';

export const DisputeTag = ({ status }: { status: Dispute['status'] }) => (
  <StatusTag workflow={DISPUTE_WORKFLOW} status={status} testId="case-status" />
);
export const PetitionTag = ({ status }: { status: Petition['status'] }) => (
  <StatusTag workflow={PETITION_WORKFLOW} status={status} testId="case-status" />
);

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

/** The case's history, newest on top: each step named by the dispute's or the petition's table. */
export function CaseTimeline({ events, kind }: { events?: CaseEvent[]; kind: 'dispute' | 'petition' }) {
  return (
    <Timeline
      events={events}
      workflow={kind === 'dispute' ? DISPUTE_WORKFLOW : PETITION_WORKFLOW}
      testId="case-timeline"
      stepTestId="cstep"
    />
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
