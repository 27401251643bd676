import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ApiError } from '../../../api/client';
import { movesFrom } from '@gridlink/shared/workflow';
import { AGENT_APPLICATION_WORKFLOW as AGENTS } from '@gridlink/shared/workflows/proxy';
import { approveAgent, listAgentApplications } from '../../../api/proxy';
import StatusTag from '../../../components/StatusTag';
import PagedList from '../../../components/PagedList';
import StateView from '../../../components/StateView';
import { usePaged } from '../../../components/usePaged';
import { useElderMode } from '../../../lib/elder';
import { formatShort } from '../../../lib/format';
import { canApprove } from '../../lib/rules';
import { useViewer } from '../../../components/useViewer';
import '../../components/proxy.css';

/** 代办员审批 (community staff): residents who asked to become red proxy agents. */
export default function ApprovalsPage() {
  const { elderClass } = useElderMode();
  const me = useViewer();
  const allowed = canApprove(me.data?.role);
  const list = usePaged((cursor) => listAgentApplications(cursor), [], allowed);
  const [approved, setApproved] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState('');

  usePullDownRefresh(() => {
    setApproved({});
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const approve = async (userId: string, name: string) => {
    if (busy) return;
    const answer = await Taro.showModal({
      title: '批准申请',
      content: `批准 ${name} 成为本社区的红色代办员？`,
      confirmText: '批准',
      cancelText: '再想想',
    });
    if (!answer.confirm) return;
    setBusy(userId);
    try {
      await approveAgent(userId);
      setApproved((a) => ({ ...a, [userId]: true }));
      Taro.showToast({ title: `${name} 已成为红色代办员`, icon: 'none' });
    } catch (e) {
      Taro.showToast({ title: (e as ApiError).message || '操作失败，请重试', icon: 'none' });
      if ((e as ApiError).status === 409) void list.reload();
    } finally {
      setBusy('');
    }
  };

  return (
    <View className={`page papprovals ${elderClass}`}>
      <StateView loading={me.loading && !me.data} error={me.data ? null : me.error} onRetry={me.reload}>
        {me.data && !allowed && <StateView empty emptyText="代办员审批由社区工作人员办理" />}
        {allowed && (
          <PagedList
            list={list}
            emptyText="暂无待审批的申请"
            testId="approvals-list"
            render={(a) => {
              const status = (approved[a.userId] ? 'approved' : a.status) as (typeof AGENTS.states)[number];
              const canApprove = movesFrom(AGENTS, status, [me.data!.role]).includes('approve');
              return (
                <View key={a.userId} className="card pcard" role="listitem" data-testid={`approval-${a.userId}`}>
                  <View className="pcard__head">
                    <Text className="pcard__kind">{a.name}</Text>
                    {a.partyMember ? <Text className="pcard__badge">党员</Text> : <Text className="stag">群众</Text>}
                  </View>
                  <Text className="pcard__desc">{a.reason}</Text>
                  <Text className="pcard__time">申请于 {formatShort(a.createdAt)}</Text>
                  <View className="pcard__actions">
                    {!canApprove ? (
                      <StatusTag workflow={AGENTS} status={status} testId={`approval-done-${a.userId}`} />
                    ) : (
                      <Button
                        size="small"
                        type="primary"
                        loading={busy === a.userId}
                        data-testid={`approve-${a.userId}`}
                        onClick={() => void approve(a.userId, a.name)}
                      >
                        {AGENTS.moves.approve.label}
                      </Button>
                    )}
                  </View>
                </View>
              );
            }}
          />
        )}
      </StateView>
    </View>
  );
}
