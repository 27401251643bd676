import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TextArea } from '../../../components/Controls';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { isOpenState, movesFrom } from '@gridlink/shared/workflow';
import { CALLBACK_WORKFLOW } from '@gridlink/shared/workflows/requests';
import { LEADERS } from '@gridlink/shared/workflows/roles';
import { ApiError } from '../../../api/client';
import { completeCallback, listCallbacks, type Callback } from '../../../api/requests';
import Chips from '../../../components/Chips';
import { starText } from '../../../components/Rating';
import PagedList from '../../../components/PagedList';
import { useSignedInPaged } from '../../../components/usePaged';
import { Tabs } from '../../../components/request/RequestParts';
import { formatTime } from '../../../components/request/format';
import { RATING_NAMES } from '@gridlink/shared/names';
import { CALLBACK_KIND_NAMES } from '@gridlink/shared/requests';
import { useViewer } from '../../../components/useViewer';
import '../../../components/request/request.css';
import './index.css';

type Tab = Callback['status'];
type Outcome = 'confirmed' | 'reopen';
/** 回访结果: the call-back's moves out of 待回访 (this page is for those who call back) */
const OUTCOMES = movesFrom(CALLBACK_WORKFLOW, 'open', LEADERS) as Outcome[];
export const OUTCOME_NAMES = (o: Outcome) => CALLBACK_WORKFLOW.moves[o].label;
const OUTCOME_HINTS: Record<Outcome, string> = {
  confirmed: '居民认可办理结果，诉求保持结案',
  reopen: '问题没有真正解决：诉求回到“已受理”，由原办理层级重新办理',
};
const TABS = CALLBACK_WORKFLOW.states.map((key) => ({ key, label: CALLBACK_WORKFLOW.stateNames[key] }));

/** The form under one call-back: outcome and what the resident said. */
function CompleteForm({
  callback,
  onDone,
  onCancel,
}: {
  callback: Callback;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [outcome, setOutcome] = useState<Outcome>();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (saving) return;
    if (!outcome) return setError('请选择回访结果');
    if (CALLBACK_WORKFLOW.moves[outcome].noteRequired && note.trim().length < 2) return setError('请填写回访情况');
    setError('');
    setSaving(true);
    try {
      await completeCallback(callback.id, { outcome, note: note.trim(), version: callback.version });
      Taro.showToast({ title: outcome === 'reopen' ? '已转重新办理' : '回访已完成', icon: 'none' });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onDone(); // someone else finished it: show the list as it is
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="rform" data-testid="cb-form">
      <Text className="rform__label">回访结果</Text>
      <Chips
        options={OUTCOMES.map((o) => ({ key: o, label: OUTCOME_NAMES(o) }))}
        value={outcome}
        onChange={(o) => {
          setOutcome(o);
          setError('');
        }}
        testIdPrefix="cb-outcome"
      />
      {outcome && <Text className="rform__hint">{OUTCOME_HINTS[outcome]}</Text>}
      <TextArea
        className="rform__textarea"
        testId="cb-note"
        value={note}
        maxLength={500}
        placeholder="回访情况（必填），如：电话联系居民，楼道灯仍不亮"
        onChange={setNote}
      />
      {!!error && (
        <View className="rform__error" role="alert" data-testid="cb-error">
          {error}
        </View>
      )}
      <View className="cb__buttons">
        <Button type="default" data-testid="cb-cancel" onClick={onCancel}>
          取消
        </Button>
        <Button type="primary" loading={saving} data-testid="cb-submit" onClick={submit}>
          完成回访
        </Button>
      </View>
    </View>
  );
}

/**
 * 回访: low ratings (1–2 stars), sampled 3★ ones and 5★ audits the community calls back; the outcome
 * confirms or reopens. A street leader sees the call-backs escalated to the street after 24 h.
 */
export default function CallbacksPage() {
  const [tab, setTab] = useState<Tab>('open');
  const [openId, setOpenId] = useState('');
  const me = useViewer();
  const view = me.data?.role === 'street_admin' ? 'escalated' : undefined;
  // back from 查看诉求: reload, unless a call-back's form is open
  const list = useSignedInPaged((cursor) => listCallbacks(tab, cursor, { silent: true }, view), [tab, view], !openId);

  return (
    <View className="page">
      <Tabs
        tabs={TABS}
        value={tab}
        onChange={(t) => {
          setOpenId('');
          setTab(t);
        }}
        testIdPrefix="cb-tab"
      />
      <PagedList
        list={list}
        emptyText={tab === 'open' ? (view ? '暂无超时上报街道的回访' : '暂无待回访的诉求') : '还没有完成的回访'}
        render={(c) => (
          <View key={c.id} role="listitem" className="card rcard" data-testid={`cb-${c.id}`}>
            <View className="rcard__head">
              <Text className="rcard__cat">{c.requestSummary.categoryName}</Text>
              <Text className="cb__stars">
                {starText(c.stars)} {RATING_NAMES[c.stars]}
              </Text>
            </View>
            <View className="cb__tags">
              <Text className={`cb__kind cb__kind--${c.kind ?? 'low'}`} data-testid={`cb-kind-${c.id}`}>
                {CALLBACK_KIND_NAMES[c.kind ?? 'low']}
              </Text>
              {!!c.escalatedAt && (
                <Text className="cb__kind cb__kind--escalated" data-testid={`cb-escalated-${c.id}`}>
                  超时未回访，已上报街道
                </Text>
              )}
            </View>
            <Text className="rcard__desc">{c.requestSummary.description}</Text>
            <View className="rcard__meta">
              <Text>{c.requestSummary.unitName}</Text>
              {isOpenState(CALLBACK_WORKFLOW, c.status) ? (
                <Text className={Date.parse(c.dueAt) < Date.now() ? 'rdue--over' : ''}>
                  回访时限 {formatTime(c.dueAt)}
                </Text>
              ) : (
                <Text>回访于 {formatTime(c.updatedAt)}</Text>
              )}
            </View>
            {c.status === 'done' && c.outcome && (
              <Text className="notebox" data-testid={`cb-result-${c.id}`}>
                {OUTCOME_NAMES(c.outcome)}
                {c.note ? `：${c.note}` : ''}
              </Text>
            )}
            <View className="cb__buttons">
              <Button
                size="small"
                type="default"
                data-testid={`cb-view-${c.id}`}
                onClick={() =>
                  Taro.navigateTo({ url: `/pkg-staff/pages/handle/index?id=${encodeURIComponent(c.requestId)}` })
                }
              >
                查看诉求
              </Button>
              {isOpenState(CALLBACK_WORKFLOW, c.status) && openId !== c.id && (
                <Button size="small" type="primary" data-testid={`cb-open-${c.id}`} onClick={() => setOpenId(c.id)}>
                  完成回访
                </Button>
              )}
            </View>
            {openId === c.id && (
              <CompleteForm
                callback={c}
                onCancel={() => setOpenId('')}
                onDone={() => {
                  setOpenId('');
                  void list.reload();
                }}
              />
            )}
          </View>
        )}
      />
    </View>
  );
}
