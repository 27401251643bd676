import { useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { TextInput } from '../../../components/Controls';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { CONSENT_METHOD_NAMES } from '@gridlink/shared/names';
import type { Me } from '@gridlink/shared/me';
import { listServices } from '../../../api/endpoints';
import { newIdempotencyKey, type ApiError } from '../../../api/client';
import {
  createProxyTask,
  getCareRecipient,
  listCareRecipients,
  requestFamilyLink,
  type ConsentMethod,
} from '../../../api/proxy';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useElderMode } from '../../../lib/elder';
import { askSubscribe, SUBSCRIBE_ON } from '../../../config/subscribe';
import { Chips } from '../../components/parts';
import { knownFamily, rememberFamily, type KnownRecipient } from '../../lib/family';
import {
  canRequest,
  consentFor,
  consentOptions,
  DEADLINES,
  deadlineIso,
  isCareStaff,
  taskUrl,
  type RecipientChoice,
} from '../../lib/rules';
import { useViewer } from '../../../components/useViewer';
import '../../components/proxy.css';

function decode(v?: string) {
  try {
    return v ? decodeURIComponent(v) : '';
  } catch {
    return v ?? '';
  }
}

const ERRANDS = ['代买药品', '代缴水电费', '代缴取暖费', '代取快递', '陪同就医', '代办银行业务'];
const NOTE_HINT: Record<ConsentMethod, string> = {
  in_app: '补充说明（选填）',
  witnessed_signature: '见证说明（选填），如：本人已在授权书上签字，网格员当面见证',
  family: '补充说明（选填），如：我是老人的女儿，已征得老人同意',
};

/** 为谁申请 for grid staff: their 帮扶对象. */
function CareChoices({
  value,
  onPick,
  preset,
}: {
  value?: RecipientChoice;
  onPick: (c: RecipientChoice) => void;
  preset?: RecipientChoice;
}) {
  const care = useAsync(() => listCareRecipients(), []);
  const items = care.data?.items ?? [];
  const shown =
    preset && !items.some((c) => c.id === preset.id)
      ? [{ id: preset.id, name: preset.name, unitName: '' }, ...items]
      : items;
  return (
    <StateView
      loading={care.loading}
      error={care.error}
      onRetry={care.reload}
      empty={!shown.length}
      emptyText="您的网格还没有登记帮扶对象"
    >
      <View className="pconsent" role="radiogroup">
        {shown.map((c) => {
          const on = value?.id === c.id;
          return (
            <View
              key={c.id}
              role="radio"
              aria-checked={on}
              className={`ppick${on ? ' ppick--on' : ''}`}
              data-testid={`recipient-${c.id}`}
              onClick={() => onPick({ kind: 'care', id: c.id, name: c.name })}
            >
              <View className="ppick__main">
                <Text>{c.name}</Text>
                {!!c.unitName && <Text className="ppick__sub">{c.unitName}</Text>}
              </View>
              <Text className="ppick__end">{on ? '已选' : '选择'}</Text>
            </View>
          );
        })}
      </View>
      <Text
        className="plink pnote"
        data-testid="recipient-register"
        onClick={() => Taro.navigateTo({ url: '/pkg-proxy/pages/care/index?register=1' })}
      >
        登记新的帮扶对象 ›
      </Text>
    </StateView>
  );
}

