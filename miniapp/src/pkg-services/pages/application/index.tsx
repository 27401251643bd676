import { useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { RATING_NAMES } from '@gridlink/shared/names';
import {
  getApplication,
  getService,
  rateApplication,
  supplementApplication,
  type Application,
  type ServiceDef,
} from '../../../api/applications';
import { AppStatusTag, AppTimeline, FormValues, starsText } from '../../../components/application/parts';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useElderMode } from '../../../lib/elder';
import { formatDate, formatTime } from '../../../lib/format';
import ServiceForm from '../../components/ServiceForm';
import { initialValues, useServiceForm } from '../../components/form';
import '../../components/page.css';

/** 补正: the fields again with what was sent before; the office's note says what is missing. */
function SupplementForm({ app, service, onDone }: { app: Application; service: ServiceDef; onDone: () => void }) {
  const form = useServiceForm(service.fields, () => initialValues(service.fields, app.form ?? {}));
  const [previews] = useState(() =>
    Object.fromEntries((app.attachments ?? []).filter((a) => a.url).map((a) => [a.key, a.url as string])),
  );
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const submit = async () => {
    if (busy) return;
    setProblem('');
    const checked = form.validate();
    if (!checked.data) {
      setProblem('还有内容没有填好，请按红字提示修改');
      return;
    }
    setBusy(true);
    try {
      await supplementApplication(app.id, { form: checked.data, note: note.trim() || undefined, version: app.version });
      Taro.showToast({ title: '已提交补正', icon: 'success' });
      onDone();
    } catch (e) {
      setProblem(form.failed(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section" data-testid="supplement">
      <Text className="section__title">补正材料（修改后重新提交）</Text>
      <ServiceForm
        fields={service.fields}
        values={form.values}
        errors={form.errors}
        previews={{ ...previews, ...form.previews }}
        onChange={form.setValue}
        onPreview={form.addPreview}
        disabled={busy}
      />
      <Text className="section__title">补正说明（选填）</Text>
      <Textarea
        className="note-input"
        data-testid="supplement-note"
        value={note}
        maxlength={500}
        placeholder="如：已补充房产证照片"
        onInput={(e) => setNote(e.detail.value)}
      />
      {problem && (
        <View className="svc-problem" role="alert" data-testid="supplement-error">
          {problem}
        </View>
      )}
      <View className="actions">
        <Button
          block
          type="primary"
          size="large"
          loading={busy}
          disabled={busy}
          data-testid="supplement-submit"
          onClick={submit}
        >
          提交补正
        </Button>
      </View>
    </View>
  );
}

/** 评价 once the application is completed. */
function Rating({ app, onDone }: { app: Application; onDone: () => void }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  if (app.rating) {
    return (
      <View className="section">
        <Text className="section__title">我的评价</Text>
        <Text className="stars__text" data-testid="app-rating">
          {starsText(app.rating.stars)}
        </Text>
        {app.rating.comment && <Text className="svc-note">{app.rating.comment}</Text>}
      </View>
    );
  }

  const submit = async () => {
    if (busy) return;
    if (!stars) {
      setProblem('请先选择星级');
      return;
    }
    setBusy(true);
    setProblem('');
    try {
      await rateApplication(app.id, stars, comment.trim() || undefined);
      Taro.showToast({ title: '感谢您的评价', icon: 'success' });
      onDone();
    } catch (e) {
      setProblem((e as Error).message || '评价失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section" data-testid="rating">
      <Text className="section__title">办事满意吗？请评价</Text>
      <View className="stars" role="radiogroup" aria-label="评价星级">
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`star${n <= stars ? ' star--on' : ''}`}
            role="radio"
            aria-checked={n === stars}
            aria-label={`${n} 星 ${RATING_NAMES[n]}`}
            data-testid={`star-${n}`}
            onClick={() => setStars(n)}
          >
            {n <= stars ? '★' : '☆'}
          </View>
        ))}
      </View>
      <Text className="stars__text" data-testid="rating-text">
        {stars ? `${stars} 星 · ${RATING_NAMES[stars]}` : '点星星打分'}
      </Text>
      <Textarea
        className="note-input"
        data-testid="rating-comment"
        value={comment}
        maxlength={500}
        placeholder="说说您的办事感受（选填）"
        onInput={(e) => setComment(e.detail.value)}
      />
      {problem && (
        <View className="svc-problem" role="alert" data-testid="rating-error">
          {problem}
        </View>
      )}
      <View className="actions">
        <Button block type="primary" loading={busy} disabled={busy} data-testid="rating-submit" onClick={submit}>
          提交评价
        </Button>
      </View>
    </View>
  );
}

export default function ApplicationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { elderClass } = useElderMode();
  const app = useAsync(() => getApplication(id, { silent: true }), [id], !!id);
  const code = app.data?.serviceCode;
  const service = useAsync(() => getService(code as string, { silent: true }), [code], !!code);
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    if (id) void app.reload();
  });
  usePullDownRefresh(() => {
    void app.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const a = app.data;
  return (
    <View className={`page app-detail ${elderClass}`}>
      <StateView
        loading={app.loading && !a}
        error={id ? (a ? null : app.error) : new Error('没有指定办件')}
        onRetry={app.reload}
      >
        {a && (
          <>
            <View className="detail-head">
              <View className="detail-head__top">
                <Text className="detail-head__name" data-testid="app-service">
                  {a.serviceName}
                </Text>
                <AppStatusTag status={a.status} testId="app-status" />
              </View>
              {a.resultNumber && (
                <Text className="detail-head__row" data-testid="app-number">
                  办件编号：{a.resultNumber}
                </Text>
              )}
              <Text className="detail-head__row">
                申请人：{a.applicantName}
                {a.actedBy ? `（${a.actedBy.name}代办）` : ''}
              </Text>
              <Text className="detail-head__row">提交时间：{formatTime(a.createdAt)}</Text>
              {a.status === 'completed' ? (
                <Text className="detail-head__row">办结时间：{formatTime(a.completedAt)}</Text>
              ) : (
                a.status !== 'rejected' && (
                  <Text className="detail-head__row" data-testid="app-due">
                    承诺办结：{formatDate(a.dueAt)}前{a.overdue ? '（已超期）' : ''}
                  </Text>
                )
              )}
            </View>

            {a.status === 'returned' && (
              <View className="notice" data-testid="app-note">
                <Text className="notice__title">社区便民服务站退回补正，需要补充：</Text>
                <Text>{a.note ?? '请按要求补充材料'}</Text>
              </View>
            )}
            {a.status === 'rejected' && (
              <View className="notice notice--rejected" data-testid="app-note">
                <Text className="notice__title">未通过的原因：</Text>
                <Text>{a.note ?? '未说明'}</Text>
              </View>
            )}

            {a.status === 'completed' && (
              <View className="actions">
                <Button
                  block
                  type="primary"
                  fill="outline"
                  size="large"
                  data-testid="app-certificate"
                  onClick={() =>
                    Taro.navigateTo({ url: `/pkg-services/pages/result/index?id=${encodeURIComponent(a.id)}` })
                  }
                >
                  查看办结凭证
                </Button>
              </View>
            )}

            {a.status === 'returned' &&
              (service.data ? (
                <SupplementForm key={a.version} app={a} service={service.data} onDone={() => void app.reload()} />
              ) : (
                <StateView loading={service.loading} error={service.error} onRetry={service.reload} />
              ))}

            {a.status === 'completed' && <Rating app={a} onDone={() => void app.reload()} />}

            {a.status !== 'returned' && (
              <View className="section">
                <Text className="section__title">我的填写内容</Text>
                <FormValues fields={service.data?.fields} app={a} />
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
