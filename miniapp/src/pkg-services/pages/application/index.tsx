import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GoButton, TextArea } from '../../../components/Controls';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { RATING_NAMES } from '@gridlink/shared/names';
import { movesFrom } from '@gridlink/shared/workflow';
import { APPLICATION_WORKFLOW } from '@gridlink/shared/workflows/applications';
import { rateApplication, supplementApplication, type Application, type ServiceDef } from '../../../api/applications';
import { AppHead, AppTimeline, FormValues } from '../../../components/application/parts';
import { useApplication } from '../../../components/application/useApplication';
import { RatingForm, RatingView } from '../../../components/Rating';
import StateView from '../../../components/StateView';
import { useElderMode } from '../../../lib/elder';
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
      <TextArea
        className="note-input"
        testId="supplement-note"
        value={note}
        maxLength={500}
        placeholder="如：已补充房产证照片"
        onChange={setNote}
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

/** 评价 once the application is completed; the rating afterwards. */
function Rating({ app, onDone }: { app: Application; onDone: () => void }) {
  if (app.rating) {
    return (
      <View className="section">
        <Text className="section__title">我的评价</Text>
        <RatingView rating={app.rating} testId="app-rating" />
      </View>
    );
  }
  return (
    <View className="section">
      <RatingForm
        title="办事满意吗？请评价"
        placeholder="说说您的办事感受（选填）"
        missing="请先选择星级"
        caption={(n) => (n ? `${n} 星 · ${RATING_NAMES[n]}` : '点星星打分')}
        submit={async (stars, comment) => {
          await rateApplication(app.id, stars, comment);
          Taro.showToast({ title: '感谢您的评价', icon: 'success' });
          onDone();
        }}
      />
    </View>
  );
}

export default function ApplicationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { elderClass } = useElderMode();
  const { app, service } = useApplication(id);

  const a = app.data;
  /** what the applicant (or whoever acted for them) can do now: 补正, 评价 */
  const moves = a ? movesFrom(APPLICATION_WORKFLOW, a.status, ['owner']) : [];
  return (
    <View className={`page app-detail ${elderClass}`}>
      <StateView loading={app.loading} error={id ? app.error : new Error('没有指定办件')} onRetry={app.reload}>
        {a && (
          <>
            <AppHead app={a} testIdPrefix="app" />

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
                <GoButton
                  to={`/pkg-services/pages/result/index?id=${encodeURIComponent(a.id)}`}
                  outline
                  size="large"
                  testId="app-certificate"
                >
                  查看办结凭证
                </GoButton>
              </View>
            )}

            {moves.includes('supplement') &&
              (service.data ? (
                <SupplementForm key={a.version} app={a} service={service.data} onDone={() => void app.reload()} />
              ) : (
                <StateView loading={service.loading} error={service.error} onRetry={service.reload} />
              ))}

            {(moves.includes('rate') || a.rating) && <Rating app={a} onDone={() => void app.reload()} />}

            {a.status !== 'returned' && (
              <View className="section">
                <Text className="section__title">我的填写内容</Text>
                <FormValues fields={service.data?.fields} app={a} />
              </View>
            )}

            <AppTimeline events={a.timeline} />
          </>
        )}
      </StateView>
    </View>
  );
}
