import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { RequestResource, RequestSuggestion } from '@gridlink/shared/requests';
import { LEVEL_NAMES } from '@gridlink/shared/names';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import PhotoGrid from '../PhotoGrid';
import StatusTag from '../StatusTag';
import Timeline from '../Timeline';
import { formatTime, isOverdue } from './format';
import './request.css';

export { MoreButton } from '../MoreButton';

/** 办理时限 … and 已超期 when it is past due and still open. */
export function DueText({ request: r, bare }: { request: RequestResource; bare?: boolean }) {
  if (!r.dueAt) return null;
  const overdue = isOverdue(r);
  return (
    <Text className={`rdue${bare ? ' rdue--bare' : ''}${overdue ? ' rdue--over' : ''}`} data-testid="request-due">
      {bare ? '' : '办理时限 '}
      {formatTime(r.dueAt)}
      {overdue && <Text className="rdue__flag"> 已超期</Text>}
    </Text>
  );
}

/** A request in a list: category, status, the start of the description, unit, level and due time. */
export function RequestCard({
  request: r,
  onTap,
  showReporter,
  brief,
  testId = `request-${r.id}`,
  children,
}: {
  request: RequestResource;
  onTap?: () => void;
  showReporter?: boolean;
  /** a suggestion (同楼栋已有相同问题): how many neighbours joined instead of level and due time */
  brief?: boolean;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <View className="card rcard" data-testid={testId} role="listitem" onClick={onTap}>
      <View className="rcard__head">
        <Text className="rcard__cat">{r.categoryName}</Text>
        <StatusTag workflow={REQUEST_WORKFLOW} status={r.status} />
        {r.supervised && (
          <Text className="rdue__flag" data-testid="request-supervised">
            挂牌督办
          </Text>
        )}
      </View>
      <Text className="rcard__desc">{r.description ?? r.publicSummary}</Text>
      <View className="rcard__meta">
        <Text>{formatTime(r.createdAt)}</Text>
        {!!r.unitName && <Text>{r.unitName}</Text>}
        {showReporter && <Text>{r.reporterName}</Text>}
        {brief ? (
          r.joinCount > 0 && <Text>{r.joinCount} 位邻居也遇到</Text>
        ) : (
          <Text className="rcard__level">{LEVEL_NAMES[r.level]}级</Text>
        )}
      </View>
      {!brief && <DueText request={r} />}
      {children}
    </View>
  );
}

/** A duplicate suggestion (同楼栋已有相同问题): category, status, the public summary and joins only. */
export function SuggestionCard({
  suggestion: r,
  testId = `similar-${r.id}`,
  children,
}: {
  suggestion: RequestSuggestion;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <View className="card rcard" data-testid={testId} role="listitem">
      <View className="rcard__head">
        <Text className="rcard__cat">{r.categoryName}</Text>
        <StatusTag workflow={REQUEST_WORKFLOW} status={r.status} />
      </View>
      <Text className="rcard__desc" data-testid={`${testId}-summary`}>
        {r.publicSummary}
      </Text>
      <View className="rcard__meta">
        <Text>{formatTime(r.createdAt)}</Text>
        {r.joinCount > 0 && <Text>{r.joinCount} 位邻居也遇到</Text>}
      </View>
      {children}
    </View>
  );
}

interface DetailProps {
  request: RequestResource;
  /** staff see who reported it */
  showReporter?: boolean;
  departmentName?: string;
  /** between the facts and the timeline: actions, the rating form */
  children?: ReactNode;
}

