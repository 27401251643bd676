import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { MoreButton } from './MoreButton';
import StateView from './StateView';
import type { Paged } from './usePaged';

/**
 * A paged list on a page: loading, error (with 重试) and empty states, the items, 加载更多.
 * `items` are the list's own unless the page filters them.
 */
export default function PagedList<T>({
  list,
  items = list.items,
  render,
  emptyText,
  testId,
  moreTestId,
}: {
  list: Paged<T>;
  items?: T[];
  render: (item: T) => ReactNode;
  emptyText: string;
  testId?: string;
  moreTestId?: string;
}) {
  return (
    <StateView
      loading={list.loading}
      error={list.error}
      onRetry={list.reload}
      empty={!items.length && !list.hasMore}
      emptyText={emptyText}
    >
      <View role="list" data-testid={testId}>
        {items.map(render)}
      </View>
      <MoreButton hasMore={list.hasMore} loading={list.loadingMore} onTap={list.loadMore} testId={moreTestId} />
    </StateView>
  );
}
