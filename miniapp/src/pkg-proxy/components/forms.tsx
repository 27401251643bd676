/** 办理完成 (the agent reports back) and 评价 (the requester rates): used on 我的任务 and the task page. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TextArea } from '../../components/Controls';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { APPLICATION_STATUS_NAMES } from '@gridlink/shared/names';
import { listMyApplications, moveProxyTask, rateProxyTask, type ProxyTask } from '../../api/proxy';
import PhotoPicker, { usePhotos } from '../../components/PhotoPicker';
import { RatingForm as StarsForm } from '../../components/Rating';
import { useAsync } from '../../components/useAsync';
import { formatShort } from '../../lib/format';
import './proxy.css';

const MAX_PHOTOS = 3;

/** 办理完成: a note (required), the application made on the recipient's behalf (optional), photos (optional). */
export function CompleteForm({
  task,
  onDone,
  onCancel,
}: {
  task: ProxyTask;
  onDone: (t: ProxyTask) => void;
  onCancel?: () => void;
}) {
  const apps = useAsync(
    () =>
      listMyApplications().then((p) =>
        p.items.filter((a) => a.applicantId === task.recipient.id && a.createdAt >= task.createdAt),
      ),
    [task.id],
  );
  const [note, setNote] = useState('');
  const [appId, setAppId] = useState<string | null>(null); // null: not chosen yet → the newest one
  const photos = usePhotos('proxy', MAX_PHOTOS);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  const items = apps.data ?? [];
  const chosen = appId === null ? (items[0]?.id ?? '') : appId;

  const submit = async () => {
    if (saving) return;
    if (note.trim().length < 2) {
      setError('请说明办理结果（至少 2 个字）');
      return;
    }
    if (photos.uploading) {
      setError('照片正在上传，请稍候');
      return;
    }
    setError('');
    setSaving(true);
    try {
      const done = await moveProxyTask(task.id, 'complete', {
        note: note.trim(),
        ...(chosen ? { applicationId: chosen } : {}),
        ...(photos.keys.length ? { photos: photos.keys } : {}),
        version: task.version,
      });
      Taro.showToast({ title: '已提交，等待确认办结', icon: 'none' });
      onDone(done);
    } catch (e) {
      setError((e as Error).message || '提交失败，请重试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="pform" data-testid="complete-form">
      <Text className="pform__label">办理结果</Text>
      <TextArea
        className="pform__textarea"
        testId="complete-note"
        value={note}
        maxLength={500}
        placeholder="如：已代为申请，办件已在线办结；药品已送到老人家中"
        onChange={setNote}
      />
      <Text className="pform__label">关联办件（选填）</Text>
      {apps.loading ? (
        <Text className="pform__hint">正在读取您代为申请的办件…</Text>
      ) : apps.error ? (
        <Text className="pform__hint">办件暂时读取不到，可以不关联直接提交</Text>
      ) : (
        <View className="pconsent" role="radiogroup">
          {items.map((a) => (
            <View
              key={a.id}
              role="radio"
              aria-checked={chosen === a.id}
              className={`ppick${chosen === a.id ? ' ppick--on' : ''}`}
              data-testid={`complete-app-${a.id}`}
              onClick={() => setAppId(a.id)}
            >
              <View className="ppick__main">
                <Text>{a.serviceName}</Text>
                <Text className="ppick__sub">
                  {APPLICATION_STATUS_NAMES[a.status]}
                  {a.resultNumber ? ` · 办件编号 ${a.resultNumber}` : ''} · {formatShort(a.createdAt)}
                </Text>
              </View>
              <Text className="ppick__end">{chosen === a.id ? '已选' : '选择'}</Text>
            </View>
          ))}
          <View
            role="radio"
            aria-checked={!chosen}
            className={`ppick${!chosen ? ' ppick--on' : ''}`}
            data-testid="complete-app-none"
            onClick={() => setAppId('')}
          >
            <Text>{items.length ? '不关联办件' : '没有为其申请的办件（跑腿类代办无需关联）'}</Text>
          </View>
        </View>
      )}
      <Text className="pform__label">现场照片（选填，最多 {MAX_PHOTOS} 张）</Text>
      <PhotoPicker photos={photos} testId="complete-photo" />
      {!!error && (
        <View className="pform__error" role="alert" data-testid="complete-error">
          {error}
        </View>
      )}
      <Button block type="primary" loading={saving} data-testid="complete-submit" onClick={submit}>
        提交办理结果
      </Button>
      {onCancel && (
        <Button block fill="none" data-testid="complete-close" onClick={onCancel}>
          收起
        </Button>
      )}
    </View>
  );
}

/** 评价代办: 1–5 stars and a comment, once the task is confirmed. */
export function RatingForm({ task, onRated }: { task: ProxyTask; onRated: (t: ProxyTask) => void }) {
  return (
    <StarsForm
      title={`请为代办员${task.agentName ? ` ${task.agentName} ` : ''}评价`}
      placeholder="说说代办员的服务（选填）"
      maxLength={300}
      submit={async (stars, comment) => {
        const rated = await rateProxyTask(task.id, stars, comment);
        Taro.showToast({ title: '感谢您的评价', icon: 'none' });
        onRated(rated);
      }}
    />
  );
}
