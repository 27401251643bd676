import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { APPLICATION_STATUS_NAMES } from '@gridlink/shared/names';
import { movesFrom } from '@gridlink/shared/workflow';
import { APPLICATION_WORKFLOW } from '@gridlink/shared/workflows/applications';
import { reviewApplication, type Application, type ReviewMove } from '../../../api/applications';
import { ApiError } from '../../../api/client';
import { AppHead, AppTimeline, FormValues } from '../../../components/application/parts';
import { useApplication } from '../../../components/application/useApplication';
import StateView from '../../../components/StateView';
import { useElderMode } from '../../../lib/elder';
import '../../components/office.css';

/** What the office says when a note is missing (the table says which moves need one), and after the move. */
const NOTE_MISSING: Partial<Record<ReviewMove, string>> = {
  return: '请写明需要补正的内容',
  reject: '请填写不予通过的原因',
};
const DONE: Record<ReviewMove, string> = {
  approve: '已审核通过，办件已办结',
  return: '已退回补正',
  reject: '已不予通过',
};

/** The office's moves from the application's status, in the table's order. */
export const reviewMoves = (a: Pick<Application, 'status'>) =>
  movesFrom(APPLICATION_WORKFLOW, a.status, ['office']) as ReviewMove[];

/** Approve, or reject with a reason, or return saying what is missing (补正). */
function ReviewActions({
  app,
  moves,
  onDone,
}: {
  app: Application;
  moves: ReviewMove[];
  onDone: (next: Application) => void;
}) {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const [busy, setBusy] = useState<ReviewMove | ''>('');
  const [problem, setProblem] = useState('');

  const run = async (m: ReviewMove) => {
    if (busy) return;
    setProblem('');
    const text = note.trim();
    if (APPLICATION_WORKFLOW.moves[m].noteRequired && !text) {
      setNoteError(NOTE_MISSING[m] ?? '请填写审核意见');
      return;
    }
    setNoteError('');
    setBusy(m);
    try {
      const next = await reviewApplication(app.id, m, { note: text || undefined, version: app.version });
      Taro.showToast({ title: DONE[m], icon: 'none' });
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
        className={`note-input review-note${noteError ? ' review-note--error' : ''}`}
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
        {moves.map((m) => (
          <Button
            key={m}
            block
            size="large"
            type={m === 'approve' ? 'primary' : 'default'}
            fill={m === 'approve' ? 'solid' : 'outline'}
            loading={busy === m}
            disabled={!!busy}
            data-testid={`review-${m}`}
            onClick={() => run(m)}
          >
            {APPLICATION_WORKFLOW.moves[m].label}
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
  const { app, service } = useApplication(id, { reloadOnShow: false });
  const a = app.data;

  const moves = a ? reviewMoves(a) : [];
  // the answer of a review until the reload (with the new timeline) arrives
  const done = (next: Application) => app.show({ ...next, timeline: a?.timeline, attachments: a?.attachments });

  return (
    <View className={`page review-detail ${elderClass}`}>
      <StateView loading={app.loading} error={id ? app.error : new Error('没有指定办件')} onRetry={app.reload}>
        {a && (
          <>
            <AppHead app={a} testIdPrefix="review" />

            <View className="section">
              <Text className="section__title">申请内容</Text>
              <FormValues fields={service.data?.fields} app={a} />
            </View>

            {moves.length ? (
              <ReviewActions key={a.version} app={a} moves={moves} onDone={done} />
            ) : (
              <View className="section">
                <Text className="review-done" data-testid="review-done">
                  当前状态：{APPLICATION_STATUS_NAMES[a.status]}
                  {a.note ? `（${a.note}）` : ''}
                </Text>
              </View>
            )}

            <AppTimeline events={a.timeline} />
          </>
        )}
      </StateView>
    </View>
  );
}
