import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import StateView from '../../../components/StateView';
import { formatTime } from '../../../lib/format';
import {
  CONSENT_METHOD_NAMES,
  HANDLING_CHANNEL_NAMES,
  KEY_CASE_KIND_NAMES,
  LEVEL_NAMES,
  PETITION_CHANNEL_NAMES,
  PETITION_SOURCE_NAMES,
  RATING_NAMES,
} from '@gridlink/shared/names';
import { movesFrom } from '@gridlink/shared/workflow';
import { PETITION_WORKFLOW } from '@gridlink/shared/workflows/cases';
import { STAFF } from '@gridlink/shared/workflows/roles';
import type { Me } from '@gridlink/shared/me';
import { actOnPetition, getPetition, type Petition, type PetitionMove as Panel } from '../../api';
import {
  Block,
  MoveBlock,
  MoveButtons,
  useCase,
  CaseTimeline,
  Chips,
  Field,
  useSend,
  PetitionTag,
  Row,
} from '../../components/parts';

const title = (p: Panel) => PETITION_WORKFLOW.moves[p].label;

/**
 * The moves the table allows this reader from the petition's status: by role for staff, as the
 * petitioner or the proxy acting for them (回访评价) otherwise. System moves need 'system'.
 */
export function petitionMoves(p: Petition, me: Pick<Me, 'id' | 'role'>): Panel[] {
  const as = [
    me.role,
    ...(p.petitioner.userId === me.id ? ['petitioner'] : []),
    ...(p.proxy?.id === me.id ? ['proxy'] : []),
  ];
  return movesFrom(PETITION_WORKFLOW, p.status, as) as Panel[];
}
const STARS = {
  '5': RATING_NAMES[5],
  '4': RATING_NAMES[4],
  '3': RATING_NAMES[3],
  '2': RATING_NAMES[2],
  '1': RATING_NAMES[1],
};

function MoveForm({ p, panel, done, asStaff }: { p: Petition; panel: Panel; done: () => void; asStaff: boolean }) {
  const [f, setF] = useState({ note: '', reply: '', leaderName: '', plan: '', comment: '' });
  const [channel, setChannel] = useState<'online' | 'offline'>('offline');
  const [kind, setKind] = useState<'key_person' | 'backlog'>('key_person');
  const [stars, setStars] = useState<keyof typeof STARS>();
  const { errors, saving, send } = useSend();
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const submit = async () => {
    const version = p.version;
    const note = f.note.trim() ? { note: f.note.trim() } : {};
    const post = async () => {
      if (panel === 'accept' || panel === 'escalate') await actOnPetition(p.id, panel, { ...note, version });
      if (panel === 'progress') await actOnPetition(p.id, 'progress', { channel, note: f.note, version });
      if (panel === 'reply') await actOnPetition(p.id, 'reply', { reply: f.reply, channel, version });
      if (panel === 'flagKey')
        await actOnPetition(p.id, 'flagKey', { kind, leaderName: f.leaderName, plan: f.plan, version });
      if (panel === 'rate')
        await actOnPetition(p.id, 'rate', {
          stars: Number(stars ?? 0),
          ...(f.comment ? { comment: f.comment } : {}),
          version,
        });
      return true;
    };
    if (await send(post, '已保存')) done();
  };
  return (
    <MoveBlock title={title(panel)} panel={panel} error={errors['']} saving={saving} onSubmit={submit}>
      {(panel === 'progress' || panel === 'reply') && (
        <Chips options={HANDLING_CHANNEL_NAMES} value={channel} onChange={setChannel} testIdPrefix="f-channel" />
      )}
      {(panel === 'accept' || panel === 'escalate' || panel === 'progress') && (
        <Field
          label={panel === 'progress' ? '办理情况' : '说明（可选）'}
          value={f.note}
          onChange={set('note')}
          multiline
          testId="f-note"
          error={errors.note}
        />
      )}
      {panel === 'reply' && (
        <Field
          label="答复意见"
          value={f.reply}
          onChange={set('reply')}
          multiline
          testId="f-reply"
          error={errors.reply}
        />
      )}
      {panel === 'flagKey' && (
        <>
          <Chips options={KEY_CASE_KIND_NAMES} value={kind} onChange={setKind} testIdPrefix="f-kind" />
          <Field
            label="包案领导"
            value={f.leaderName}
            onChange={set('leaderName')}
            testId="f-leader"
            error={errors.leaderName}
          />
          <Field label="化解方案" value={f.plan} onChange={set('plan')} multiline testId="f-plan" error={errors.plan} />
        </>
      )}
      {panel === 'rate' && (
        <>
          {asStaff && <Text className="muted">信访人线下评价，由工作人员代为记录</Text>}
          <Chips options={STARS} value={stars} onChange={setStars} testIdPrefix="f-stars" />
          {errors.stars && <Text className="field__error">请选择满意程度</Text>}
          <Field label="意见（可选）" value={f.comment} onChange={set('comment')} testId="f-comment" />
        </>
      )}
    </MoveBlock>
  );
}

