import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Grid } from '@gridlink/shared/grid';
import { newIdempotencyKey } from '../../../api/client';
import { getMe } from '../../../api/endpoints';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { CONSENT_METHOD_NAMES, PETITION_CHANNEL_NAMES } from '@gridlink/shared/names';
import { createPetition } from '../../api';
import { Block, Btn, Chips, Field, useSend } from '../../components/parts';
import UnitPicker from '../../components/UnitPicker';

type Channel = keyof typeof PETITION_CHANNEL_NAMES;
type ConsentMethod = keyof typeof CONSENT_METHOD_NAMES;

/**
 * 登记信访: a grid worker at the first visit, the street forwarding one, or — 代理代办 — an agent or
 * grid worker acting for the petitioner with consent (?petitionerId=&proxyTaskId= from a proxy task).
 */
export default function NewPetitionPage() {
  const { params } = useRouter();
  const me = useAsync(() => getMe({ silent: true }));
  const agent = me.data?.role === 'agent';
  const [f, setF] = useState({ subject: '', content: '', name: '', contact: '', consentNote: '' });
  const [channel, setChannel] = useState<Channel>('visit');
  const [unit, setUnit] = useState<Grid>();
  const [proxy, setProxy] = useState(false);
  const [method, setMethod] = useState<ConsentMethod>();
  const { errors, saving, send } = useSend();
  const key = useRef(newIdempotencyKey());
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const byProxy = agent || proxy;

  const submit = async () => {
    const p = await send(
      () =>
        createPetition(
          {
            subject: f.subject.trim(),
            content: f.content.trim(),
            channel,
            unitId: unit?.id as string, // missing → the server says 必填
            petitioner: params.petitionerId
              ? { userId: params.petitionerId }
              : { name: f.name.trim(), ...(f.contact.trim() ? { contact: f.contact.trim() } : {}) },
            ...(byProxy
              ? {
                  byProxy: {
                    consent: {
                      given: true,
                      method: method as ConsentMethod,
                      ...(f.consentNote ? { note: f.consentNote } : {}),
                    },
                    ...(params.proxyTaskId ? { proxyTaskId: params.proxyTaskId } : {}),
                  },
                }
              : {}),
          },
          key.current,
        ),
      '已登记',
    );
    if (p) await Taro.redirectTo({ url: `/pkg-cases/pages/petition/index?id=${p.id}` });
  };

  return (
    <View className="page">
      <StateView loading={me.loading} error={me.error} onRetry={me.reload}>
        <Block title="信访事项">
          <Field
            label="事项概要"
            value={f.subject}
            onChange={set('subject')}
            testId="p-subject"
            error={errors.subject}
            placeholder="如：小区停车位被长期占用"
          />
          <Field
            label="诉求和理由"
            value={f.content}
            onChange={set('content')}
            testId="p-content"
            error={errors.content}
            multiline
          />
          <Text className="field__label">信访形式</Text>
          <Chips options={PETITION_CHANNEL_NAMES} value={channel} onChange={setChannel} testIdPrefix="p-channel" />
          <UnitPicker rootId={me.data?.gridIds[0]} value={unit} onPick={setUnit} error={errors.unitId} />
        </Block>
        <Block title="信访人">
          {params.petitionerId ? (
            <Text className="cnote">代办对象（由代办任务带入）</Text>
          ) : (
            <>
              <Field
                label="姓名"
                value={f.name}
                onChange={set('name')}
                testId="p-name"
                error={errors['petitioner.name']}
              />
              <Field
                label="联系电话"
                value={f.contact}
                onChange={set('contact')}
                testId="p-contact"
                error={errors['petitioner.contact']}
              />
            </>
          )}
          {!agent && (
            <Chips
              options={{ yes: '代理代办（本人委托网格员代为反映）' }}
              value={proxy ? 'yes' : undefined}
              onChange={() => setProxy(!proxy)}
              testIdPrefix="p-proxy"
            />
          )}
          {byProxy && (
            <>
              <Text className="field__label">授权方式</Text>
              <Chips options={CONSENT_METHOD_NAMES} value={method} onChange={setMethod} testIdPrefix="p-consent" />
              {(errors['byProxy.consent.method'] || errors.byProxy) && (
                <Text className="field__error">{errors['byProxy.consent.method'] ?? errors.byProxy}</Text>
              )}
              <Field
                label="授权说明（可选）"
                value={f.consentNote}
                onChange={set('consentNote')}
                testId="p-consent-note"
              />
            </>
          )}
        </Block>
        {errors[''] && (
          <Text className="form__error" data-testid="form-error">
            {errors['']}
          </Text>
        )}
        <View className="cbtns">
          <Btn primary testId="petition-submit" disabled={saving} onTap={submit}>
            {saving ? '提交中…' : '登记'}
          </Btn>
        </View>
      </StateView>
    </View>
  );
}
