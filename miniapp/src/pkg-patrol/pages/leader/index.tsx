import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useReloadOnShow } from '../../../components/useReloadOnShow';
import { activePatrols, callWorker, decideLeave, listLeaves } from '../../api';
import { Block, Btn, hm, useSend } from '../../components/ui';

/** For leaders: patrols under way in scope (track, 点调), and the leave requests waiting for the community. */
export default function LeaderPage() {
  const data = useAsync(async () => {
    const [patrols, leaves] = await Promise.all([
      activePatrols(undefined, { silent: true }),
      listLeaves({ silent: true }),
    ]);
    return { patrols: patrols.items, leaves: leaves.items.filter((l) => l.status === 'pending') };
  });
  useReloadOnShow(data.reload);
  const { errors, saving, send } = useSend();
  const decide = async (id: string, move: 'approve' | 'refuse') => {
    const note = move === 'refuse' ? '请另行安排' : undefined;
    if (await send(() => decideLeave(id, move, note), move === 'approve' ? '已批准' : '已退回')) data.reload();
  };
  return (
    <View className="page">
      <StateView loading={data.loading} error={data.error} onRetry={data.reload}>
        <Block title="进行中的巡查" testId="active-patrols">
          {(data.data?.patrols ?? []).length === 0 && <Text className="pmuted">暂无进行中的巡查</Text>}
          {(data.data?.patrols ?? []).map((p) => (
            <View key={p.id} className="pitem" data-testid={`active-${p.id}`}>
              <Text onClick={() => Taro.navigateTo({ url: `/pkg-patrol/pages/track/index?id=${p.id}&leader=1` })}>
                {p.workerName} · {p.gridName} · {hm(p.startedAt)} 起 · {p.points} 点
              </Text>
              <View className="pbtns">
                <Btn
                  testId={`active-${p.id}-track`}
                  onTap={() => Taro.navigateTo({ url: `/pkg-patrol/pages/track/index?id=${p.id}&leader=1` })}
                >
                  轨迹
                </Btn>
                <Btn
                  testId={`active-${p.id}-call`}
                  disabled={saving}
                  onTap={() => void send(() => callWorker(p.workerId), '已发起点调')}
                >
                  点调
                </Btn>
              </View>
            </View>
          ))}
        </Block>
        <Block title="待审批请假" testId="pending-leaves">
          {(data.data?.leaves ?? []).length === 0 && <Text className="pmuted">暂无待审批请假</Text>}
          {(data.data?.leaves ?? []).map((l) => (
            <View key={l.id} className="pitem" data-testid={`pleave-${l.id}`}>
              <Text>
                {l.userName} {l.from} 至 {l.to}：{l.reason}
              </Text>
              <View className="pbtns">
                <Btn testId={`pleave-${l.id}-approve`} onTap={() => decide(l.id, 'approve')}>
                  批准
                </Btn>
                <Btn testId={`pleave-${l.id}-refuse`} onTap={() => decide(l.id, 'refuse')}>
                  不批准
                </Btn>
              </View>
            </View>
          ))}
        </Block>
        {errors[''] && (
          <Text className="perror" style={{ margin: '0 24px' }}>
            {errors['']}
          </Text>
        )}
      </StateView>
      <View className="pbtns" style={{ margin: '16px 24px' }}>
        <Btn testId="leader-back" onTap={() => Taro.navigateBack()}>
          返回
        </Btn>
      </View>
    </View>
  );
}
