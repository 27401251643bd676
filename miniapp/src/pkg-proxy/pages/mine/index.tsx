import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { listProxyTasks, type ProxyTask } from '../../../api/proxy';
import PagedList from '../../../components/PagedList';
import StateView from '../../../components/StateView';
import { usePaged } from '../../../components/usePaged';
import { useReloadOnShow } from '../../../components/useReloadOnShow';
import { useElderMode } from '../../../lib/elder';
import TaskActions from '../../components/TaskActions';
import { Chips, TaskCard } from '../../components/parts';
import { taskUrl } from '../../lib/rules';
import { useViewer } from '../../../components/useViewer';
import '../../components/proxy.css';

type Filter = 'active' | 'done' | 'all';
const FILTERS: { key: Filter; label: string }[] = [
  { key: 'active', label: '进行中' },
  { key: 'done', label: '待确认/已完成' },
  { key: 'all', label: '全部' },
];
const match = (f: Filter, t: ProxyTask) =>
  f === 'all' ||
  (f === 'active'
    ? t.status === 'claimed' || t.status === 'in_progress'
    : t.status === 'done' || t.status === 'confirmed');

/** 我的任务 (agent): what I claimed; 开始办理 and 办理完成 (with a note and the linked application) right here. */
export default function MinePage() {
  const { elderClass } = useElderMode();
  const me = useViewer();
  const isAgent = me.data?.role === 'agent';
  const list = usePaged((cursor) => listProxyTasks('mine', cursor), [], isAgent);
  const [filter, setFilter] = useState<Filter>('active');
  const [patched, setPatched] = useState<Record<string, ProxyTask>>({});

  const reload = () => {
    setPatched({});
    return list.reload();
  };
  useReloadOnShow(reload, { when: isAgent });

  const viewer = me.data ? { id: me.data.id, role: me.data.role } : undefined;
  const items = list.items.map((t) => patched[t.id] ?? t).filter((t) => match(filter, t));
  return (
    <View className={`page pmine ${elderClass}`}>
      <StateView loading={me.loading && !me.data} error={me.data ? null : me.error} onRetry={me.reload}>
        {me.data && !isAgent ? (
          <StateView empty emptyText="只有红色代办员有“我的任务”" />
        ) : (
          <>
            <View className="pform">
              <Chips options={FILTERS} value={filter} onChange={setFilter} testIdPrefix="mine-filter" />
            </View>
            <PagedList
              list={{ ...list, reload: reload }}
              items={items}
              emptyText={list.items.length ? '这一类里没有任务' : '还没有认领任务，去任务大厅看看'}
              testId="mine-list"
              render={(t) => (
                <TaskCard key={t.id} task={t} onTap={() => Taro.navigateTo({ url: taskUrl(t.id) })}>
                  <TaskActions
                    compact
                    task={t}
                    viewer={viewer}
                    onChanged={(moved) => {
                      if (moved) setPatched((p) => ({ ...p, [moved.id]: moved }));
                      else void reload();
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
