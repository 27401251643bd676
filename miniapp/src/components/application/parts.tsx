/**
 * Pieces of an application (办件) shared by 我的办件 (pkg-services) and 审核 (pkg-office).
 * zod-free: type imports only.
 */
import { Text, View } from '@tarojs/components';
import type { Application } from '@gridlink/shared/applications';
import type { FormField } from '@gridlink/shared/fields';
import { isOpenState } from '@gridlink/shared/workflow';
import { APPLICATION_WORKFLOW } from '@gridlink/shared/workflows/applications';
import { formatDate, formatShort, formatTime } from '../../lib/format';
import PhotoGrid from '../PhotoGrid';
import StatusTag from '../StatusTag';
import Timeline from '../Timeline';
import './parts.css';

export type { Application };

/** 审核中 / 已办结 / 未通过 / 待补正 as text in a tag (the colour only repeats it). */
export function AppStatusTag({ status, testId }: { status: Application['status']; testId?: string }) {
  return <StatusTag workflow={APPLICATION_WORKFLOW} status={status} testId={testId} />;
}

/** The head of an application: service, status, number, applicant (and who acted), times. */
export function AppHead({ app: a, testIdPrefix }: { app: Application; testIdPrefix: string }) {
  const id = (k: string) => `${testIdPrefix}-${k}`;
  return (
    <View className="detail-head">
      <View className="detail-head__top">
        <Text className="detail-head__name" data-testid={id('service')}>
          {a.serviceName}
        </Text>
        <AppStatusTag status={a.status} testId={id('status')} />
      </View>
      {a.resultNumber && (
        <Text className="detail-head__row" data-testid={id('number')}>
          办件编号：{a.resultNumber}
        </Text>
      )}
      <Text className="detail-head__row" data-testid={id('applicant')}>
        申请人：{a.applicantName}
        {a.actedBy ? `（${a.actedBy.name}代办）` : ''}
      </Text>
      <Text className="detail-head__row">提交时间：{formatTime(a.createdAt)}</Text>
      {a.status === 'completed' && <Text className="detail-head__row">办结时间：{formatTime(a.completedAt)}</Text>}
      {isOpenState(APPLICATION_WORKFLOW, a.status) && (
        <Text className="detail-head__row" data-testid={id('due')}>
          承诺办结：{formatDate(a.dueAt)}前{a.overdue && <Text className="detail-head__over">（已超期）</Text>}
        </Text>
      )}
    </View>
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

/** 办理进度: the handling history, newest on top. The server writes 网上直办 as `completeDirect`. */
export function AppTimeline({ events }: { events: Application['timeline'] }) {
  return (
    <View className="section">
      <Text className="section__title">办理进度</Text>
      <Timeline
        events={events}
        workflow={APPLICATION_WORKFLOW}
        aliases={{ completeDirect: 'completeOnline' }}
        testId="app-timeline"
        stepTestId="app-step"
      />
    </View>
  );
}

/** A value as text: lists joined, numbers as they are, '未填写' for nothing. */
export function valueText(f: Pick<FormField, 'type'>, v: unknown): string {
  if (v === undefined || v === null || v === '') return '未填写';
  if (Array.isArray(v)) return v.length ? v.join('、') : '未填写';
  return String(v);
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
            <FieldPhotos name={f.name} keys={(form[f.name] as string[] | undefined) ?? []} links={links} />
          ) : (
            <Text className="avalues__value">{valueText(f, form[f.name])}</Text>
          )}
        </View>
      ))}
    </View>
  );
}

/** An image field's photos (or 未上传). */
function FieldPhotos({ name, keys, links }: { name: string; keys: string[]; links: Map<string, string> }) {
  const urls = keys.map((k) => links.get(k)).filter((u): u is string => !!u);
  if (!urls.length) return <Text className="avalues__value muted">未上传</Text>;
  return <PhotoGrid small urls={urls} testId={`photos-${name}`} />;
}
