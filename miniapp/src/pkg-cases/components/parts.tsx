/** Small building blocks of the 纠纷/信访 pages: status tags, labelled fields, blocks, buttons, the timeline. */
import { useState, type ReactNode } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { DISPUTE_WORKFLOW, PETITION_WORKFLOW } from '@gridlink/shared/workflows/cases';
import Taro, { useRouter } from '@tarojs/taro';
import { ApiError, type RequestOptions } from '../../api/client';
import { getMe } from '../../api/endpoints';
import { useAsync } from '../../components/useAsync';
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

/**
 * Sending a form: `send(post, toast)` clears the messages, posts, toasts on success and resolves to
 * the answer; a refusal puts the server's messages by field (see fieldErrors) and resolves to undefined.
 */
export function useSend() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const send = async <T,>(post: () => Promise<T>, toast: string): Promise<T | undefined> => {
    setSaving(true);
    setErrors({});
    try {
      const answer = await post();
      Taro.showToast({ title: toast, icon: 'success' });
      return answer;
    } catch (e) {
      setErrors(fieldErrors(e));
      return undefined;
    } finally {
      setSaving(false);
    }
  };
  return { errors, saving, send };
}

/** A 400's field details by path ('parties.1.name' → message); other errors under '' (the message). */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return { '': '网络连接失败，请稍后重试' };
  const out: Record<string, string> = { '': e.message };
  for (const d of e.details) out[d.path] ??= d.message;
  return out;
}

/** The case's history, newest on top: each step named by the dispute's or the petition's table. */
export function CaseTimeline({
  events,
  kind,
  title,
}: {
  events?: CaseEvent[];
  kind: 'dispute' | 'petition';
  title: string;
}) {
  return (
    <Block title={title}>
      <Timeline
        events={events}
        workflow={kind === 'dispute' ? DISPUTE_WORKFLOW : PETITION_WORKFLOW}
        testId="case-timeline"
        stepTestId="cstep"
      />
    </Block>
  );
}

/**
 * A case page's data: the case (by the route's id) and who reads it; which move's form is open,
 * `done` closing it and reading the case again.
 */
export function useCase<T, M extends string>(get: (id: string, opts: RequestOptions) => Promise<T>) {
  const { params } = useRouter();
  const id = params.id ?? '';
  const data = useAsync(
    async () => ({ item: await get(id, { silent: true }), me: await getMe({ silent: true }) }),
    [id],
  );
  const [panel, setPanel] = useState<M>();
  const done = () => {
    setPanel(undefined);
    void data.reload();
  };
  return { data, item: data.data?.item, me: data.data?.me, panel, setPanel, done };
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

/** A move's form: its fields, the server's message for the whole form, 提交. */
export function MoveBlock({
  title,
  panel,
  error,
  saving,
  onSubmit,
  children,
}: {
  title: string;
  panel: string;
  error?: string;
  saving: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <Block title={title} testId={`form-${panel}`}>
      {children}
      {error && (
        <Text className="form__error" data-testid="form-error">
          {error}
        </Text>
      )}
      <Btn primary testId="move-submit" disabled={saving} onTap={onSubmit}>
        {saving ? '提交中…' : '提交'}
      </Btn>
    </Block>
  );
}

/** The moves the reader may make now, as buttons: a tap opens that move's form, again closes it. */
export function MoveButtons<M extends string>({
  moves,
  open,
  onOpen,
  label,
  testId,
}: {
  moves: M[];
  open?: M;
  onOpen: (m: M | undefined) => void;
  label: (m: M) => string;
  testId: string;
}) {
  if (!moves.length) return null;
  return (
    <View className="cbtns" data-testid={testId}>
      {moves.map((m) => (
        <Btn key={m} primary={open === m} testId={`move-${m}`} onTap={() => onOpen(open === m ? undefined : m)}>
          {label(m)}
        </Btn>
      ))}
    </View>
  );
}
