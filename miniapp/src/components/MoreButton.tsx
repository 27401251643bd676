import { View } from '@tarojs/components';
import './MoreButton.css';

/** 加载更多 under a paged list (nothing when there is no more). */
export function MoreButton({
  hasMore,
  loading,
  onTap,
  testId = 'list-more',
}: {
  hasMore: boolean;
  loading: boolean;
  onTap: () => void;
  testId?: string;
}) {
  if (!hasMore) return null;
  return (
    <View className="more" role="button" data-testid={testId} onClick={onTap}>
      {loading ? '加载中…' : '加载更多'}
    </View>
  );
}
