import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { listApplications } from '../../../api/applications';
import { AppCard } from '../../../components/application/parts';
import StateView from '../../../components/StateView';
import { usePaged } from '../../../components/usePaged';
import { useElderMode } from '../../../lib/elder';
import '../../components/page.css';

/** 我的办件: newest first, page by page. */
export default function MyApplicationsPage() {
  const { elderClass } = useElderMode();
  const list = usePaged((cursor) => listApplications('mine', cursor, { silent: true }));
  const firstShow = useRef(true);
  // back from a detail (补正, 评价): statuses may have moved
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    void list.reload();
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  return (
    <View className={`page apps ${elderClass}`}>
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={list.items.length === 0}
        emptyText="还没有办件，去“办事”看看吧"
      >
        <View role="list" data-testid="apps-list">
          {list.items.map((a) => (
            <AppCard
              key={a.id}
              app={a}
              onTap={() =>
                Taro.navigateTo({ url: `/pkg-services/pages/application/index?id=${encodeURIComponent(a.id)}` })
              }
            />
          ))}
        </View>
        {list.hasMore ? (
          <View className="list-more" role="button" data-testid="apps-more" onClick={list.loadMore}>
            {list.loadingMore ? '加载中…' : '加载更多'}
          </View>
        ) : (
          <Text className="list-more muted" data-testid="apps-end">
            没有更多了
          </Text>
        )}
      </StateView>
      {!list.loading && list.items.length === 0 && !list.error && (
        <View className="actions">
          <View
            className="list-more"
            role="button"
            data-testid="apps-go-services"
            onClick={() => Taro.switchTab({ url: '/pages/services/index' })}
          >
            去办事 ›
          </View>
        </View>
      )}
    </View>
  );
}
