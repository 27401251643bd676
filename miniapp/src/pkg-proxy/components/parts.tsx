/** 红色代办: the small pieces the pkg-proxy pages share (tags, cards, recipient card, timeline). */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { CONSENT_METHOD_NAMES, PROXY_STATUS_NAMES, ROLE_NAMES, type Role } from '@gridlink/shared/names';
import { isOpenState } from '@gridlink/shared/workflow';
import { PROXY_WORKFLOW } from '@gridlink/shared/workflows/proxy';
import type { ProxyStatus, ProxyTask } from '../../api/proxy';
import StatusTag from '../../components/StatusTag';
import Timeline from '../../components/Timeline';
import { formatShort } from '../../lib/format';
import { deadlineText } from '../lib/rules';
import './proxy.css';

export { default as Chips } from '../../components/Chips';
export { MoreButton } from '../../components/MoreButton';

export const TaskStatus = ({ status, testId }: { status: ProxyStatus; testId?: string }) => (
  <StatusTag workflow={PROXY_WORKFLOW} status={status} testId={testId} />
);

export const kindText = (t: Pick<ProxyTask, 'kind' | 'serviceName'>) =>
  t.kind === 'service' ? `代办事项 · ${t.serviceName ?? '便民服务'}` : '代办跑腿';

/** The path a task walks, in the table's order: 待认领 → 已认领 → 办理中 → 待确认 → 已确认 (取消 leaves it). */
const PATH: readonly ProxyStatus[] = PROXY_WORKFLOW.states.filter((s) => s !== 'cancelled');
/** the stepper is narrow: 已办完待确认 reads 待确认 there */
const stepName = (s: ProxyStatus) => (s === 'done' ? '待确认' : PROXY_STATUS_NAMES[s]);

export function Progress({ status }: { status: ProxyStatus }) {
  const at = PATH.indexOf(status);
  if (at < 0) return <Text className="pprogress pprogress--off">{PROXY_STATUS_NAMES[status]}</Text>;
  return (
    <View className="pprogress" data-testid="task-progress" aria-label={`进度：${PROXY_STATUS_NAMES[status]}`}>
      {PATH.map((s, i) => (
        <View
          key={s}
          className={`pprogress__step${i <= at ? ' pprogress__step--on' : ''}${i === at ? ' pprogress__step--now' : ''}`}
        >
          <View className="pprogress__dot" />
          <Text className="pprogress__label">{stepName(s)}</Text>
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
    <View className="card pcard" data-testid={`task-${t.id}`} role="listitem">
      <View onClick={onTap} data-testid={`task-open-${t.id}`}>
        <View className="pcard__head">
          <Text className="pcard__kind">{kindText(t)}</Text>
          <TaskStatus status={t.status} />
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
  const ended = !isOpenState(PROXY_WORKFLOW, t.status);
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

/** the API writes consent codes into the first note: show their Chinese names */
function noteText(note: string): string {
  return note.replace(
    /in_app|witnessed_signature|family/g,
    (m) => CONSENT_METHOD_NAMES[m as keyof typeof CONSENT_METHOD_NAMES] ?? m,
  );
}

/** The history, newest on top. */
export function TaskTimeline({ events }: { events: ProxyTask['timeline'] }) {
  return <Timeline events={events} workflow={PROXY_WORKFLOW} showState noteText={noteText} />;
}

export const roleName = (role: string) => ROLE_NAMES[role as Role] ?? role;
