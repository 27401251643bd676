/** The buttons a viewer may press on a task now (claim / start / 代为申请 / complete / confirm / cancel / rate). */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { moveProxyTask, type ProxyMove, type ProxyTask } from '../../api/proxy';
import type { ApiError } from '../../api/client';
import { CompleteForm, RatingForm } from './forms';
import { actionLabel, behalfUrl, taskActions, taskUrl, type TaskAction, type Viewer } from '../lib/rules';
import './proxy.css';

const CONFIRM_TEXT: Partial<Record<TaskAction, { title: string; content: string }>> = {
  claim: { title: '认领任务', content: '认领后请尽快联系被帮扶对象并开始办理。' },
  confirm: { title: '确认办结', content: '请先与本人核实事情已经办好，确认后代办员将不能再查看其个人信息。' },
  cancel: { title: '取消代办', content: '确定取消这项代办吗？' },
};

const DONE_TEXT: Partial<Record<TaskAction, string>> = {
  claim: '认领成功，请尽快开始办理',
  start: '已开始办理',
  confirm: '已确认办结',
  cancel: '已取消',
};

/** The buttons this viewer may press now, and the forms they open. */
export default function TaskActions({
  task,
  viewer,
  onChanged,
  compact,
}: {
  task: ProxyTask;
  viewer: Viewer | undefined;
  onChanged: (t?: ProxyTask) => void;
  compact?: boolean;
}) {
  const [busy, setBusy] = useState<TaskAction | ''>('');
  const [completing, setCompleting] = useState(false);
  const actions = taskActions(task, viewer);
  if (!actions.length) return null;

  const run = async (a: TaskAction) => {
    if (busy) return;
    if (a === 'apply') {
      void Taro.navigateTo({ url: behalfUrl(task) });
      return;
    }
    if (a === 'complete') {
      setCompleting(true);
      return;
    }
    if (a === 'rate') {
      void Taro.navigateTo({ url: taskUrl(task.id) });
      return;
    }
    const ask = CONFIRM_TEXT[a];
    if (ask) {
      const answer = await Taro.showModal({
        title: ask.title,
        content: ask.content,
        confirmText: '确定',
        cancelText: '再想想',
      });
      if (!answer.confirm) return;
    }
    setBusy(a);
    try {
      // a claim carries no version: the loser of a race hears 任务已被其他代办员认领, not a stale-version note
      const moved = await moveProxyTask(task.id, a as ProxyMove, a === 'claim' ? {} : { version: task.version });
      Taro.showToast({ title: DONE_TEXT[a] ?? '已完成', icon: 'none' });
      onChanged(moved);
    } catch (e) {
      const err = e as ApiError;
      Taro.showToast({ title: err.message || '操作失败，请重试', icon: 'none', duration: 3000 });
      // someone else won the claim, or the task moved on: show it as it is now
      if (err.status === 409 || err.status === 403) onChanged();
    } finally {
      setBusy('');
    }
  };

  const buttons = actions.filter((a) => !(a === 'rate' && !compact));
  const forms = (
    <>
      {!compact && actions.includes('rate') && <RatingForm task={task} onRated={onChanged} />}
      {completing && actions.includes('complete') && (
        <CompleteForm
          task={task}
          onCancel={() => setCompleting(false)}
          onDone={(t) => {
            setCompleting(false);
            onChanged(t);
          }}
        />
      )}
    </>
  );
  const row = !completing && !!buttons.length && (
    <View className={compact ? 'pcard__actions' : 'actions'}>
      {buttons.map((a) => (
        <Button
          key={a}
          block={!compact}
          size={compact ? 'small' : undefined}
          type={a === 'cancel' ? 'default' : 'primary'}
          fill={a === 'apply' ? 'outline' : undefined}
          loading={busy === a}
          data-testid={`action-${a}`}
          onClick={() => void run(a)}
        >
          {actionLabel(a)}
        </Button>
      ))}
      {!compact && actions.includes('apply') && (
        <Text className="pform__hint">
          在办事页面以本人名义填写申请（仅代办期间有效），办好后再点“办理完成”并关联该办件。
        </Text>
      )}
    </View>
  );

  return (
    <View className={compact ? '' : 'section'} data-testid="task-actions">
      {forms}
      {row}
    </View>
  );
}
