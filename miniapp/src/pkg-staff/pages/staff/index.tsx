import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { DUTY_NAMES, MANAGED_ROLES, ROLE_NAMES, STAFF_ADMIN_RANK, type Duty, type Role } from '@gridlink/shared/names';
import { ApiError } from '../../../api/client';
import { getGrid } from '../../../api/endpoints';
import {
  createStaff,
  getStaff,
  listStaff,
  retireStaff,
  setSuspended,
  updateStaff,
  type StaffAssignment,
} from '../../../api/staff';
import Chips from '../../../components/Chips';
import { TextInput } from '../../../components/Controls';
import PagedList from '../../../components/PagedList';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useGridChildren } from '../../../components/useGridChildren';
import { useSignedInPaged } from '../../../components/usePaged';
import { useSignedInMe } from '../../../components/useSignedInMe';
import '../../../components/request/request.css';
import './index.css';

const STATUS_NAMES = { active: '在岗', suspended: '已停用', retired: '已离岗' } as const;
const toggle = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);
const confirm = async (title: string, content: string) => (await Taro.showModal({ title, content })).confirm;

/** 新增 / 编辑: 姓名、手机号、角色 (new only), 负责网格 and 五员职责; the grids offered are the selected one and its children. */
function StaffForm({
  grids,
  roles,
  edit,
  successors = [],
  onDone,
}: {
  grids: { id: string; name: string }[];
  roles: Role[];
  edit?: { id: string; version: number; gridIds: string[]; duties: Duty[] };
  /** who may take over the work of a grid removed (edit) */
  successors?: StaffAssignment[];
  onDone: () => void;
}) {
  const [successorId, setSuccessorId] = useState<string>();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<Role>();
  const [gridIds, setGridIds] = useState<string[]>(edit?.gridIds ?? []);
  const [duties, setDuties] = useState<Duty[]>(edit?.duties ?? []);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const removing = !!edit && edit.gridIds.some((g) => !gridIds.includes(g));
  const others = [
    ...new Map(
      successors.filter((x) => x.userId !== edit?.id && x.status === 'active').map((x) => [x.userId, x]),
    ).values(),
  ];
  const submit = async () => {
    if (!edit && (!name.trim() || !/^1[3-9]\d{9}$/.test(phone) || !role))
      return setError('请填写姓名、11 位手机号并选择角色');
    if (!gridIds.length) return setError('请选择负责网格');
    if (removing && !successorId) return setError('移出网格的待办需交给接替人员：请选择');
    setError('');
    setSaving(true);
    try {
      if (edit)
        await updateStaff(edit.id, { version: edit.version, gridIds, duties, ...(removing ? { successorId } : {}) });
      else await createStaff({ name: name.trim(), phone, role: role as never, gridIds, duties });
      Taro.showToast({ title: edit ? '已保存' : '已新增', icon: 'none' });
      onDone();
    } catch (e) {
      if (e instanceof ApiError) setError(e.message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <View className="rform" data-testid="staff-form">
      {!edit && (
        <>
          <Text className="rform__label">姓名</Text>
          <TextInput className="staff__input" testId="staff-name" value={name} maxLength={30} onChange={setName} />
          <Text className="rform__label">手机号</Text>
          <TextInput
            className="staff__input"
            testId="staff-phone"
            type="number"
            value={phone}
            maxLength={11}
            onChange={setPhone}
          />
          <Text className="rform__label">角色</Text>
          <Chips
            options={roles.map((r) => ({ key: r, label: ROLE_NAMES[r] }))}
            value={role}
            onChange={setRole}
            testIdPrefix="staff-role"
          />
        </>
      )}
      <Text className="rform__label">负责网格（可多选）</Text>
      <Chips
        multi
        options={grids.map((g) => ({ key: g.id, label: g.name }))}
        value={gridIds}
        onChange={(id) => setGridIds(toggle(gridIds, id))}
        testIdPrefix="staff-grid"
      />
      {removing && (
        <>
          <Text className="rform__label">接替人员（移出网格的待办交给他）</Text>
          <Chips
            options={others.map((x) => ({ key: x.userId, label: `${x.name}（${ROLE_NAMES[x.role]}）` }))}
            value={successorId}
            onChange={setSuccessorId}
            testIdPrefix="staff-successor"
          />
        </>
      )}
      <Text className="rform__label">五员职责</Text>
      <Chips
        multi
        options={DUTY_NAMES}
        value={duties}
        onChange={(d) => setDuties(toggle(duties, d))}
        testIdPrefix="staff-duty"
      />
      {!!error && (
        <View className="rform__error" role="alert" data-testid="staff-error">
          {error}
        </View>
      )}
      <View className="staff__buttons">
        <Button type="primary" loading={saving} data-testid="staff-submit" onClick={submit}>
          {edit ? '保存' : '新增'}
        </Button>
      </View>
    </View>
  );
}

/** 离岗交接: pick the successor among the active staff listed; their open work moves to them. */
function RetireForm({ who, staff, onDone }: { who: StaffAssignment; staff: StaffAssignment[]; onDone: () => void }) {
  const [successor, setSuccessor] = useState<string>();
  const options = [
    ...new Map(
      staff.filter((s) => s.userId !== who.userId && s.status === 'active').map((s) => [s.userId, s]),
    ).values(),
  ];
  const submit = async () => {
    if (!successor) return;
    const to = options.find((s) => s.userId === successor)!;
    if (!(await confirm('确认离岗交接', `${who.name}将停用并移出全部网格，其待办诉求、纠纷、信访移交给${to.name}。`)))
      return;
    try {
      const m = await getStaff(who.userId, { silent: true });
      const r = await retireStaff(who.userId, m.version, successor);
      const h = r.handover;
      Taro.showToast({
        title: `已交接：诉求${h?.requests ?? 0}件，纠纷${h?.disputes ?? 0}件，信访${h?.petitions ?? 0}件`,
        icon: 'none',
      });
      onDone();
    } catch {
      /* the client shows the error */
    }
  };
  return (
    <View className="rform" data-testid="retire-form">
      <Text className="rform__label">接替人员</Text>
      {options.length ? (
        <Chips
          options={options.map((s) => ({ key: s.userId, label: `${s.name}（${ROLE_NAMES[s.role]}）` }))}
          value={successor}
          onChange={setSuccessor}
          testIdPrefix="retire-to"
        />
      ) : (
        <Text className="rform__hint">本网格暂无其他在岗人员，请先新增接替人员</Text>
      )}
      <View className="staff__buttons">
        <Button type="primary" disabled={!successor} data-testid="retire-submit" onClick={submit}>
          确认交接
        </Button>
      </View>
    </View>
  );
}

/** 人员管理 (实名动态管理): the staff of a grid and below, for community / street / district admins. */
export default function StaffPage() {
  const { me } = useSignedInMe();
  const user = me.data;
  const served = user?.gridIds ?? [];
  const [gridId, setGridId] = useState<string>();
  const current = gridId ?? served[0];
  const servedGrids = useAsync(
    () => Promise.all(served.map((id) => getGrid(id, { silent: true }))),
    [served.join(',')],
    !!served.length,
  );
  const children = useGridChildren(current);
  const selected = servedGrids.data?.find((g) => g.id === current);
  const [open, setOpen] = useState<{
    kind: 'add' | 'edit' | 'retire';
    id?: string;
    version?: number;
    gridIds?: string[];
    grids?: { id: string; name: string }[];
    duties?: Duty[];
  }>();
  const list = useSignedInPaged(
    (cursor) => listStaff(current!, cursor, { silent: true }),
    [current],
    !!current && !open,
  );
  const own = user ? (STAFF_ADMIN_RANK[user.role] ?? -1) : -1;
  const roles = MANAGED_ROLES.filter((r) => (STAFF_ADMIN_RANK[r] ?? 9) < own);
  const gridOptions = [...(selected ? [selected] : []), ...children.items];
  const done = () => {
    setOpen(undefined);
    void list.reload();
  };
  const edit = async (s: StaffAssignment) => {
    const m = await getStaff(s.userId).catch(() => undefined);
    if (m)
      setOpen({
        kind: 'edit',
        id: m.id,
        version: m.version,
        grids: m.grids,
        gridIds: m.grids.map((g) => g.id),
        duties: m.duties,
      });
  };
  const suspend = async (s: StaffAssignment, on: boolean) => {
    if (!(await confirm(on ? '确认停用' : '确认恢复', on ? `停用后${s.name}将无法登录。` : `恢复${s.name}的账号？`)))
      return;
    try {
      const m = await getStaff(s.userId, { silent: true });
      await setSuspended(s.userId, m.version, on);
      void list.reload();
    } catch {
      /* the client shows the error */
    }
  };

  return (
    <View className="page">
      <StateView
        loading={me.loading || servedGrids.loading}
        error={me.error ?? servedGrids.error}
        onRetry={me.reload}
        empty={!served.length}
        emptyText="暂未分配网格"
      >
        <View className="staff__grids">
          {served.length > 1 && (
            <Chips
              options={(servedGrids.data ?? []).map((g) => ({ key: g.id, label: g.name }))}
              value={current}
              onChange={setGridId}
              testIdPrefix="staff-in"
            />
          )}
          <View className="staff__buttons">
            <Button
              type="primary"
              size="small"
              data-testid="staff-add"
              onClick={() => setOpen(open?.kind === 'add' ? undefined : { kind: 'add' })}
            >
              新增人员
            </Button>
          </View>
          {open?.kind === 'add' && <StaffForm grids={gridOptions} roles={roles} onDone={done} />}
        </View>
        <PagedList
          list={list}
          emptyText="该网格暂无工作人员"
          render={(s) => (
            <View
              key={`${s.userId}-${s.gridId}`}
              role="listitem"
              className="card rcard"
              data-testid={`staff-${s.userId}`}
            >
              <View className="staff__row">
                <Text className="staff__name">{s.name}</Text>
                <Text className={`staff__status--${s.status}`}>{STATUS_NAMES[s.status]}</Text>
              </View>
              <Text className="staff__meta">
                {ROLE_NAMES[s.role]} · {s.phone}
              </Text>
              <Text className="staff__meta">{s.gridName}</Text>
              {!!s.duties.length && (
                <Text className="staff__meta">五员职责：{s.duties.map((d) => DUTY_NAMES[d]).join('、')}</Text>
              )}
              {(STAFF_ADMIN_RANK[s.role] ?? 9) < own && s.userId !== user?.id && (
                <View className="staff__buttons">
                  <Button
                    size="small"
                    type="default"
                    data-testid={`staff-edit-${s.userId}`}
                    onClick={() => void edit(s)}
                  >
                    编辑
                  </Button>
                  <Button
                    size="small"
                    type="default"
                    data-testid={`staff-suspend-${s.userId}`}
                    onClick={() => void suspend(s, s.status === 'active')}
                  >
                    {s.status === 'active' ? '停用' : '恢复'}
                  </Button>
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`staff-retire-${s.userId}`}
                    onClick={() => setOpen({ kind: 'retire', id: s.userId })}
                  >
                    离岗交接
                  </Button>
                </View>
              )}
              {open?.kind === 'edit' && open.id === s.userId && (
                <StaffForm
                  grids={[...gridOptions.filter((g) => !open.grids!.some((x) => x.id === g.id)), ...open.grids!]}
                  roles={roles}
                  edit={{ id: open.id, version: open.version!, gridIds: open.gridIds!, duties: open.duties! }}
                  successors={list.items}
                  onDone={done}
                />
              )}
              {open?.kind === 'retire' && open.id === s.userId && (
                <RetireForm who={s} staff={list.items} onDone={done} />
              )}
            </View>
          )}
        />
      </StateView>
    </View>
  );
}
