/** 红色代办: the small pieces the pkg-proxy pages share (tags, cards, recipient card, timeline). */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { CONSENT_METHOD_NAMES, PROXY_STATUS_NAMES, RATING_NAMES, ROLE_NAMES, type Role } from '@gridlink/shared/names';
import type { ProxyStatus, ProxyTask } from '../../api/proxy';
import { formatShort, formatTime } from '../../lib/format';
import { deadlineText } from '../lib/rules';
import './proxy.css';

export function StatusTag({ status, testId }: { status: ProxyStatus; testId?: string }) {
  return (
    <Text className={`ptag ptag--${status}`} data-testid={testId}>
      {PROXY_STATUS_NAMES[status] ?? status}
    </Text>
  );
}

export const kindText = (t: Pick<ProxyTask, 'kind' | 'serviceName'>) =>
  t.kind === 'service' ? `代办事项 · ${t.serviceName ?? '便民服务'}` : '代办跑腿';

/** The path a task walks: 待认领 → 已认领 → 办理中 → 已办完待确认 → 已确认. */
const PATH: ProxyStatus[] = ['open', 'claimed', 'in_progress', 'done', 'confirmed'];
const PATH_SHORT: Record<string, string> = {
  open: '待认领',
  claimed: '已认领',
  in_progress: '办理中',
  done: '待确认',
  confirmed: '已确认',
};

export function Progress({ status }: { status: ProxyStatus }) {
  if (status === 'cancelled') return <Text className="pprogress pprogress--off">已取消</Text>;
  const at = PATH.indexOf(status);
  return (
    <View className="pprogress" data-testid="task-progress" aria-label={`进度：${PROXY_STATUS_NAMES[status]}`}>
      {PATH.map((s, i) => (
        <View
          key={s}
          className={`pprogress__step${i <= at ? ' pprogress__step--on' : ''}${i === at ? ' pprogress__step--now' : ''}`}
        >
          <View className="pprogress__dot" />
          <Text className="pprogress__label">{PATH_SHORT[s]}</Text>
        </View>
      ))}
    </View>
  );
}

export function DeadlineText({ task: t }: { task: Pick<ProxyTask, 'deadline' | 'status' | 'unclaimedAlerted'> }) {
  if (t.status !== 'open') return null;
  const d = deadlineText(t.deadline);
  return (
    <Text className={`pdeadline${d.urgent ? ' pdeadline--urgent' : ''}`} data-testid="task-deadline">
      认领时限 {formatShort(t.deadline)}（{d.text}）{t.unclaimedAlerted ? ' · 已提醒社区安排' : ''}
    </Text>
  );
}

/** A task in a list: what, for whom (masked as the API sends it), status and time. */
export function TaskCard({
  task: t,
  onTap,
  badge,
  children,
}: {
  task: ProxyTask;
  onTap: () => void;
  badge?: string;
  children?: ReactNode;
}) {
  return (
    <View className="pcard" data-testid={`task-${t.id}`} role="listitem">
      <View onClick={onTap} data-testid={`task-open-${t.id}`}>
        <View className="pcard__head">
          <Text className="pcard__kind">{kindText(t)}</Text>
          <StatusTag status={t.status} />
        </View>
        <Text className="pcard__desc">{t.description}</Text>
        <View className="pcard__meta">
          {badge && <Text className="pcard__badge">{badge}</Text>}
          <Text>为 {t.recipient.name}</Text>
          {!!t.recipient.address && <Text>{t.recipient.address}</Text>}
          {t.agentName && <Text>代办员 {t.agentName}</Text>}
        </View>
        <DeadlineText task={t} />
        {t.status !== 'open' && <Text className="pcard__time">更新于 {formatShort(t.updatedAt)}</Text>}
      </View>
      {children}
    </View>
  );
}

/**
 * The person being helped. Masked (🔒 信息已脱敏) unless the reader is on their side or is the agent
 * who claimed the task and has not yet had it confirmed; the agent's access ends with the task.
 */
