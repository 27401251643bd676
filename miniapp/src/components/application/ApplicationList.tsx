/** A paged list of applications (办件): 我的办件 (pkg-services) and the office's 审核队列 (pkg-office). */
import type { ReactNode } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { listApplications } from '../../api/applications';
import { MoreButton } from '../MoreButton';
import StateView from '../StateView';
import { usePaged } from '../usePaged';
import { useReloadOnShow } from '../useReloadOnShow';
import { AppCard } from './parts';

interface Props {
  view: 'mine' | 'review';
  /** the page an application opens */
  detailPage: string;
  emptyText: string;
  /** `${testIdPrefix}-list`, `${testIdPrefix}-more`, `${testIdPrefix}-end` */
  testIdPrefix: string;
  showApplicant?: boolean;
  /** say 没有更多了 under the last page */
  showEnd?: boolean;
  /** under an empty list, e.g. 去办事 */
  emptyAction?: ReactNode;
}

/** Newest first, page by page; read again when the page shows again (back from 补正, 评价 or a review). */
export default function ApplicationList(p: Props) {
  const list = usePaged((cursor) => listApplications(p.view, cursor, { silent: true }));
  useReloadOnShow(list.reload);
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });
  const open = (id: string) => Taro.navigateTo({ url: `${p.detailPage}?id=${encodeURIComponent(id)}` });
  return (
    <>
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={list.items.length === 0}
        emptyText={p.emptyText}
      >
        <View role="list" data-testid={`${p.testIdPrefix}-list`}>
          {list.items.map((a) => (
            <AppCard key={a.id} app={a} showApplicant={p.showApplicant} onTap={() => open(a.id)} />
          ))}
        </View>
        <MoreButton
          hasMore={list.hasMore}
          loading={list.loadingMore}
          onTap={list.loadMore}
          testId={`${p.testIdPrefix}-more`}
        />
        {p.showEnd && !list.hasMore && (
          <Text className="list-end muted" data-testid={`${p.testIdPrefix}-end`}>
            没有更多了
          </Text>
        )}
      </StateView>
      {!list.loading && list.items.length === 0 && !list.error && p.emptyAction}
    </>
  );
}
