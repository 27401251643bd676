import { Text, View } from '@tarojs/components';
import type { Grid } from '@gridlink/shared/grid';
import StateView from './StateView';
import { useGridChildren } from './useGridChildren';
import { GRID_LEVEL_NAMES } from '@gridlink/shared/names';
import './GridList.css';

interface RowProps {
  grid: Grid;
  selected?: boolean;
  /** browsing (staff): every row drills down; picking (binding): a unit is chosen */
  browse?: boolean;
  onPick: (grid: Grid) => void;
}

/** One grid: name, level and size; a unit shows 选择/已选, others drill down. */
export function GridRow({ grid: g, selected, browse, onPick }: RowProps) {
  return (
    <View
      role="listitem"
      className={`grid-row${selected ? ' grid-row--selected' : ''}`}
      data-testid={`grid-${g.id}`}
      onClick={() => onPick(g)}
    >
      <View className="grid-row__main">
        <Text className="grid-row__name">{g.name}</Text>
        <Text className="grid-row__meta">
          {GRID_LEVEL_NAMES[g.level]}
          {g.level !== 'unit' ? ` · 下辖 ${g.childCount}` : ''}
        </Text>
      </View>
      <Text className="grid-row__end">{g.level === 'unit' && !browse ? (selected ? '已选' : '选择') : '›'}</Text>
    </View>
  );
}

interface ListProps {
  parentId: string;
  selectedId?: string;
  browse?: boolean;
  onPick: (grid: Grid) => void;
}

/** The children of `parentId` as tappable rows, with paging. */
export default function GridList({ parentId, selectedId, browse, onPick }: ListProps) {
  const { items, hasMore, loading, loadingMore, error, reload, loadMore } = useGridChildren(parentId);
  return (
    <StateView loading={loading} error={error} onRetry={reload} empty={items.length === 0} emptyText="下面还没有网格">
      <View className="grid-list" role="list">
        {items.map((g) => (
          <GridRow key={g.id} grid={g} selected={g.id === selectedId} browse={browse} onPick={onPick} />
        ))}
        {hasMore && (
          <View className="grid-list__more" onClick={loadMore} data-testid="grid-more">
            {loadingMore ? '加载中…' : '加载更多'}
          </View>
        )}
      </View>
    </StateView>
  );
}

interface CrumbProps {
  grid: Grid;
  onJump: (id: string) => void;
}

/** 海州区 › 和平街道 › …: every level above the current one can be tapped. */
export function GridCrumbs({ grid, onJump }: CrumbProps) {
  return (
    <View className="crumbs" data-testid="crumbs">
      {grid.path.map((id, i) => {
        const last = i === grid.path.length - 1;
        return (
          <View key={id} className="crumbs__item">
            {i > 0 && <Text className="crumbs__sep">›</Text>}
            <Text
              className={last ? 'crumbs__current' : 'crumbs__link'}
              data-testid={`crumb-${id}`}
              onClick={last ? undefined : () => onJump(id)}
            >
              {grid.pathNames[i] ?? id}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