export function RecipientCard({ task: t, assignee }: { task: ProxyTask; assignee: boolean }) {
  const r = t.recipient;
  const ended = t.status === 'confirmed' || t.status === 'cancelled';
  return (
    <View className="section precipient" data-testid="recipient-card">
      <Text className="section__title">被帮扶对象</Text>
      <View className="pfacts">
        <Row k="姓名" v={r.name} testId="recipient-name" />
        {r.phone !== undefined && <Row k="联系电话" v={r.phone} testId="recipient-phone" />}
        {r.address !== undefined && <Row k="住址" v={r.address} testId="recipient-address" />}
        {r.idNumber !== undefined && <Row k="身份证号" v={r.idNumber} testId="recipient-id" />}
      </View>
      {r.masked ? (
        <View className="pmask" data-testid="mask-hint" role="note">
          <Text className="pmask__title">🔒 信息已脱敏</Text>
          <Text className="pmask__text">
            {ended
              ? '任务已结束，代办员查看个人信息的权限已随之结束。'
              : t.status === 'open'
                ? '认领后，代办员在办理期间可以查看完整的联系电话、住址和身份证号；任务确认办结后即恢复脱敏。'
                : '只有认领此任务的代办员在办理期间可以查看完整信息；任务确认办结后即恢复脱敏。'}
          </Text>
        </View>
      ) : assignee ? (
        <View className="pmask pmask--open" data-testid="access-hint" role="note">
          <Text className="pmask__title">🔓 代办期间可查看完整信息</Text>
          <Text className="pmask__text">
            仅用于本次代办，每次查看都会留痕；任务确认办结后，访问即结束、信息恢复脱敏。
          </Text>
        </View>
      ) : null}
    </View>
  );
}

export function Row({ k, v, testId }: { k: string; v: ReactNode; testId?: string }) {
  return (
    <View className="pfacts__row">
      <Text className="pfacts__k">{k}</Text>
      <Text className="pfacts__v" data-testid={testId}>
        {v}
      </Text>
    </View>
  );
}

const ACTION_NAMES: Record<string, string> = {
  create: '提出代办',
  claim: '认领任务',
  start: '开始办理',
  complete: '办理完成',
  confirm: '确认办结',
  cancel: '取消代办',
  rate: '评价',
  alert: '超时未认领提醒',
};

/** the API writes consent codes into the first note: show their Chinese names */
function noteText(note: string): string {
  return note.replace(
    /in_app|witnessed_signature|family/g,
    (m) => CONSENT_METHOD_NAMES[m as keyof typeof CONSENT_METHOD_NAMES] ?? m,
  );
}

type Timeline = NonNullable<ProxyTask['timeline']>;

/** The history, newest on top. */
export function TimelineView({ events }: { events: Timeline }) {
  const steps = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (!steps.length) return null;
  return (
    <View className="psteps" data-testid="timeline">
      {steps.map((e, i) => (
        <View key={e.id} className={`pstep${i === 0 ? ' pstep--current' : ''}`} data-testid={`step-${e.action}`}>
          <View className="pstep__rail">
            <View className="pstep__dot" />
            {i < steps.length - 1 && <View className="pstep__line" />}
          </View>
          <View className="pstep__body">
            <View className="pstep__head">
              <Text className="pstep__action">{ACTION_NAMES[e.action] ?? e.action}</Text>
              <Text className="pstep__status">{PROXY_STATUS_NAMES[e.to]}</Text>
            </View>
            <Text className="pstep__who">
              {e.actorName} · {formatTime(e.at)}
            </Text>
            {!!e.note && <Text className="pstep__note">{noteText(e.note)}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}

export const starText = (n: number) => '★'.repeat(n) + '☆'.repeat(Math.max(0, 5 - n));

export function RatingView({ rating }: { rating: NonNullable<ProxyTask['rating']> }) {
  return (
    <View className="prating" data-testid="rating-view">
      <Text className="prating__stars">{starText(rating.stars)}</Text>
      <Text className="prating__name">{RATING_NAMES[rating.stars]}</Text>
      {!!rating.comment && <Text className="prating__comment">{rating.comment}</Text>}
    </View>
  );
}

export const roleName = (role: string) => ROLE_NAMES[role as Role] ?? role;

/** 加载更多 under a paged list. */
export function MoreButton({ hasMore, loading, onTap }: { hasMore: boolean; loading: boolean; onTap: () => void }) {
  if (!hasMore) return null;
  return (
    <View className="pmore" data-testid="list-more" onClick={onTap}>
      {loading ? '加载中…' : '加载更多'}
    </View>
  );
}

/** A choice among a few: chips that read as radio buttons (or checkboxes with `multi`). */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  testIdPrefix,
  multi,
}: {
  options: { key: T; label: string; disabled?: boolean }[];
  value: T | T[] | undefined;
  onChange: (key: T) => void;
  testIdPrefix: string;
  multi?: boolean;
}) {
  const on = (k: T) => (Array.isArray(value) ? value.includes(k) : value === k);
  return (
    <View className="pchips" role={multi ? 'group' : 'radiogroup'}>
      {options.map((o) => (
        <View
          key={o.key}
          role={multi ? 'checkbox' : 'radio'}
          aria-checked={on(o.key)}
          aria-disabled={!!o.disabled}
          className={`pchip${on(o.key) ? ' pchip--on' : ''}${o.disabled ? ' pchip--off' : ''}`}
          data-testid={`${testIdPrefix}-${o.key}`}
          onClick={o.disabled ? undefined : () => onChange(o.key)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
