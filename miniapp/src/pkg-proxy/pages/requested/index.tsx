import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { GoButton } from '../../../components/Controls';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { listProxyTasks } from '../../../api/proxy';
import PagedList from '../../../components/PagedList';
import { usePaged } from '../../../components/usePaged';
import { useReloadOnShow } from '../../../components/useReloadOnShow';
import { useElderMode } from '../../../lib/elder';
import { Progress, TaskCard } from '../../components/parts';
import { canRequest, taskUrl } from '../../lib/rules';
import { useViewer } from '../../../components/useViewer';
import '../../components/proxy.css';

/** 我的代办: what I asked for (我提出的代办) and what agents do for me (为我代办的), with their progress. */
export default function RequestedPage() {
  const { elderClass } = useElderMode();
  const me = useViewer();
  const list = usePaged((cursor) => listProxyTasks('requested', cursor), [], me.signedIn);
  useReloadOnShow(list.reload, { when: me.signedIn });

  const myId = me.data?.id;
  return (
    <View className={`page prequested ${elderClass}`}>
      <PagedList
        list={list}
        emptyText="还没有代办记录"
        testId="requested-list"
        render={(t) => (
          <TaskCard
            key={t.id}
            task={t}
            badge={myId && t.requesterId === myId ? '我提出的' : '为我代办'}
            onTap={() => Taro.navigateTo({ url: taskUrl(t.id) })}
          >
            <Progress status={t.status} />
          </TaskCard>
        )}
      />
      {canRequest(me.data?.role) && (
        <View className="actions">
          <GoButton to="/pkg-proxy/pages/request/index" testId="requested-new">
            申请代办
          </GoButton>
        </View>
      )}
    </View>
  );
}
