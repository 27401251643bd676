import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TextArea, TextInput } from '../../../components/Controls';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Grid } from '@gridlink/shared/grid';
import { CARE_NEED_NAMES } from '@gridlink/shared/proxy';
import { newIdempotencyKey, type ApiError } from '../../../api/client';
import {
  listCareRecipients,
  registerCareRecipient,
  type CareNeed,
  type CareRecipientSummary,
} from '../../../api/proxy';
import GridList from '../../../components/GridList';
import PagedList from '../../../components/PagedList';
import StateView from '../../../components/StateView';
import { usePaged } from '../../../components/usePaged';
import { useReloadOnShow } from '../../../components/useReloadOnShow';
import { useElderMode } from '../../../lib/elder';
import { Chips } from '../../components/parts';
import { careDetailUrl, isCareStaff } from '../../lib/rules';
import { useViewer } from '../../../components/useViewer';
import '../../components/proxy.css';

const NEEDS = Object.entries(CARE_NEED_NAMES).map(([key, label]) => ({ key: key as CareNeed, label }));
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const ID_NUMBER = /^\d{17}[\dX]$/;

/** Picks a unit inside the worker's own grid, drilling down level by level. */
function UnitPicker({ rootId, value, onPick }: { rootId: string; value?: Grid; onPick: (g: Grid) => void }) {
  const [trail, setTrail] = useState<Grid[]>([]);
  const parentId = trail.length ? trail[trail.length - 1].id : rootId;
  return (
    <View data-testid="unit-picker">
      {!!trail.length && (
        <Text className="plink pnote" data-testid="unit-up" onClick={() => setTrail((t) => t.slice(0, -1))}>
          ‹ 返回上一级（{trail.map((g) => g.name).join(' › ')}）
        </Text>
      )}
      <GridList
        parentId={parentId}
        selectedId={value?.id}
        onPick={(g) => (g.level === 'unit' ? onPick(g) : setTrail((t) => [...t, g]))}
      />
    </View>
  );
}

