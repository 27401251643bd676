import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { listApplications } from '../../../api/applications';
import { AppCard } from '../../../components/application/parts';
import StateView from '../../../components/StateView';
import { usePaged } from '../../../components/usePaged';
import { useElderMode } from '../../../lib/elder';
import '../../components/office.css';

/** 审核队列: the community's applications waiting for review, newest first. */
export default function ReviewQueuePage() {
  const { elderClass } = useElderMode();
  const list = usePaged((cursor) => listApplications('review', cursor, { silent: true }));
  const firstShow = useRef(true);
  // back from a review: that application has left the queue
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
    <View className={`page review ${elderClass}`}>
      <View className="office-head">
        <Text className="office-head__title">审核队列</Text>
        <Text className="office-head__sub">本社区待审核的办件，请在承诺时限内办结</Text>
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={list.items.length === 0}
        emptyText="暂无待审核的办件"
      >
        <View role="list" data-testid="review-list">
          {list.items.map((a) => (
            <AppCard
              key={a.id}
              app={a}
              showApplicant
              onTap={() =>
                Taro.navigateTo({ url: `/pkg-office/pages/review-detail/index?id=${encodeURIComponent(a.id)}` })
              }
            />
          ))}
        </View>
        {list.hasMore && (
          <View className="list-more" role="button" data-testid="review-more" onClick={list.loadMore}>
            {list.loadingMore ? '加载中…' : '加载更多'}
          </View>
        )}
      </StateView>
    </View>
  );
}
