import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { GoButton } from '../../../components/Controls';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Me } from '@gridlink/shared/me';
import { createApplication, getService, type ServiceDef } from '../../../api/applications';
import { getMe } from '../../../api/endpoints';
import { getToken } from '../../../api/session';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useElderMode } from '../../../lib/elder';
import { promisedText } from '../../../lib/format';
import { rememberService } from '../../../lib/recent';
import { askSubscribe, SUBSCRIBE_ON } from '../../../config/subscribe';
import ServiceForm from '../../components/ServiceForm';
import { initialValues, useServiceForm } from '../../components/form';
import '../../components/page.css';

const APPLY_ROLES = ['resident', 'agent'];

function scrollToField(name: string) {
  const scroll = (Taro as { pageScrollTo?: (o: object) => unknown }).pageScrollTo;
  try {
    void Promise.resolve(scroll?.({ selector: `#field-${name}`, duration: 200 })).catch(() => undefined);
  } catch {
    // not on this platform
  }
}

/** What the resident reads before filling in: what it is, what to prepare, how long it takes. */
function ServiceInfo({ service: s }: { service: ServiceDef }) {
  return (
    <>
      <View className="svc-head">
        <Text className="svc-head__name" data-testid="service-name">
          {s.name}
        </Text>
        <View className="svc-head__meta">
          <Text className="svc-badge">{s.category}</Text>
          {s.onlineDirect && <Text className="svc-badge svc-badge--direct">网上直办</Text>}
          <Text data-testid="service-days">{promisedText(s.promisedDays)}</Text>
        </View>
        <Text className="svc-head__desc">{s.description}</Text>
      </View>
      <View className="section">
        <Text className="section__title">需准备的材料</Text>
        <View className="svc-list" data-testid="service-materials">
          {s.materials.map((m, i) => (
            <Text key={m} className="svc-list__item">{`${i + 1}. ${m}`}</Text>
          ))}
        </View>
        <Text className="svc-note">
          {s.onlineDirect
            ? '网上直办：提交后即时办结，办结凭证可在“我的办件”中随时出示。'
            : `提交后由社区便民服务站审核，${s.promisedDays === 0 ? '当日办结' : `承诺 ${s.promisedDays} 个工作日内办结`}；材料不全会退回补正。`}
        </Text>
      </View>
    </>
  );
}

interface Behalf {
  /** the recipient a red proxy agent (or family) applies for */
  onBehalfOf?: string;
  /** the proxy task it belongs to (the result page leads back to it) */
  taskId?: string;
}

function ApplyForm({ service, me, behalf }: { service: ServiceDef; me?: Me; behalf: Behalf }) {
  // acting for someone else: their details, not the agent's, go in the form
  const form = useServiceForm(service.fields, () =>
    initialValues(service.fields, undefined, behalf.onBehalfOf ? undefined : me),
  );
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const submit = async () => {
    if (busy) return;
    setProblem('');
    const checked = form.validate();
    if (!checked.data || !checked.idempotencyKey) {
      setProblem('还有内容没有填好，请按红字提示修改');
      const first = service.fields.find((f) => checked.errors[f.name]);
      if (first) scrollToField(first.name);
      return;
    }
    // WeChat asks only from a tap: now, while the application is sent (weapp; a refusal changes nothing)
    const asked = askSubscribe(SUBSCRIBE_ON.application);
    setBusy(true);
    try {
      const app = await createApplication(
        {
          serviceCode: service.code,
          form: checked.data,
          ...(behalf.onBehalfOf ? { onBehalfOf: behalf.onBehalfOf } : {}),
        },
        checked.idempotencyKey,
      );
      await asked;
      Taro.showToast({ title: app.status === 'completed' ? '已办结' : '已提交', icon: 'success' });
      const back = behalf.taskId ? `&taskId=${encodeURIComponent(behalf.taskId)}` : '';
      await Taro.redirectTo({ url: `/pkg-services/pages/result/index?id=${encodeURIComponent(app.id)}${back}` });
    } catch (e) {
      setProblem(form.failed(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section">
      <Text className="section__title">填写申请</Text>
      {behalf.onBehalfOf && (
        <Text className="svc-note svc-note--behalf" data-testid="apply-behalf">
          代办申请：将以被帮扶对象本人的名义提交，请填写老人（被帮扶对象）的信息。
        </Text>
      )}
      <ServiceForm
        fields={service.fields}
        values={form.values}
        errors={form.errors}
        previews={form.previews}
        onChange={form.setValue}
        onPreview={form.addPreview}
        disabled={busy}
      />
      {problem && (
        <View className="svc-problem" role="alert" data-testid="apply-error">
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
          data-testid="apply-submit"
          onClick={submit}
        >
          {service.onlineDirect ? '提交并办结' : '提交申请'}
        </Button>
      </View>
    </View>
  );
}

/** Why this user cannot apply here, with the way forward. */
function CannotApply({ me, code }: { me?: Me; code: string }) {
  if (!me) {
    const redirect = encodeURIComponent(`/pkg-services/pages/service/index?code=${code}`);
    return (
      <View className="actions">
        <Text className="svc-note">登录后即可在线办理</Text>
        <GoButton to={`/pages/login/index?redirect=${redirect}`} size="large" testId="apply-login">
          登录后办理
        </GoButton>
      </View>
    );
  }
  if (!APPLY_ROLES.includes(me.role)) {
    return (
      <View className="actions">
        <Text className="svc-note" data-testid="apply-staff">
          办事申请由居民本人或红色代办员提交，工作人员请在“审核队列”中处理。
        </Text>
      </View>
    );
  }
  return (
    <View className="actions">
      <Text className="svc-note" data-testid="apply-unbound">
        您还没有绑定居住单元，绑定后才能确定受理社区。
      </Text>
      <GoButton to="/pages/bind/index" size="large" testId="apply-bind">
        去绑定单元
      </GoButton>
    </View>
  );
}

export default function ServicePage() {
  const { params } = useRouter();
  const code = params.code ?? '';
  const { elderClass } = useElderMode();
  const signedIn = !!getToken();
  const service = useAsync(() => getService(code, { silent: true }), [code], !!code);
  const me = useAsync(() => getMe({ silent: true }), [signedIn], signedIn);

  const behalf: Behalf = { onBehalfOf: params.onBehalfOf || undefined, taskId: params.taskId || undefined };
  useEffect(() => {
    if (code && !behalf.onBehalfOf) rememberService(code);
  }, [code, behalf.onBehalfOf]);
  useEffect(() => {
    if (service.data) Taro.setNavigationBarTitle?.({ title: service.data.name })?.catch?.(() => undefined);
  }, [service.data]);

  const user = me.data;
  // the applicant's unit decides the community: one's own, or the recipient's when acting for them
  const canApply = !!user && APPLY_ROLES.includes(user.role) && (!!user.unitId || !!behalf.onBehalfOf);
  return (
    <View className={`page svc ${elderClass}`}>
      <StateView
        loading={service.loading || (signedIn && me.loading)}
        error={code ? (service.error ?? me.error) : new Error('没有指定办理事项')}
        onRetry={() => void Promise.all([service.reload(), signedIn ? me.reload() : undefined])}
      >
        {service.data && (
          <>
            <ServiceInfo service={service.data} />
            {canApply ? (
              <ApplyForm service={service.data} me={user} behalf={behalf} />
            ) : (
              <CannotApply me={user} code={code} />
            )}
          </>
        )}
      </StateView>
    </View>
  );
}
