import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import StateView from '../../../components/StateView';
import { formatTime, todayCn } from '../../../lib/format';
import {
  DISPUTE_KIND_NAMES,
  LEVEL_NAMES,
  PARTY_ROLE_NAMES,
  REFERRAL_NAMES,
  type Referral,
} from '@gridlink/shared/names';
import { movesFrom } from '@gridlink/shared/workflow';
import { DISPUTE_WORKFLOW } from '@gridlink/shared/workflows/cases';
import { actOnDispute, getDispute, type Dispute, type DisputeMove as Panel } from '../../api';
import {
  Block,
  Btn,
  MoveBlock,
  MoveButtons,
  useCase,
  CaseTimeline,
  Chips,
  DisputeTag,
  Field,
  useSend,
  Row,
} from '../../components/parts';

const title = (p: Panel) => DISPUTE_WORKFLOW.moves[p].label;
const names = (s: string) =>
  s
    .split(/[,，、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The form of one move; posts it with the version read. */
function MoveForm({ d, panel, done }: { d: Dispute; panel: Panel; done: () => void }) {
  const [f, setF] = useState<Record<string, string>>({
    date: todayCn(),
    place: '',
    participants: d.parties.map((p) => p.name).join('、'),
    notes: '',
    terms: '',
    performBy: '',
    note: '',
    referralNote: '',
  });
  const [signed, setSigned] = useState(false);
  const [fulfilled, setFulfilled] = useState<'yes' | 'no'>();
  const [referral, setReferral] = useState<Referral>();
  const { errors, saving, send } = useSend();
  const set = (k: string) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const field = (k: string, label: string, multiline = false, placeholder?: string) => (
    <Field
      label={label}
      value={f[k]}
      onChange={set(k)}
      testId={`f-${k}`}
      error={errors[k]}
      multiline={multiline}
      placeholder={placeholder}
    />
  );
  const submit = async () => {
    const version = d.version;
    const post = async () => {
      if (panel === 'session')
        await actOnDispute(d.id, 'session', {
          date: f.date.trim(),
          place: f.place,
          participants: names(f.participants),
          notes: f.notes,
          version,
        });
      if (panel === 'escalate') await actOnDispute(d.id, 'escalate', { ...(f.note ? { note: f.note } : {}), version });
      if (panel === 'agree')
        await actOnDispute(d.id, 'agree', {
          terms: f.terms,
          ...(f.performBy ? { performBy: f.performBy.trim() } : {}),
          signedByAll: signed as true,
          version,
        });
      if (panel === 'fail')
        await actOnDispute(d.id, 'fail', {
          referral: referral as Referral,
          ...(f.referralNote ? { referralNote: f.referralNote } : {}),
          note: f.note,
          version,
        });
      if (panel === 'close')
        await actOnDispute(d.id, 'close', {
          note: f.note,
          ...(fulfilled ? { fulfilled: fulfilled === 'yes' } : {}),
          version,
        });
      return true;
    };
    if (await send(post, '已保存')) done();
  };
  return (
    <MoveBlock title={title(panel)} panel={panel} error={errors['']} saving={saving} onSubmit={submit}>
      {panel === 'session' && (
        <>
          {field('date', '调解日期', false, 'YYYY-MM-DD')}
          {field('place', '调解地点', false, '如：1号楼网格议事点')}
          {field('participants', '参加人（用顿号分隔）')}
          {field('notes', '调解情况', true)}
        </>
      )}
      {panel === 'escalate' && field('note', '提交原因', true)}
      {panel === 'agree' && (
        <>
          {field('terms', '协议内容（逐条写明各方权利义务）', true)}
          {field('performBy', '履行期限（可选）', false, 'YYYY-MM-DD')}
          <Chips
            options={{ yes: '各方当事人已在协议书上签字' }}
            value={signed ? 'yes' : undefined}
            onChange={() => setSigned(!signed)}
            testIdPrefix="f-signed"
          />
          {errors.signedByAll && <Text className="field__error">{errors.signedByAll}</Text>}
        </>
      )}
      {panel === 'fail' && (
        <>
          <Text className="field__label">引导至</Text>
          <Chips options={REFERRAL_NAMES} value={referral} onChange={setReferral} testIdPrefix="f-referral" />
          {errors.referral && <Text className="field__error">请选择引导去向</Text>}
          {field('referralNote', '承接人（如兼职律师、民警姓名，可选）')}
          {field('note', '调解未成的原因', true)}
        </>
      )}
      {panel === 'close' && (
        <>
          {d.status === 'agreed' && (
            <Chips
              options={{ yes: '协议已履行', no: '协议未履行' }}
              value={fulfilled}
              onChange={setFulfilled}
              testIdPrefix="f-fulfilled"
            />
          )}
          {errors.fulfilled && <Text className="field__error">{errors.fulfilled}</Text>}
          {field('note', '回访情况', true)}
        </>
      )}
    </MoveBlock>
  );
}

export default function DisputePage() {
  const { data, item: d, me, panel, setPanel, done } = useCase<Dispute, Panel>(getDispute);
  /** the moves the table allows this role from the dispute's status (登记 is on its own page) */
  const moves = d && me ? (movesFrom(DISPUTE_WORKFLOW, d.status, [me.role]) as Panel[]) : [];
  return (
    <View className="page">
      <StateView loading={data.loading && !d} error={d ? null : data.error} onRetry={data.reload}>
        {d && (
          <>
            <Block testId="dispute-head">
              <View className="ccard__head">
                <Text className="ccard__title">{DISPUTE_KIND_NAMES[d.kind]}</Text>
                <DisputeTag status={d.status} />
              </View>
              <Row label="调解层级">{LEVEL_NAMES[d.level]}级</Row>
              <Row label="事发单元">{d.unitName}</Row>
              <Row label="登记">{`${d.registeredBy.name} ${formatTime(d.createdAt)}`}</Row>
              {d.fromRequestId && <Row label="来源">居民诉求转入</Row>}
            </Block>
            <Block title="当事人" testId="dispute-parties">
              {d.parties.map((p, i) => (
                <Row key={i} label={PARTY_ROLE_NAMES[p.role]}>{`${p.name}${p.contact ? ` ${p.contact}` : ''}`}</Row>
              ))}
            </Block>
            {d.facts && (
              <Block title="纠纷事实">
                <Text className="cnote">{d.facts}</Text>
              </Block>
            )}
            {!!d.sessions?.length && (
              <Block title={`调解记录（${d.sessions.length} 次）`} testId="dispute-sessions">
                {d.sessions.map((s) => (
                  <View key={s.id} className="cstep">
                    <Text className="cstep__head">{`${s.date} · ${s.place}`}</Text>
                    <Text className="cstep__meta">{`调解人 ${s.by.name}（${LEVEL_NAMES[s.level]}级）· 参加人 ${s.participants.join('、')}`}</Text>
                    <Text className="cstep__note">{s.notes}</Text>
                  </View>
                ))}
              </Block>
            )}
            {d.agreement && (
              <Block title="调解协议" testId="dispute-agreement">
                <Row label="协议编号">{d.agreement.number}</Row>
                <Row label="调解人">{`${d.mediator?.name ?? ''}（${d.mediator ? LEVEL_NAMES[d.mediator.level] : ''}级）`}</Row>
                <Text className="cnote">{d.agreement.terms}</Text>
                <Btn
                  testId="open-agreement"
                  onTap={() => Taro.navigateTo({ url: `/pkg-cases/pages/agreement/index?id=${d.id}` })}
                >
                  查看调解协议书
                </Btn>
              </Block>
            )}
            {d.referral && (
              <Block title="调解未成 · 分流" testId="dispute-referral">
                <Row label="引导至">{REFERRAL_NAMES[d.referral.to]}</Row>
                {d.referral.note && <Row label="承接人">{d.referral.note}</Row>}
                <Row label="原因">{d.referral.reason}</Row>
              </Block>
            )}
            {d.followUp && (
              <Block title="回访" testId="dispute-followup">
                {d.followUp.fulfilled !== undefined && (
                  <Row label="协议履行">{d.followUp.fulfilled ? '已履行' : '未履行'}</Row>
                )}
                <Text className="cnote">{d.followUp.note}</Text>
              </Block>
            )}
            <MoveButtons moves={moves} open={panel} onOpen={setPanel} label={title} testId="dispute-actions" />
            {panel && moves.includes(panel) && (
              <MoveForm key={`${panel}-${d.version}`} d={d} panel={panel} done={done} />
            )}
            <CaseTimeline events={d.timeline} kind="dispute" title="办理过程" />
          </>
        )}
      </StateView>
    </View>
  );
}
