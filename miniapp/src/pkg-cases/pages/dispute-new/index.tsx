import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Grid } from '@gridlink/shared/grid';
import { newIdempotencyKey } from '../../../api/client';
import { getMe } from '../../../api/endpoints';
import { getRequest } from '../../../api/requests';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { DISPUTE_KIND_NAMES, PARTY_ROLE_NAMES, type DisputeKind } from '@gridlink/shared/names';
import { createDispute } from '../../api';
import { Block, Btn, Chips, Field, useSend } from '../../components/parts';
import UnitPicker from '../../components/UnitPicker';

type Role = keyof typeof PARTY_ROLE_NAMES;
interface PartyDraft {
  role: Role;
  name: string;
  contact: string;
}

/** 登记矛盾纠纷: type, parties (outsiders by name and phone), facts and place; or from a 邻里纠纷 request. */
export default function NewDisputePage() {
  const { params } = useRouter();
  const fromRequestId = params.fromRequestId;
  const setup = useAsync(async () => ({
    me: await getMe({ silent: true }),
    request: fromRequestId ? await getRequest(fromRequestId, { silent: true }) : undefined,
  }));
  const [kind, setKind] = useState<DisputeKind>('neighbor');
  const [facts, setFacts] = useState<string>();
  const [unit, setUnit] = useState<Grid>();
  const [parties, setParties] = useState<PartyDraft[]>(
    fromRequestId
      ? [{ role: 'respondent', name: '', contact: '' }]
      : [
          { role: 'applicant', name: '', contact: '' },
          { role: 'respondent', name: '', contact: '' },
        ],
  );
  const { errors, saving, send } = useSend();
  const key = useRef(newIdempotencyKey());
  const req = setup.data?.request;
  const offset = req ? 1 : 0; // the request's reporter is party 0 on the server
  const factsText = facts ?? req?.description ?? '';

  const edit = (i: number, patch: Partial<PartyDraft>) =>
    setParties((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const submit = async () => {
    const d = await send(
      () =>
        createDispute(
          {
            kind: req ? 'neighbor' : kind,
            facts: factsText.trim(),
            ...(unit ? { unitId: unit.id } : {}),
            parties: parties.map((p) => ({
              role: p.role,
              name: p.name.trim(),
              ...(p.contact.trim() ? { contact: p.contact.trim() } : {}),
            })),
            ...(fromRequestId ? { fromRequestId } : {}),
          },
          key.current,
        ),
      '已登记',
    );
    if (d) await Taro.redirectTo({ url: `/pkg-cases/pages/dispute/index?id=${d.id}` });
  };

  return (
    <View className="page">
      <StateView loading={setup.loading} error={setup.error} onRetry={setup.reload}>
        {req ? (
          <Block title="来自居民诉求" testId="from-request">
            <Text className="cnote">{req.description}</Text>
            <Text className="muted">
              申请人：{req.reporterName}（{req.unitName}）
            </Text>
          </Block>
        ) : (
          <Block title="纠纷类型">
            <Chips options={DISPUTE_KIND_NAMES} value={kind} onChange={setKind} testIdPrefix="kind" />
            <UnitPicker rootId={setup.data?.me.gridIds[0]} value={unit} onPick={setUnit} error={errors.unitId} />
          </Block>
        )}
        <Block title="当事人">
          {parties.map((p, i) => (
            <View key={i} data-testid={`party-${i}`}>
              <Chips
                options={PARTY_ROLE_NAMES}
                value={p.role}
                onChange={(role) => edit(i, { role })}
                testIdPrefix={`party-${i}-role`}
              />
              <View className="cparty">
                <Field
                  label="姓名"
                  value={p.name}
                  onChange={(name) => edit(i, { name })}
                  testId={`party-${i}-name`}
                  error={errors[`parties.${i}.name`]}
                />
                <Field
                  label="联系电话"
                  value={p.contact}
                  onChange={(contact) => edit(i, { contact })}
                  testId={`party-${i}-contact`}
                  error={errors[`parties.${i}.contact`]}
                />
                {parties.length > 1 && (
                  <Text className="cparty__del" onClick={() => setParties((ps) => ps.filter((_, j) => j !== i))}>
                    删除
                  </Text>
                )}
              </View>
            </View>
          ))}
          {errors.parties && <Text className="field__error">{errors.parties}</Text>}
          {parties.length < 10 - offset && (
            <Btn
              testId="add-party"
              onTap={() => setParties((ps) => [...ps, { role: 'respondent', name: '', contact: '' }])}
            >
              添加当事人
            </Btn>
          )}
        </Block>
        <Block title="纠纷事实">
          <Field
            label="事实经过（当事人、起因、诉求）"
            value={factsText}
            onChange={setFacts}
            multiline
            testId="facts"
            error={errors.facts}
          />
        </Block>
        {errors[''] && (
          <Text className="form__error" data-testid="form-error">
            {errors['']}
          </Text>
        )}
        <View className="cbtns">
          <Btn primary testId="dispute-submit" disabled={saving} onTap={submit}>
            {saving ? '提交中…' : '登记'}
          </Btn>
        </View>
      </StateView>
    </View>
  );
}