/** A request in full: status, level, 办理时限, photos, and its timeline. */
export function RequestDetail({ request: r, showReporter, departmentName, children }: DetailProps) {
  const attachments = r.attachments ?? [];
  const photos = attachments.map((a) => a.url).filter((u): u is string => !!u);
  /** a 我也遇到 joiner's view: the public summary, no text, photos, unit or reporter */
  const joinerView = r.description === undefined;
  return (
    <View className="rdetail">
      <View className="rdetail__head">
        <View className="rcard__head">
          <Text className="rdetail__cat" data-testid="request-category">
            {r.categoryName}
          </Text>
          <StatusTag workflow={REQUEST_WORKFLOW} status={r.status} testId="request-status" />
        </View>
        <Text className="rdetail__desc" data-testid="request-desc">
          {r.description ?? r.publicSummary}
        </Text>
        {joinerView && (
          <Text className="muted" data-testid="request-joiner-note">
            您通过“我也遇到”关注此诉求：为保护报事邻居的隐私，只显示问题摘要和办理进展
          </Text>
        )}
        <PhotoGrid urls={photos} testId="request-photos" />
        {attachments.length > photos.length && (
          <Text className="muted">有 {attachments.length - photos.length} 张照片暂时无法显示</Text>
        )}
      </View>

      <View className="rfacts">
        <View className="rfacts__row">
          <Text className="rfacts__k">办理层级</Text>
          <Text className="rfacts__v" data-testid="request-level">
            {LEVEL_NAMES[r.level]}
          </Text>
        </View>
        {r.dueAt ? (
          <View className="rfacts__row">
            <Text className="rfacts__k">办理时限</Text>
            <DueText request={r} bare />
          </View>
        ) : null}
        {r.supervised && (
          <View className="rfacts__row">
            <Text className="rfacts__k">督办</Text>
            <Text className="rfacts__v rdue__flag" data-testid="request-supervised">
              挂牌督办（{r.supervised.byName}，{formatTime(r.supervised.at)}）
            </Text>
          </View>
        )}
        {!!r.unitName && (
          <View className="rfacts__row">
            <Text className="rfacts__k">所在单元</Text>
            <Text className="rfacts__v">{r.unitName}</Text>
          </View>
        )}
        {r.location?.address && (
          <View className="rfacts__row">
            <Text className="rfacts__k">问题位置</Text>
            <Text className="rfacts__v" data-testid="request-location">
              {r.location.address}
            </Text>
          </View>
        )}
        {showReporter && (
          <View className="rfacts__row">
            <Text className="rfacts__k">报事人</Text>
            <Text className="rfacts__v">{r.reporterName}</Text>
          </View>
        )}
        <View className="rfacts__row">
          <Text className="rfacts__k">提交时间</Text>
          <Text className="rfacts__v">{formatTime(r.createdAt)}</Text>
        </View>
        {departmentName && (
          <View className="rfacts__row">
            <Text className="rfacts__k">承办部门</Text>
            <Text className="rfacts__v" data-testid="request-department">
              {departmentName}
            </Text>
          </View>
        )}
        {r.joinCount > 0 && (
          <View className="rfacts__row">
            <Text className="rfacts__k">我也遇到</Text>
            <Text className="rfacts__v" data-testid="request-joins">
              {r.joinCount} 位邻居
            </Text>
          </View>
        )}
        {r.reopenCount > 0 && (
          <View className="rfacts__row">
            <Text className="rfacts__k">重新办理</Text>
            <Text className="rfacts__v" data-testid="request-reopens">
              {r.reopenCount} 次
            </Text>
          </View>
        )}
      </View>

      {children}

      {!!r.timeline?.length && (
        <View className="section">
          <Text className="section__title">办理过程</Text>
          <Timeline events={r.timeline} workflow={REQUEST_WORKFLOW} showState />
        </View>
      )}
    </View>
  );
}

/** A row of filter tabs. */
export function Tabs<T extends string>({
  tabs,
  value,
  onChange,
  testIdPrefix = 'tab',
}: {
  tabs: { key: T; label: string }[];
  value: T;
  onChange: (key: T) => void;
  testIdPrefix?: string;
}) {
  return (
    <View className="rtabs" role="tablist">
      {tabs.map((t) => (
        <View
          key={t.key || 'all'}
          role="tab"
          aria-selected={t.key === value}
          className={`rtabs__tab${t.key === value ? ' rtabs__tab--on' : ''}`}
          data-testid={`${testIdPrefix}-${t.key || 'all'}`}
          onClick={() => onChange(t.key)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
}
