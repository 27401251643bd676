import { useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TextArea } from '../../../components/Controls';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Role } from '@gridlink/shared/names';
import { movesFrom } from '@gridlink/shared/workflow';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import { ApiError } from '../../../api/client';
import {
  actOnRequest,
  getRequest,
  listCategories,
  type Category,
  type RequestAction,
  type RequestResource,
} from '../../../api/requests';
import Chips from '../../../components/Chips';
import { RatingView } from '../../../components/Rating';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useDetail } from '../../../components/useDetail';
import { useViewer } from '../../../components/useViewer';
import { RequestDetail } from '../../../components/request/RequestParts';
import '../../../components/request/request.css';
import './index.css';

/** The moves made here (回访 has its own page; 我也遇到 is the residents'). */
const HANDLE_MOVES: readonly string[] = ['accept', 'reject', 'dispatch', 'resolve', 'escalate'];
const label = (a: RequestAction) => REQUEST_WORKFLOW.moves[a].label;

const NOTE_HINTS: Record<RequestAction, string> = {
  accept: '受理意见（选填），如：已联系居民，明天上门查看',
  reject: '请填写不予受理的原因（必填），居民会看到',
  dispatch: '转办说明（选填）',
  resolve: '办理结果（选填），如：已更换楼道灯',
  escalate: '上报原因（选填），如：需社区协调物业',
};

/**
 * The moves the workflow table allows now for this role, in the table's order. Hidden besides: a
 * department's move before the request is dispatched to it, and 上报 at the district (the top).
 * The server checks scope and level again.
 */
export function allowedActions(r: Pick<RequestResource, 'status' | 'level'>, role: Role): RequestAction[] {
  if (role === 'department' && r.status !== 'dispatched') return [];
  return movesFrom(REQUEST_WORKFLOW, r.status, [role]).filter(
    (m): m is RequestAction => HANDLE_MOVES.includes(m) && !(m === 'escalate' && r.level === 'district'),
  );
}

/** The departments that answer the categories (社区吹哨、部门报到), each once. */
export function departmentsOf(categories: Category[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const c of categories) if (!seen.has(c.departmentId)) seen.set(c.departmentId, c.departmentName);
  return [...seen.entries()].map(([id, name]) => ({ id, name }));
}

const WAITING: Partial<Record<RequestResource['status'], string>> = {
  resolved: '已办结，等待居民评价',
  closed: '已结案',
  rejected: '已不予受理',
};

/** 办理: a request in full and the actions its status allows, with a note (and a department). */
export default function HandlePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const me = useViewer();
  const signedIn = me.signedIn;
  const [action, setAction] = useState<RequestAction>();
  // back from a call-back or a link: read it again, unless a move's form is open
  const detail = useDetail(id, (x) => getRequest(x, { silent: true }), { enabled: signedIn, reloadOnShow: !action });
  const cats = useAsync(() => listCategories({ silent: true }), [], signedIn);
  const [note, setNote] = useState('');
  const [dept, setDept] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  const r = detail.data;
  const categories = useMemo(() => cats.data?.items ?? [], [cats.data]);
  const departments = useMemo(() => departmentsOf(categories), [categories]);
  const categoryDept = categories.find((c) => c.code === r?.category)?.departmentId ?? '';
  const departmentName = r?.departmentId
    ? (departments.find((d) => d.id === r.departmentId)?.name ?? r.departmentId)
    : undefined;

  const choose = (a: RequestAction) => {
    setAction(a);
    setNote('');
    setError('');
    setDept(categoryDept);
  };
  const cancel = () => {
    setAction(undefined);
    setError('');
  };

  const confirm = async () => {
    if (!r || !action || saving) return;
    const text = note.trim();
    if (REQUEST_WORKFLOW.moves[action].noteRequired && !text) {
      setError(`请填写${label(action)}的原因`);
      return;
    }
    if (action === 'dispatch' && !dept) {
      setError('请选择承办的职能部门');
      return;
    }
    setError('');
    setSaving(true);
    try {
      await actOnRequest(r.id, action, {
        version: r.version,
        ...(text ? { note: text } : {}),
        ...(action === 'dispatch' ? { departmentId: dept } : {}),
      });
      Taro.showToast({ title: `已${label(action)}`, icon: 'success' });
      setAction(undefined);
      await detail.reload();
    } catch (e) {
      // the request layer has toasted the reason; a lost race or a stale page: show the request as it is now
      if (e instanceof ApiError && e.status === 409) {
        setAction(undefined);
        await detail.reload();
      }
    } finally {
      setSaving(false);
    }
  };

  if (!id) {
    return (
      <View className="page">
        <StateView empty emptyText="没有指定诉求" />
      </View>
    );
  }

  const actions = r && me.data ? allowedActions(r, me.data.role) : [];
  return (
    <View className="page handle">
      <StateView loading={detail.loading} error={detail.error} onRetry={detail.reload}>
        {r && (
          <RequestDetail request={r} showReporter departmentName={departmentName}>
            {r.rating && (
              <View className="section">
                <Text className="section__title">居民评价</Text>
                <RatingView rating={r.rating} showAt />
              </View>
            )}
            <View className="section" data-testid="handle-actions">
              <Text className="section__title">办理</Text>
              {!actions.length && (
                <Text className="handle__none" data-testid="handle-none">
                  {WAITING[r.status] ?? (me.data ? '当前状态下您无需操作' : '')}
                </Text>
              )}
              {!!actions.length && !action && (
                <View className="handle__buttons">
                  {actions.map((a) => (
                    <Button
                      key={a}
                      type={a === 'reject' ? 'default' : 'primary'}
                      fill={a === 'accept' || a === 'resolve' ? 'solid' : 'outline'}
                      data-testid={`act-${a}`}
                      onClick={() => choose(a)}
                    >
                      {label(a)}
                    </Button>
                  ))}
                </View>
              )}
              {action && (
                <View className="rform" data-testid="act-form">
                  <Text className="rform__label">{label(action)}</Text>
                  {action === 'dispatch' && (
                    <>
                      <Text className="rform__hint">承办部门（默认为该类别的主管部门）</Text>
                      <Chips
                        options={departments.map((d) => ({ key: d.id, label: d.name }))}
                        value={dept}
                        onChange={setDept}
                        testIdPrefix="dept"
                      />
                    </>
                  )}
                  <TextArea
                    className="rform__textarea"
                    testId="act-note"
                    value={note}
                    maxLength={500}
                    placeholder={NOTE_HINTS[action]}
                    onChange={setNote}
                  />
                  {!!error && (
                    <View className="rform__error" role="alert" data-testid="act-error">
                      {error}
                    </View>
                  )}
                  <View className="handle__buttons">
                    <Button type="default" data-testid="act-cancel" onClick={cancel}>
                      取消
                    </Button>
                    <Button type="primary" loading={saving} data-testid="act-confirm" onClick={confirm}>
                      确认{label(action)}
                    </Button>
                  </View>
                </View>
              )}
            </View>
          </RequestDetail>
        )}
      </StateView>
    </View>
  );
}
