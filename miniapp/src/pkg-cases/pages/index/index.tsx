import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getMe } from '../../../api/endpoints';
import { listRequests } from '../../../api/requests';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import PagedList from '../../../components/PagedList';
import { usePaged } from '../../../components/usePaged';
import { useReloadOnShow } from '../../../components/useReloadOnShow';
import { formatShort } from '../../../lib/format';
import {
  DISPUTE_KIND_NAMES,
  KEY_CASE_KIND_NAMES,
  LEVEL_NAMES,
  PETITION_SOURCE_NAMES,
  type Role,
} from '@gridlink/shared/names';
import { isOpenState, mayMove } from '@gridlink/shared/workflow';
import { DISPUTE_WORKFLOW, PETITION_WORKFLOW } from '@gridlink/shared/workflows/cases';
import { listCases, type CaseKind, type CaseView, type Dispute, type Petition } from '../../api';
import { Btn, DisputeTag, PetitionTag } from '../../components/parts';

const COMMUNITY_ROLES: Role[] = ['grid_leader', 'community_admin'];
const go = (url: string) => Taro.navigateTo({ url });

function DisputeCard({ d }: { d: Dispute }) {
  return (
    <View
      className="card ccard"
      role="listitem"
      data-testid={`dispute-${d.id}`}
      onClick={() => go(`/pkg-cases/pages/dispute/index?id=${d.id}`)}
    >
      <View className="ccard__head">
        <Text className="ccard__title">{DISPUTE_KIND_NAMES[d.kind]}</Text>
        <DisputeTag status={d.status} />
      </View>
      <Text>{d.parties.map((p) => p.name).join(' 与 ')}</Text>
      <View className="ccard__meta">
        <Text>{formatShort(d.createdAt)}</Text>
        <Text>{d.unitName}</Text>
        <Text>{LEVEL_NAMES[d.level]}级调解</Text>
      </View>
    </View>
  );
}

function PetitionCard({ p }: { p: Petition }) {
  return (
    <View
      className="card ccard"
      role="listitem"
      data-testid={`petition-${p.id}`}
      onClick={() => go(`/pkg-cases/pages/petition/index?id=${p.id}`)}
    >
      <View className="ccard__head">
        <Text className="ccard__title">{p.subject}</Text>
        <View>
          <PetitionTag status={p.status} />
          {p.keyCase && <Text className="stag ctag--key">{KEY_CASE_KIND_NAMES[p.keyCase.kind]}</Text>}
        </View>
      </View>
      <View className="ccard__meta">
        <Text>{formatShort(p.createdAt)}</Text>
        <Text>信访人 {p.petitioner.name}</Text>
        <Text>{PETITION_SOURCE_NAMES[p.source]}</Text>
        <Text>{LEVEL_NAMES[p.level]}级办理</Text>
        {p.overdue && isOpenState(PETITION_WORKFLOW, p.status) && <Text className="field__error">已超期</Text>}
      </View>
    </View>
  );
}

/** 邻里纠纷 requests in the worker's inbox that can be opened as a dispute. */
function FromRequests() {
  const reqs = useAsync(async () =>
    (await listRequests({ view: 'inbox', limit: 50 }, { silent: true })).items.filter(
      (r) => r.category === 'neighbor-dispute' && r.status !== 'rejected' && r.status !== 'closed',
    ),
  );
  if (!reqs.data?.length) return null;
  return (
    <View data-testid="from-requests">
      <Text className="section__title">邻里纠纷诉求（可转为调解）</Text>
      {reqs.data.map((r) => (
        <View
          key={r.id}
          className="card ccard"
          data-testid={`from-request-${r.id}`}
          onClick={() => go(`/pkg-cases/pages/dispute-new/index?fromRequestId=${r.id}`)}
        >
          <Text className="ccard__title">{r.description}</Text>
          <View className="ccard__meta">
            <Text>{r.reporterName}</Text>
            <Text>{r.unitName}</Text>
            <Text>转为纠纷调解 ›</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/** Staff: the grid's worklist (or the whole community); residents and agents: 我的纠纷与信访. */
export default function CasesHome() {
  const { params } = useRouter();
  const me = useAsync(() => getMe({ silent: true }));
  const role = me.data?.role;
  /** staff register cases and work the grid's list; residents and agents see their own */
  const staff = !!role && mayMove(DISPUTE_WORKFLOW, 'register', [role]);
  const [kind, setKind] = useState<CaseKind>(params.tab === 'petition' ? 'petition' : 'dispute');
  const [scope, setScope] = useState<CaseView>('inbox');
  const view: CaseView = staff ? scope : 'mine';
  const list = usePaged<Dispute | Petition>(
    (cursor) => listCases(kind, view, cursor, { silent: true }),
    [kind, view],
    !!role,
  );
  useReloadOnShow(list.reload);

  return (
    <View className="page">
      <StateView loading={me.loading} error={me.error} onRetry={me.reload}>
        <View className="ctabs" role="tablist">
          <View
            role="tab"
            className={`ctab${kind === 'dispute' ? ' ctab--on' : ''}`}
            data-testid="tab-dispute"
            onClick={() => setKind('dispute')}
          >
            矛盾纠纷
          </View>
          <View
            role="tab"
            className={`ctab${kind === 'petition' ? ' ctab--on' : ''}`}
            data-testid="tab-petition"
            onClick={() => setKind('petition')}
          >
            信访事项
          </View>
        </View>
        {staff && (
          <View className="cbtns">
            <Btn primary testId="new-case" onTap={() => go(`/pkg-cases/pages/${kind}-new/index`)}>
              {kind === 'dispute' ? '登记纠纷' : '登记信访'}
            </Btn>
            {role && COMMUNITY_ROLES.includes(role) && (
              <Btn testId="toggle-scope" onTap={() => setScope(scope === 'inbox' ? 'community' : 'inbox')}>
                {scope === 'inbox' ? '看社区全部' : '看待办'}
              </Btn>
            )}
            <Btn testId="open-stats" onTap={() => go('/pkg-cases/pages/stats/index')}>
              统计
            </Btn>
          </View>
        )}
        {staff && kind === 'dispute' && <FromRequests />}
        <Text className="section__title">
          {staff ? (scope === 'inbox' ? '本网格待办' : '社区全部') : kind === 'dispute' ? '我参与的纠纷' : '我的信访'}
        </Text>
        <PagedList
          list={list}
          emptyText={kind === 'dispute' ? '暂无纠纷' : '暂无信访事项'}
          testId="case-list"
          render={(c) =>
            'subject' in c ? <PetitionCard key={c.id} p={c} /> : <DisputeCard key={c.id} d={c as Dispute} />
          }
        />
      </StateView>
    </View>
  );
}
