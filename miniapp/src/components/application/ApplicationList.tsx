/** A paged list of applications (办件): 我的办件 (pkg-services) and the office's 审核队列 (pkg-office). */
import type { ReactNode } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { listApplications } from '../../api/applications';
import PagedList from '../PagedList';
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
      <PagedList
        list={list}
        emptyText={p.emptyText}
        testId={`${p.testIdPrefix}-list`}
        moreTestId={`${p.testIdPrefix}-more`}
        render={(a) => <AppCard key={a.id} app={a} showApplicant={p.showApplicant} onTap={() => open(a.id)} />}
      />
      {p.showEnd && !list.loading && !list.error && !!list.items.length && !list.hasMore && (
        <Text className="list-end muted" data-testid={`${p.testIdPrefix}-end`}>
          没有更多了
        </Text>
      )}
      {!list.loading && list.items.length === 0 && !list.error && p.emptyAction}
    </>
  );
}
