import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { RequestResource } from '@gridlink/shared/requests';
import { LEVEL_NAMES, RATING_NAMES, REQUEST_STATUS_NAMES, ROLE_NAMES } from '@gridlink/shared/names';
import { ACTION_NAMES, formatTime, isOverdue, starText } from './format';
import './request.css';

type Timeline = NonNullable<RequestResource['timeline']>;

export function StatusTag({ status, testId }: { status: RequestResource['status']; testId?: string }) {
  return (
    <Text className={`rtag rtag--${status}`} data-testid={testId}>
      {REQUEST_STATUS_NAMES[status] ?? status}
    </Text>
  );
}

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

/** A request in a list: category, status, the start of the description, unit and due time. */
export function RequestCard({
  request: r,
  onTap,
  showReporter,
}: {
  request: RequestResource;
  onTap: () => void;
  showReporter?: boolean;
}) {
  return (
    <View className="rcard" data-testid={`request-${r.id}`} role="listitem" onClick={onTap}>
      <View className="rcard__head">
        <Text className="rcard__cat">{r.categoryName}</Text>
        <StatusTag status={r.status} />
      </View>
      <Text className="rcard__desc">{r.description}</Text>
      <View className="rcard__meta">
        <Text>{formatTime(r.createdAt)}</Text>
        <Text>{r.unitName}</Text>
        {showReporter && <Text>{r.reporterName}</Text>}
        <Text className="rcard__level">{LEVEL_NAMES[r.level]}级</Text>
      </View>
      <DueText request={r} />
    </View>
  );
}

/** Photos as thumbnails; a tap shows them full size. */
export function PhotoGrid({ urls, testId = 'request-photos' }: { urls: string[]; testId?: string }) {
  if (!urls.length) return null;
  return (
    <View className="rphotos" data-testid={testId}>
      {urls.map((url, i) => (
        <Image
          key={url}
          className="rphotos__img"
          src={url}
          mode="aspectFill"
          data-testid={`${testId}-${i}`}
          onClick={() => Taro.previewImage({ urls, current: url })}
        />
      ))}
    </View>
  );
}

/** The handling history as a vertical stepper, newest on top. */
export function TimelineView({ events }: { events: Timeline }) {
  const steps = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (!steps.length) return null;
  return (
    <View className="rsteps" data-testid="timeline">
      {steps.map((e, i) => (
        <View key={e.id} className={`rstep${i === 0 ? ' rstep--current' : ''}`} data-testid={`step-${e.action}`}>
          <View className="rstep__rail">
            <View className="rstep__dot" />
            {i < steps.length - 1 && <View className="rstep__line" />}
          </View>
          <View className="rstep__body">
            <View className="rstep__head">
              <Text className="rstep__action">{ACTION_NAMES[e.action] ?? e.action}</Text>
              <Text className="rstep__status">{REQUEST_STATUS_NAMES[e.to]}</Text>
            </View>
            <Text className="rstep__who">
              {e.actorName}
              {e.actorRole !== 'system' && ROLE_NAMES[e.actorRole] ? `（${ROLE_NAMES[e.actorRole]}）` : ''} ·{' '}
              {LEVEL_NAMES[e.level]}级 · {formatTime(e.at)}
            </Text>
            {!!e.note && <Text className="rstep__note">{e.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}

/** The rating the reporter gave. */
export function RatingView({ rating }: { rating: NonNullable<RequestResource['rating']> }) {
  return (
    <View className="rrating" data-testid="rating-view">
      <Text className="rrating__stars">{starText(rating.stars)}</Text>
      <Text className="rrating__name">{RATING_NAMES[rating.stars]}</Text>
      {!!rating.comment && <Text className="rrating__comment">{rating.comment}</Text>}
      <Text className="rrating__at">{formatTime(rating.at)}</Text>
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
  const photos = r.attachments.map((a) => a.url).filter((u): u is string => !!u);
  return (
    <View className="rdetail">
      <View className="rdetail__head">
        <View className="rcard__head">
          <Text className="rdetail__cat" data-testid="request-category">
            {r.categoryName}
          </Text>
          <StatusTag status={r.status} testId="request-status" />
        </View>
        <Text className="rdetail__desc" data-testid="request-desc">
          {r.description}
        </Text>
        <PhotoGrid urls={photos} />
        {r.attachments.length > photos.length && (
          <Text className="muted">有 {r.attachments.length - photos.length} 张照片暂时无法显示</Text>
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
        <View className="rfacts__row">
          <Text className="rfacts__k">所在单元</Text>
          <Text className="rfacts__v">{r.unitName}</Text>
        </View>
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
          <TimelineView events={r.timeline} />
        </View>
      )}
    </View>
  );
}

/** 加载更多 under a paged list. */
export function MoreButton({ hasMore, loading, onTap }: { hasMore: boolean; loading: boolean; onTap: () => void }) {
  if (!hasMore) return null;
  return (
    <View className="rmore" data-testid="list-more" onClick={onTap}>
      {loading ? '加载中…' : '加载更多'}
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
