import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GoButton } from '../../../components/Controls';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { listProxyTasks } from '../../../api/proxy';
import PagedList from '../../../components/PagedList';
import StateView from '../../../components/StateView';
import { usePaged } from '../../../components/usePaged';
import { useReloadOnShow } from '../../../components/useReloadOnShow';
import { useElderMode } from '../../../lib/elder';
import TaskActions from '../../components/TaskActions';
import { TaskCard } from '../../components/parts';
import { taskUrl } from '../../lib/rules';
import { useViewer } from '../../../components/useViewer';
import '../../components/proxy.css';

/** 任务大厅: the open proxy tasks of the agent's community, the nearest deadline first; 认领 here. */
export default function HallPage() {
  const { elderClass } = useElderMode();
  const me = useViewer();
  const isAgent = me.data?.role === 'agent';
  const list = usePaged((cursor) => listProxyTasks('hall', cursor), [], isAgent);
  useReloadOnShow(list.reload, { when: isAgent, pullDown: isAgent ? list.reload : me.reload });

  const viewer = me.data ? { id: me.data.id, role: me.data.role } : undefined;
  return (
    <View className={`page phall ${elderClass}`}>
      <View className="pbanner">
        <Text className="pbanner__title">任务大厅</Text>
        <Text className="pbanner__sub">为独居老人、残疾人代办事项，从受理到办结全程负责</Text>
      </View>
      <StateView loading={me.loading && !me.data} error={me.data ? null : me.error} onRetry={me.reload}>
        {me.data && !isAgent ? (
          <View data-testid="hall-not-agent">
            <StateView empty emptyText="任务大厅只对红色代办员开放" />
            <View className="actions">
              {me.data.role === 'resident' && (
                <GoButton to="/pkg-proxy/pages/apply/index" testId="hall-apply">
                  申请成为红色代办员
                </GoButton>
              )}
              <GoButton to="/pkg-proxy/pages/request/index" outline testId="hall-request" redirect>
                我要申请代办
              </GoButton>
            </View>
          </View>
        ) : (
          <>
            <View className="pform__row pnote">
              <Text
                className="plink"
                data-testid="hall-mine"
                onClick={() => Taro.navigateTo({ url: '/pkg-proxy/pages/mine/index' })}
              >
                我的任务 ›
              </Text>
              {me.data && (
                <Text
                  className="plink"
                  data-testid="hall-profile"
                  onClick={() =>
                    Taro.navigateTo({ url: `/pkg-proxy/pages/agent/index?id=${encodeURIComponent(me.data!.id)}` })
                  }
                >
                  我的代办员档案 ›
                </Text>
              )}
            </View>
            <PagedList
              list={list}
              emptyText="暂时没有待认领的代办任务"
              testId="hall-list"
              render={(t) => (
                <TaskCard key={t.id} task={t} onTap={() => Taro.navigateTo({ url: taskUrl(t.id) })}>
                  <TaskActions
                    compact
                    task={t}
                    viewer={viewer}
                    onChanged={(moved) => {
                      if (moved) void Taro.navigateTo({ url: taskUrl(moved.id) });
                      void list.reload();
                    }}
                  />
                </TaskCard>
              )}
            />
          </>
        )}
      </StateView>
    </View>
  );
}
