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
  deptMove,
  getRequest,
  listCategories,
  type Category,
  type DeptMove,
  type RequestAction,
  type RequestResource,
} from '../../../api/requests';
import PhotoGrid from '../../../components/PhotoGrid';
import PhotoPicker, { usePhotos } from '../../../components/PhotoPicker';
import { formatTime } from '../../../lib/format';
import Chips from '../../../components/Chips';
import { RatingView } from '../../../components/Rating';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useDetail } from '../../../components/useDetail';
import { useViewer } from '../../../components/useViewer';
import { RequestDetail } from '../../../components/request/RequestParts';
import '../../../components/request/request.css';
import './index.css';

/** A move made here: the closed loop's, or 社区吹哨、部门报到's (报到, 退回, 延期 and its answer). */
export type HandleMove = RequestAction | DeptMove;
/** The moves made here (回访 has its own page; 我也遇到 is the residents'). */
const HANDLE_MOVES: readonly string[] = ['accept', 'reject', 'dispatch', 'resolve', 'escalate'];
const DEPT_MOVES: readonly string[] = ['sign', 'deptReturn', 'requestExtension', 'approveExtension', 'refuseExtension'];
const isDeptMove = (m: HandleMove): m is DeptMove => DEPT_MOVES.includes(m);
const label = (a: HandleMove) => REQUEST_WORKFLOW.moves[a].label;

const NOTE_HINTS: Record<HandleMove, string> = {
  accept: '受理意见（选填），如：已联系居民，明天上门查看',
  reject: '请填写不予受理的原因（必填），居民会看到',
  dispatch: '转办说明（选填）',
  resolve: '办理结果，如：已更换楼道灯',
  escalate: '上报原因（选填），如：需社区协调物业',
  sign: '报到说明（选填），如：已安排人员今日到场',
  deptReturn: '请填写退回原因（必填），如：不属于本部门职责',
  requestExtension: '请填写延期原因（必填），如：需采购材料',
  approveExtension: '审批意见（选填）',
  refuseExtension: '不批准的原因（选填），如：请按原时限办结',
};

/** 申请延期: the new deadline, counted from the current one */
const EXTEND_DAYS = [1, 3, 7];

type Deptish = Pick<RequestResource, 'status' | 'level'> & Partial<Pick<RequestResource, 'signedAt' | 'extension'>>;

/**
 * The moves the workflow table allows now for this role, in the table's order. Hidden besides: a
 * department's move before the request is dispatched to it, 上报 at the district (the top), 报到 once
 * signed, a department's 办结 and 延期 before its 报到, a second 延期, and the answer to an extension
 * nobody asked for. The server checks scope, level and state again.
 */
export function allowedActions(r: Deptish, role: Role): HandleMove[] {
  if (role === 'department' && r.status !== 'dispatched') return [];
  const pending = r.extension?.status === 'pending';
  return movesFrom(REQUEST_WORKFLOW, r.status, [role]).filter((m): m is HandleMove => {
    if (!HANDLE_MOVES.includes(m) && !DEPT_MOVES.includes(m)) return false;
    if (m === 'escalate') return r.level !== 'district';
    if (m === 'sign') return !r.signedAt;
    if (role === 'department' && (m === 'resolve' || m === 'requestExtension') && !r.signedAt) return false;
    if (m === 'requestExtension') return !r.extension;
    if (m === 'approveExtension' || m === 'refuseExtension') return pending;
    return true;
  });
}

const EXTENSION_NAMES = { pending: '待社区审批', approved: '已批准', refused: '未批准' } as const;

/** 部门报到: its deadline, the 报到, and the one extension. */
function DeptPanel({ r }: { r: RequestResource }) {
  if (!r.signDueAt && !r.extension) return null;
  return (
    <View className="section" data-testid="dept-panel">
      <Text className="section__title">部门报到</Text>
      {r.signedAt ? (
        <Text className="handle__line" data-testid="dept-signed">
          已报到：{formatTime(r.signedAt)}
        </Text>
      ) : (
        <Text className="handle__line" data-testid="dept-sign-due">
          报到时限：{formatTime(r.signDueAt)}
          {r.signOverdue ? '（已超时未报到）' : ''}
        </Text>
      )}
      {r.extension && (
        <Text className="handle__line" data-testid="dept-extension">
          延期申请：至 {formatTime(r.extension.dueAt)}，{EXTENSION_NAMES[r.extension.status]}（{r.extension.reason}）
        </Text>
      )}
    </View>
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
  const [action, setAction] = useState<HandleMove>();
  const [days, setDays] = useState(EXTEND_DAYS[1]);
  const photos = usePhotos('request', 9);
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

  const choose = (a: HandleMove) => {
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
    const byDept = me.data?.role === 'department';
    if (action === 'resolve' && byDept && (!text || !photos.keys.length)) {
      setError('部门办结需填写办理结果并上传至少一张照片');
      return;
    }
    if (photos.uploading) {
      setError('照片正在上传，请稍候');
      return;
    }
    setError('');
    setSaving(true);
    try {
      const base = { version: r.version, ...(text ? { note: text } : {}) };
      if (isDeptMove(action)) {
        const from = Math.max(Date.parse(r.dueAt ?? '') || Date.now(), Date.now());
        const dueAt = new Date(from + days * 86400_000).toISOString();
        await deptMove(r.id, action, { ...base, ...(action === 'requestExtension' ? { dueAt } : {}) });
      } else
        await actOnRequest(r.id, action, {
          ...base,
          ...(action === 'dispatch' ? { departmentId: dept } : {}),
          ...(action === 'resolve' && photos.keys.length ? { photos: photos.keys } : {}),
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
            <DeptPanel r={r} />
            {!!r.result && (
              <View className="section" data-testid="handle-result">
                <Text className="section__title">办理结果</Text>
                <Text className="handle__line">{r.result}</Text>
                <PhotoGrid
                  urls={(r.resultPhotos ?? []).map((p) => p.url ?? '').filter(Boolean)}
                  testId="result-photos"
                  small
                />
              </View>
            )}
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
                      type={a === 'reject' || a === 'deptReturn' || a === 'refuseExtension' ? 'default' : 'primary'}
                      fill={a === 'accept' || a === 'resolve' || a === 'sign' ? 'solid' : 'outline'}
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
                  {action === 'requestExtension' && (
                    <>
                      <Text className="rform__hint">延长时限（自当前时限起）</Text>
                      <Chips
                        options={EXTEND_DAYS.map((d) => ({ key: String(d), label: `${d} 天` }))}
                        value={String(days)}
                        onChange={(k) => setDays(Number(k))}
                        testIdPrefix="extend"
                      />
                    </>
                  )}
                  {action === 'resolve' && (
                    <>
                      <Text className="rform__hint">
                        {me.data?.role === 'department' ? '办理照片（至少一张）' : '办理照片（选填）'}
                      </Text>
                      <PhotoPicker photos={photos} testId="resolve-photo" />
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