/** 为谁申请 for residents and agents: themselves, or a relative whose family link a grid worker confirmed. */
function FamilyChoices({
  me,
  value,
  onPick,
}: {
  me: Me;
  value?: RecipientChoice;
  onPick: (c: RecipientChoice) => void;
}) {
  const [family, setFamily] = useState<KnownRecipient[]>(() => knownFamily(me.id));
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const [checking, setChecking] = useState(false);

  /** a confirmed relative can read the recipient; otherwise ask the grid worker to confirm the link */
  const check = async (id: string, ask: boolean) => {
    if (checking || !id) return;
    setChecking(true);
    setMessage('');
    try {
      const r = await getCareRecipient(id);
      setFamily(rememberFamily(me.id, { id: r.id, name: r.name, status: 'confirmed' }));
      onPick({ kind: r.id === me.id ? 'self' : 'family', id: r.id, name: r.name });
      setCode('');
    } catch (e) {
      const err = e as ApiError;
      if (err.status !== 404 || !ask) {
        setMessage(err.status === 404 ? '家属关系还没有确认，请联系网格员确认后再申请' : err.message);
        return;
      }
      try {
        await requestFamilyLink(id);
        setFamily(rememberFamily(me.id, { id, name: `帮扶对象 ${id}`, status: 'pending' }));
        setMessage('已提交家属关联申请，网格员确认后即可为其申请代办');
        setCode('');
      } catch (e2) {
        const err2 = e2 as ApiError;
        if (err2.status === 409) {
          setFamily(rememberFamily(me.id, { id, name: `帮扶对象 ${id}`, status: 'pending' }));
          setMessage('已申请过家属关联，请等待网格员确认');
        } else setMessage(err2.status === 404 ? '没有找到这个帮扶对象，请核对编号' : err2.message);
      }
    } finally {
      setChecking(false);
    }
  };

  const self = value?.kind === 'self';
  return (
    <View className="pconsent" role="radiogroup">
      <View
        role="radio"
        aria-checked={self}
        aria-disabled={!me.unitId}
        className={`ppick${self ? ' ppick--on' : ''}${me.unitId ? '' : ' pconsent__opt--off'}`}
        data-testid="recipient-self"
        onClick={
          me.unitId
            ? () => onPick({ kind: 'self', id: me.id, name: me.name })
            : () => Taro.navigateTo({ url: '/pages/bind/index' })
        }
      >
        <View className="ppick__main">
          <Text>本人（{me.name}）</Text>
          {!me.unitId && <Text className="ppick__sub">请先绑定居住单元</Text>}
        </View>
        <Text className="ppick__end">{self ? '已选' : me.unitId ? '选择' : '去绑定 ›'}</Text>
      </View>
      {family
        .filter((f) => f.id !== me.id)
        .map((f) => {
          const on = value?.id === f.id;
          return (
            <View
              key={f.id}
              role="radio"
              aria-checked={on}
              className={`ppick${on ? ' ppick--on' : ''}`}
              data-testid={`recipient-${f.id}`}
              onClick={() =>
                f.status === 'confirmed' ? onPick({ kind: 'family', id: f.id, name: f.name }) : void check(f.id, false)
              }
            >
              <View className="ppick__main">
                <Text>{f.name}</Text>
                <Text className="ppick__sub">
                  {f.status === 'confirmed' ? '家属（已确认）' : '家属关联待网格员确认，点此刷新'}
                </Text>
              </View>
              <Text className="ppick__end">{on ? '已选' : f.status === 'confirmed' ? '选择' : '待确认'}</Text>
            </View>
          );
        })}
      <Text className="pform__hint">为家人申请：输入网格员告诉您的“帮扶对象编号”，首次使用需网格员确认家属关系。</Text>
      <View className="pform__row">
        <Input
          className="pform__input"
          data-testid="family-code"
          value={code}
          placeholder="帮扶对象编号"
          onInput={(e) => setCode(e.detail.value.trim())}
        />
        <Button
          size="small"
          type="primary"
          fill="outline"
          loading={checking}
          data-testid="family-check"
          onClick={() => void check(code, true)}
        >
          添加家人
        </Button>
      </View>
      {!!message && (
        <View className="pform__hint" role="status" data-testid="family-message">
          {message}
        </View>
      )}
    </View>
  );
}