function RegisterForm({
  rootId,
  onDone,
  onCancel,
}: {
  rootId: string;
  onDone: (id: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [needs, setNeeds] = useState<CareNeed[]>([]);
  const [note, setNote] = useState('');
  const [unit, setUnit] = useState<Grid>();
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const idemKey = useRef(newIdempotencyKey());

  const submit = async () => {
    if (saving) return;
    const id = idNumber.trim().toUpperCase();
    const problem =
      name.trim().length < 2
        ? '请填写姓名'
        : !PHONE.test(phone.trim())
          ? '请输入正确的手机号或固定电话'
          : id && !ID_NUMBER.test(id)
            ? '身份证号格式不正确'
            : !needs.length
              ? '请至少选择一项帮扶需求'
              : !unit
                ? '请选择居住单元'
                : '';
    if (problem) {
      setError(problem);
      return;
    }
    setError('');
    setSaving(true);
    try {
      const created = await registerCareRecipient(
        {
          name: name.trim(),
          unitId: unit!.id,
          phone: phone.trim(),
          ...(id ? { idNumber: id } : {}),
          needs,
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        idemKey.current,
      );
      Taro.showToast({ title: '已登记', icon: 'none' });
      onDone(created.id);
    } catch (e) {
      const err = e as ApiError;
      const detail = err.details?.[0]?.message;
      setError(detail && detail !== err.message ? `${err.message}：${detail}` : err.message || '登记失败，请重试');
      if (err.status !== 0 && err.status < 500) idemKey.current = newIdempotencyKey();
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="section" data-testid="care-form">
      <Text className="section__title">登记帮扶对象（独居老人、残疾人等，多数不用微信）</Text>
      <View className="pform">
        <Text className="pform__label">姓名</Text>
        <TextInput
          className="pform__input"
          testId="care-name"
          value={name}
          maxLength={20}
          placeholder="本人姓名"
          onChange={setName}
        />
        <Text className="pform__label">联系电话</Text>
        <TextInput
          className="pform__input"
          testId="care-phone"
          value={phone}
          maxLength={13}
          placeholder="手机号或固定电话"
          onChange={setPhone}
        />
        <Text className="pform__label">身份证号（选填）</Text>
        <TextInput
          className="pform__input"
          testId="care-id"
          type="idcard"
          value={idNumber}
          maxLength={18}
          placeholder="代办证明类事项时需要"
          onChange={setIdNumber}
        />
        <Text className="pform__label">帮扶需求（可多选）</Text>
        <Chips
          multi
          options={NEEDS}
          value={needs}
          onChange={(k) => setNeeds((n) => (n.includes(k) ? n.filter((x) => x !== k) : [...n, k]))}
          testIdPrefix="care-need"
        />
        <Text className="pform__label">居住单元</Text>
        {unit ? (
          <View className="ppick ppick--on" data-testid="care-unit">
            <Text>{unit.pathNames.slice(3).join(' › ')}</Text>
            <Text className="ppick__end" onClick={() => setUnit(undefined)}>
              更换
            </Text>
          </View>
        ) : (
          <UnitPicker rootId={rootId} value={unit} onPick={setUnit} />
        )}
        <Text className="pform__label">情况说明（选填）</Text>
        <TextArea
          className="pform__textarea"
          testId="care-note"
          value={note}
          maxLength={200}
          placeholder="如：78 岁独居，行动不便，子女在外地"
          onChange={setNote}
        />
        {!!error && (
          <View className="pform__error" role="alert" data-testid="care-error">
            {error}
          </View>
        )}
        <Button block type="primary" loading={saving} data-testid="care-submit" onClick={submit}>
          登记
        </Button>
        <Button block fill="none" data-testid="care-cancel" onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

function CareRow({ c }: { c: CareRecipientSummary }) {
  return (
    <View
      className="card pcard"
      role="listitem"
      data-testid={`care-${c.id}`}
      onClick={() => Taro.navigateTo({ url: careDetailUrl(c.id) })}
    >
      <View className="pcard__head">
        <Text className="pcard__kind">{c.name}</Text>
        <Text className="plink">详情 ›</Text>
      </View>
      <Text className="pcard__meta">{c.unitName}</Text>
      <View className="pneeds">
        {c.needs.map((n) => (
          <Text key={n} className="pneed">
            {CARE_NEED_NAMES[n as CareNeed] ?? n}
          </Text>
        ))}
      </View>
    </View>
  );
}

/** 帮扶对象 (grid staff): the elderly and disabled residents of my grid, and registering a new one. */
export default function CarePage() {
  const { params } = useRouter();
  const { elderClass } = useElderMode();
  const me = useViewer();
  const staff = isCareStaff(me.data?.role);
  const list = usePaged((cursor) => listCareRecipients(cursor), [], staff);
  const [registering, setRegistering] = useState(params.register === '1');
  useReloadOnShow(list.reload, { when: staff, pullDown: staff ? list.reload : me.reload });

  const rootId = me.data?.gridIds[0];
  return (
    <View className={`page pcare ${elderClass}`}>
      <StateView loading={me.loading && !me.data} error={me.data ? null : me.error} onRetry={me.reload}>
        {me.data && !staff && <StateView empty emptyText="帮扶对象由网格员登记和管理" />}
        {staff && !rootId && <StateView empty emptyText="暂未分配网格" />}
        {staff && rootId && (
          <>
            {registering ? (
              <RegisterForm
                rootId={rootId}
                onCancel={() => setRegistering(false)}
                onDone={(id) => {
                  setRegistering(false);
                  void list.reload();
                  void Taro.navigateTo({ url: careDetailUrl(id) });
                }}
              />
            ) : (
              <View className="actions">
                <Button block type="primary" data-testid="care-new" onClick={() => setRegistering(true)}>
                  登记帮扶对象
                </Button>
              </View>
            )}
            <Text className="section__title">本网格帮扶对象</Text>
            <PagedList
              list={list}
              emptyText="还没有登记帮扶对象"
              testId="care-list"
              render={(c) => <CareRow key={c.id} c={c} />}
            />
          </>
        )}
      </StateView>
    </View>
  );
}