export default function PetitionPage() {
  const { data, item: p, me, panel, setPanel, done } = useCase<Petition, Panel>(getPetition);
  const staff = !!me && STAFF.includes(me.role);
  const panels = p && me ? petitionMoves(p, me) : [];
  return (
    <View className="page">
      <StateView loading={data.loading && !p} error={p ? null : data.error} onRetry={data.reload}>
        {p && (
          <>
            <Block testId="petition-head">
              <View className="ccard__head">
                <Text className="ccard__title">{p.subject}</Text>
                <PetitionTag status={p.status} />
              </View>
              {p.keyCase && (
                <Text className="stag ctag--key" data-testid="petition-key">
                  {KEY_CASE_KIND_NAMES[p.keyCase.kind]}
                </Text>
              )}
              <Row
                label="办理层级"
                testId="petition-level"
              >{`${LEVEL_NAMES[p.level]}级${p.escalations ? `（已上报 ${p.escalations} 次）` : ''}`}</Row>
              <Row label="来源">{`${PETITION_SOURCE_NAMES[p.source]} · ${PETITION_CHANNEL_NAMES[p.channel]}`}</Row>
              <Row label="事发单元">{p.unitName}</Row>
              {p.dueAt && <Row label="办理时限">{`${formatTime(p.dueAt)}${p.overdue ? '（已超期）' : ''}`}</Row>}
            </Block>
            <Block title="信访人" testId="petition-petitioner">
              <Row label="姓名">{p.petitioner.name}</Row>
              {p.petitioner.contact && <Row label="联系电话">{p.petitioner.contact}</Row>}
              {p.proxy && (
                <Row label="代理代办">{`${p.proxy.name}（${CONSENT_METHOD_NAMES[p.proxy.consent.method]}）`}</Row>
              )}
            </Block>
            {p.content && (
              <Block title="诉求和理由">
                <Text className="cnote">{p.content}</Text>
              </Block>
            )}
            {p.keyCase?.plan && (
              <Block title="包案化解" testId="petition-keycase">
                <Row label="包案领导">{p.keyCase.leaderName}</Row>
                <Text className="cnote">{p.keyCase.plan}</Text>
              </Block>
            )}
            {p.reply && (
              <Block title="答复意见" testId="petition-reply">
                <Row label="答复">{`${p.reply.by.name}（${LEVEL_NAMES[p.reply.level]}级，${HANDLING_CHANNEL_NAMES[p.reply.channel]}）`}</Row>
                <Text className="cnote">{p.reply.text}</Text>
              </Block>
            )}
            {p.rating && (
              <Block title="满意度" testId="petition-rating">
                <Text className="cnote">{`${RATING_NAMES[p.rating.stars]}${p.rating.comment ? `：${p.rating.comment}` : ''}`}</Text>
              </Block>
            )}
            <MoveButtons
              moves={panels}
              open={panel}
              onOpen={setPanel}
              label={(x) => (x === 'rate' && staff ? '代为记录评价' : title(x))}
              testId="petition-actions"
            />
            {panel && panels.includes(panel) && (
              <MoveForm key={`${panel}-${p.version}`} p={p} panel={panel} asStaff={staff} done={done} />
            )}
            <CaseTimeline events={p.timeline} kind="petition" title="办理过程（线上线下同步）" />
          </>
        )}
      </StateView>
    </View>
  );
}
