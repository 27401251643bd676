import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { APPLICATION_STATUS_NAMES } from '@gridlink/shared/names';
import {
  getApplication,
  getService,
  reviewApplication,
  type Application,
  type ReviewMove,
} from '../../../api/applications';
import { ApiError } from '../../../api/client';
import { AppStatusTag, AppTimeline, FormValues } from '../../../components/application/parts';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useElderMode } from '../../../lib/elder';
import { formatDate, formatTime } from '../../../lib/format';
import '../../components/office.css';

const MOVES: { move: ReviewMove; label: string; needNote?: string; done: string }[] = [
  { move: 'approve', label: '审核通过', done: '已审核通过，办件已办结' },
  { move: 'return', label: '退回补正', needNote: '请写明需要补正的内容', done: '已退回补正' },
  { move: 'reject', label: '不予通过', needNote: '请填写不予通过的原因', done: '已不予通过' },
];

/** Approve, or reject with a reason, or return saying what is missing (补正). */
function ReviewActions({ app, onDone }: { app: Application; onDone: (next: Application) => void }) {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const [busy, setBusy] = useState<ReviewMove | ''>('');
  const [problem, setProblem] = useState('');

  const run = async (m: (typeof MOVES)[number]) => {
    if (busy) return;
    setProblem('');
    const text = note.trim();
    if (m.needNote && !text) {
      setNoteError(m.needNote);
      return;
    }
    setNoteError('');
    setBusy(m.move);
    try {
      const next = await reviewApplication(app.id, m.move, { note: text || undefined, version: app.version });
      Taro.showToast({ title: m.done, icon: 'none' });
      onDone(next);
    } catch (e) {
      const stale = e instanceof ApiError && e.status === 409;
      setProblem(
        stale ? `${(e as Error).message}（办件可能已被处理，请下拉刷新）` : (e as Error).message || '操作失败，请重试',
      );
    } finally {
      setBusy('');
    }
  };

  return (
    <View className="section" data-testid="review-actions">
      <Text className="review-label">审核意见（退回补正、不予通过时必填）</Text>
      <Textarea
        className={`review-note${noteError ? ' review-note--error' : ''}`}
        data-testid="review-note"
        value={note}
        maxlength={500}
        placeholder="如：请补充房产证照片；或说明不予通过的原因"
        onInput={(e) => {
          setNote(e.detail.value);
          if (noteError) setNoteError('');
        }}
      />
      {noteError && (
        <View className="review-error" role="alert" data-testid="review-note-error">
          {noteError}
        </View>
      )}
      {problem && (
        <View className="review-error" role="alert" data-testid="review-error">
          {problem}
        </View>
      )}
      <View className="actions">
        {MOVES.map((m) => (
          <Button
            key={m.move}
            block
            size="large"
            type={m.move === 'approve' ? 'primary' : 'default'}
            fill={m.move === 'approve' ? 'solid' : 'outline'}
            loading={busy === m.move}
            disabled={!!busy}
            data-testid={`review-${m.move}`}
            onClick={() => run(m)}
          >
            {m.label}
          </Button>
        ))}
      </View>
    </View>
  );
}

export default function ReviewDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { elderClass } = useElderMode();
  const app = useAsync(() => getApplication(id, { silent: true }), [id], !!id);
  const code = app.data?.serviceCode;
  const service = useAsync(() => getService(code as string, { silent: true }), [code], !!code);
  const [updated, setUpdated] = useState<Application>();
  // the answer of a review until the reload (with the new timeline) arrives
  const a =
    app.data && updated && updated.version > app.data.version
      ? { ...app.data, ...updated, timeline: app.data.timeline, attachments: app.data.attachments }
      : app.data;

  const done = (next: Application) => {
    setUpdated(next);
    void app.reload();
  };

  return (
    <View className={`page review-detail ${elderClass}`}>
      <StateView
        loading={app.loading && !a}
        error={id ? (a ? null : app.error) : new Error('没有指定办件')}
        onRetry={app.reload}
      >
        {a && (
          <>
            <View className="detail-head">
              <View className="detail-head__top">
                <Text className="detail-head__name" data-testid="review-service">
                  {a.serviceName}
                </Text>
                <AppStatusTag status={a.status} testId="review-status" />
              </View>
              <Text className="detail-head__row" data-testid="review-applicant">
                申请人：{a.applicantName}
                {a.actedBy ? `（${a.actedBy.name}代办）` : ''}
              </Text>
              <Text className="detail-head__row">提交时间：{formatTime(a.createdAt)}</Text>
              {a.status === 'under_review' && (
                <Text className="detail-head__row">
                  承诺办结：{formatDate(a.dueAt)}前{a.overdue && <Text className="detail-head__over">（已超期）</Text>}
                </Text>
              )}
              {a.resultNumber && (
                <Text className="detail-head__row" data-testid="review-number">
                  办件编号：{a.resultNumber}
                </Text>
              )}
            </View>

            <View className="section">
              <Text className="section__title">申请内容</Text>
              <FormValues fields={service.data?.fields} app={a} />
            </View>

            {a.status === 'under_review' ? (
              <ReviewActions key={a.version} app={a} onDone={done} />
            ) : (
              <View className="section">
                <Text className="review-done" data-testid="review-done">
                  当前状态：{APPLICATION_STATUS_NAMES[a.status]}
                  {a.note ? `（${a.note}）` : ''}
                </Text>
              </View>
            )}

            <View className="section">
              <Text className="section__title">办理进度</Text>
              <AppTimeline events={a.timeline ?? []} />
            </View>
          </>
        )}
      </StateView>
    </View>
  );
}
