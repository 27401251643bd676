/**
 * Pieces of an application (办件) shared by 我的办件 (pkg-services) and 审核 (pkg-office).
 * zod-free: type imports only.
 */
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { Application } from '@gridlink/shared/applications';
import type { FormField } from '@gridlink/shared/fields';
import { APPLICATION_STATUS_NAMES, RATING_NAMES, ROLE_NAMES, type Role } from '@gridlink/shared/names';
import { formatShort, formatTime } from '../../lib/format';
import './parts.css';

export type { Application };

/** Timeline actions → what people read. */
export const APP_ACTION_NAMES: Record<string, string> = {
  submit: '提交申请',
  completeDirect: '网上直办，即时办结',
  approve: '审核通过，已办结',
  reject: '不予通过',
  return: '退回补正',
  supplement: '补正后重新提交',
  rate: '评价',
};

/** 审核中 / 已办结 / 未通过 / 待补正 as text in a tag (the colour only repeats it). */
export function AppStatusTag({ status, testId }: { status: Application['status']; testId?: string }) {
  return (
    <Text className={`atag atag--${status}`} data-testid={testId}>
      {APPLICATION_STATUS_NAMES[status] ?? status}
    </Text>
  );
}

/** One application in a list. */
export function AppCard({
  app,
  onTap,
  showApplicant,
}: {
  app: Application;
  onTap: () => void;
  showApplicant?: boolean;
}) {
  return (
    <View className="acard" role="listitem" data-testid={`app-${app.id}`} onClick={onTap}>
      <View className="acard__head">
        <Text className="acard__name">{app.serviceName}</Text>
        <AppStatusTag status={app.status} />
      </View>
      <View className="acard__meta">
        <Text>提交于 {formatShort(app.createdAt)}</Text>
        {showApplicant && <Text>申请人 {app.applicantName}</Text>}
        {app.resultNumber && <Text>办件编号 {app.resultNumber}</Text>}
        {app.overdue && <Text className="acard__over">已超期</Text>}
      </View>
      {app.status === 'returned' && app.note && <Text className="acard__note">需补正：{app.note}</Text>}
    </View>
  );
}

/** The handling history, newest on top. */
export function AppTimeline({ events }: { events: NonNullable<Application['timeline']> }) {
  const steps = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (!steps.length) return null;
  return (
    <View className="atl" data-testid="app-timeline">
      {steps.map((e, i) => (
        <View
          key={e.id}
          className={`atl__step${i === 0 ? ' atl__step--now' : ''}`}
          data-testid={`app-step-${e.action}`}
        >
          <View className="atl__dot" />
          <View className="atl__body">
            <Text className="atl__title">{APP_ACTION_NAMES[e.action] ?? e.action}</Text>
            <Text className="atl__meta">
              {formatTime(e.at)} · {e.actorName}
              {ROLE_NAMES[e.actorRole as Role] ? `（${ROLE_NAMES[e.actorRole as Role]}）` : ''}
            </Text>
            {e.note && <Text className="atl__note">{e.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}

/** A value as text: lists joined, numbers as they are, '未填写' for nothing. */
export function valueText(f: Pick<FormField, 'type'>, v: unknown): string {
  if (v === undefined || v === null || v === '') return '未填写';
  if (Array.isArray(v)) return v.length ? v.join('、') : '未填写';
  return String(v);
}

/** Photos as thumbnails; a tap opens them full size. */
export function Photos({ urls, testId }: { urls: string[]; testId: string }) {
  if (!urls.length) return <Text className="avalues__value muted">未上传</Text>;
  return (
    <View className="aphotos" data-testid={testId}>
      {urls.map((url, i) => (
        <Image
          key={url}
          className="aphotos__img"
          src={url}
          mode="aspectFill"
          data-testid={`${testId}-${i}`}
          onClick={() => Taro.previewImage({ urls, current: url })}
        />
      ))}
    </View>
  );
}

/** The submitted form, read-only: labels from the service's fields, images as thumbnails. */
export function FormValues({ fields, app }: { fields: FormField[] | undefined; app: Application }) {
  const form = app.form ?? {};
  const links = new Map((app.attachments ?? []).filter((a) => a.url).map((a) => [a.key, a.url as string]));
  const list: Pick<FormField, 'name' | 'label' | 'type'>[] =
    fields ??
    Object.keys(form).map((name) => ({ name, label: name, type: Array.isArray(form[name]) ? 'multiselect' : 'text' }));
  return (
    <View className="avalues" data-testid="app-values">
      {list.map((f) => (
        <View key={f.name} className="avalues__row" data-testid={`value-${f.name}`}>
          <Text className="avalues__label">{f.label}</Text>
          {f.type === 'image' ? (
            <Photos
              testId={`photos-${f.name}`}
              urls={((form[f.name] as string[] | undefined) ?? [])
                .map((k) => links.get(k))
                .filter((u): u is string => !!u)}
            />
          ) : (
            <Text className="avalues__value">{valueText(f, form[f.name])}</Text>
          )}
        </View>
      ))}
    </View>
  );
}

/** ★★★★☆ 满意 */
export const starsText = (stars: number) => `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)} ${RATING_NAMES[stars] ?? ''}`;
