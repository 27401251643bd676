import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './StateView.css';

interface Props {
  loading?: boolean;
  error?: Error | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

/** Loading, error and empty states in one place; shows `children` otherwise. */
export default function StateView({ loading, error, empty, emptyText = '暂无内容', onRetry, children }: Props) {
  if (loading) {
    return (
      <View className="state state--loading" data-testid="state-loading" role="status">
        <View className="state__spinner" />
        <Text>加载中…</Text>
      </View>
    );
  }
  if (error) {
    return (
      <View className="state state--error" data-testid="state-error" role="alert">
        <Text className="state__text">{error.message || '加载失败'}</Text>
        {onRetry && (
          <View className="state__retry" onClick={onRetry} data-testid="state-retry">
            重试
          </View>
        )}
      </View>
    );
  }
  if (empty) {
    return (
      <View className="state state--empty" data-testid="state-empty">
        <Text className="state__text">{emptyText}</Text>
      </View>
    );
  }
  return <>{children}</>;
}