/** 申请代办: for whom, what, a consent that fits who asks, and by when it should be claimed. */
export default function RequestPage() {
  const { params } = useRouter();
  const { elderClass } = useElderMode();
  const me = useViewer();
  const preset = useMemo<RecipientChoice | undefined>(() => {
    const id = decode(params.recipientId);
    return id ? { kind: 'care', id, name: decode(params.recipientName) || id } : undefined;
  }, [params.recipientId, params.recipientName]);

  const [recipient, setRecipient] = useState<RecipientChoice | undefined>(preset);
  const [kind, setKind] = useState<'service' | 'errand'>(params.serviceCode ? 'service' : 'errand');
  const [serviceCode, setServiceCode] = useState(decode(params.serviceCode));
  const [filter, setFilter] = useState('');
  const [description, setDescription] = useState('');
  const [given, setGiven] = useState(false);
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState<string>('48');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const idemKey = useRef(newIdempotencyKey());

  const services = useAsync(() => listServices({ silent: true }), [], kind === 'service');
  const role = me.data?.role;
  const staff = isCareStaff(role);
  // a preset recipient (from 帮扶对象) is a care recipient only for grid staff
  const choice = recipient && !staff && recipient.kind === 'care' ? undefined : recipient;
  const method = consentFor(role, choice);
  const options = consentOptions(role, choice);

  const filtered = useMemo(() => {
    const all = services.data?.items ?? [];
    const q = filter.trim();
    const hits = q ? all.filter((s) => s.name.includes(q) || s.category.includes(q)) : all;
    return [...hits].sort((a, b) => Number(!!b.hot) - Number(!!a.hot));
  }, [services.data, filter]);
  const service = services.data?.items.find((s) => s.code === serviceCode);

  const submit = async () => {
    if (saving) return;
    const problem = !choice
      ? '请选择为谁申请'
      : kind === 'service' && !serviceCode
        ? '请选择要代办的事项'
        : description.trim().length < 4
          ? '请至少用 4 个字说明要办的事'
          : !method
            ? '没有适合的授权方式'
            : !given
              ? '请先确认已取得本人授权'
              : '';
    if (problem) {
      setError(problem);
      return;
    }
    setError('');
    // WeChat asks only from a tap: now, while the task is sent (weapp; a refusal changes nothing)
    const asked = askSubscribe(SUBSCRIBE_ON.proxyTask);
    setSaving(true);
    try {
      const hours = DEADLINES.find((d) => d.key === deadline)?.hours ?? 48;
      const created = await createProxyTask(
        {
          recipientId: choice!.id,
          kind,
          ...(kind === 'service' ? { serviceCode } : {}),
          description: description.trim(),
          consent: { given: true, method: method!, ...(note.trim() ? { note: note.trim() } : {}) },
          deadline: deadlineIso(hours),
        },
        idemKey.current,
      );
      await asked;
      Taro.showToast({ title: '已提交，等待红色代办员认领', icon: 'none' });
      void Taro.redirectTo({ url: taskUrl(created.id) });
    } catch (e) {
      const err = e as ApiError;
      const detail = err.details?.[0]?.message;
      setError(detail && detail !== err.message ? `${err.message}：${detail}` : err.message || '提交失败，请重试');
      if (err.status !== 0 && err.status < 500) idemKey.current = newIdempotencyKey();
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className={`page prequest ${elderClass}`}>
      <View className="pbanner">
        <Text className="pbanner__title">申请红色代办</Text>
        <Text className="pbanner__sub">独居老人、残疾人办事不便，由社区红色代办员上门或在线代为办理</Text>
      </View>
      <StateView loading={me.loading && !me.data} error={me.data ? null : me.error} onRetry={me.reload}>
        {me.data && !canRequest(role) && <StateView empty emptyText="您的身份不能申请代办，请联系所在网格的网格员" />}
        {me.data && canRequest(role) && (
          <>
            <View className="section">
              <Text className="section__title">1. 为谁申请</Text>
              <View className="pform">
                {staff ? (
                  <CareChoices value={choice} preset={preset} onPick={setRecipient} />
                ) : (
                  <FamilyChoices me={me.data} value={choice} onPick={setRecipient} />
                )}
              </View>
            </View>

            <View className="section">
              <Text className="section__title">2. 代办什么</Text>
              <View className="pform">
                <Chips
                  options={[
                    { key: 'errand' as const, label: '代办跑腿（买药、缴费等）' },
                    { key: 'service' as const, label: '代办便民服务事项' },
                  ]}
                  value={kind}
                  onChange={setKind}
                  testIdPrefix="kind"
                />
                {kind === 'service' ? (
                  <>
                    {service ? (
                      <View className="ppick ppick--on" data-testid="service-chosen">
                        <View className="ppick__main">
                          <Text>{service.name}</Text>
                          <Text className="ppick__sub">
                            {service.category}
                            {service.onlineDirect ? ' · 网上直办' : ''}
                          </Text>
                        </View>
                        <Text className="ppick__end" data-testid="service-change" onClick={() => setServiceCode('')}>
                          更换
                        </Text>
                      </View>
                    ) : (
                      <>
                        <TextInput
                          className="pform__input"
                          testId="service-filter"
                          value={filter}
                          placeholder="搜索事项，如：高龄津贴、助餐"
                          onChange={setFilter}
                        />
                        <StateView
                          loading={services.loading}
                          error={services.error}
                          onRetry={services.reload}
                          empty={!filtered.length}
                          emptyText="没有找到这个事项"
                        >
                          <View className="pservices" role="radiogroup">
                            {filtered.map((s) => (
                              <View
                                key={s.code}
                                role="radio"
                                aria-checked={false}
                                className="ppick"
                                data-testid={`service-${s.code}`}
                                onClick={() => setServiceCode(s.code)}
                              >
                                <View className="ppick__main">
                                  <Text>{s.name}</Text>
                                  <Text className="ppick__sub">
                                    {s.category}
                                    {s.onlineDirect ? ' · 网上直办' : ''}
                                  </Text>
                                </View>
                                <Text className="ppick__end">选择</Text>
                              </View>
                            ))}
                          </View>
                        </StateView>
                      </>
                    )}
                  </>
                ) : (
                  <Chips
                    options={ERRANDS.map((e) => ({ key: e, label: e }))}
                    value={undefined}
                    onChange={(e) => setDescription((d) => (d ? `${d}；${e}` : e))}
                    testIdPrefix="errand"
                  />
                )}
                <Textarea
                  className="pform__textarea"
                  data-testid="request-desc"
                  value={description}
                  maxlength={500}
                  placeholder={
                    kind === 'service'
                      ? '说明需要代办的情况，如：老人行动不便，请代为在线申请'
                      : '说明要办的事，如：代买降压药并送到家'
                  }
                  onInput={(e) => setDescription(e.detail.value)}
                />
              </View>
            </View>

            <View className="section" data-testid="consent-section">
              <Text className="section__title">3. 本人授权（必填）</Text>
              <View className="pform">
                <View className="pconsent" role="radiogroup">
                  {options.map((o) => (
                    <View
                      key={o.method}
                      role="radio"
                      aria-checked={o.method === method}
                      aria-disabled={!o.allowed}
                      className={`pconsent__opt${o.method === method ? ' pconsent__opt--on' : ''}${o.allowed ? '' : ' pconsent__opt--off'}`}
                      data-testid={`consent-${o.method}`}
                    >
                      <Text className="pconsent__name">
                        {o.method === method ? '◉ ' : '○ '}
                        {CONSENT_METHOD_NAMES[o.method]}
                      </Text>
                      <Text className="pconsent__explain">{o.explain}</Text>
                      {!o.allowed && !!choice && <Text className="pconsent__why">{o.reason}</Text>}
                    </View>
                  ))}
                </View>
                {!choice && <Text className="pform__hint">先选择为谁申请，系统会给出适用的授权方式。</Text>}
                {method && (
                  <>
                    <TextInput
                      className="pform__input"
                      testId="consent-note"
                      value={note}
                      maxLength={200}
                      placeholder={NOTE_HINT[method]}
                      onChange={setNote}
                    />
                    <View
                      role="checkbox"
                      aria-checked={given}
                      className={`pcheck${given ? ' pcheck--on' : ''}`}
                      data-testid="consent-given"
                      onClick={() => {
                        setGiven((g) => !g);
                        setError('');
                      }}
                    >
                      <Text className="pcheck__box">{given ? '✓' : ''}</Text>
                      <Text>
                        {method === 'in_app'
                          ? '我本人同意由红色代办员代为办理，并同意其在代办期间查看我的联系电话、住址和身份证号。'
                          : method === 'witnessed_signature'
                            ? `${choice?.name ?? '本人'}已在授权书上签字，我已当面见证；代办员仅在代办期间可查看其个人信息。`
                            : `我已征得${choice?.name ?? '家人'}本人同意，代为授权；代办员仅在代办期间可查看其个人信息。`}
                      </Text>
                    </View>
                  </>
                )}
              </View>
            </View>

            <View className="section">
              <Text className="section__title">4. 希望多久内有人认领（选填）</Text>
              <View className="pform">
                <Chips
                  options={DEADLINES.map((d) => ({ key: d.key, label: d.label }))}
                  value={deadline}
                  onChange={setDeadline}
                  testIdPrefix="deadline"
                />
                <Text className="pform__hint">超过时限仍无人认领，社区会收到提醒并安排。</Text>
              </View>
            </View>

            {!!error && (
              <View className="pform__error pnote" role="alert" data-testid="request-error">
                {error}
              </View>
            )}
            <View className="actions">
              <Button block type="primary" loading={saving} data-testid="request-submit" onClick={submit}>
                提交代办申请
              </Button>
            </View>
          </>
        )}
      </StateView>
    </View>
  );
}
