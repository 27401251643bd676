import { useEffect, useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Grid } from '@gridlink/shared/grid';
import { getGrid, getMe } from '../../../api/endpoints';
import GridList, { GridCrumbs, GridRow } from '../../../components/GridList';
import StateView from '../../../components/StateView';
import { GoButton } from '../../../components/Controls';
import { useAsync } from '../../../components/useAsync';
import { DUTY_NAMES, GRID_LEVEL_NAMES, ROLE_NAMES } from '@gridlink/shared/names';
import './index.css';

/** A grid's card: level, size and its staff (网格长、网格员 and their duties). */
function GridCard({ grid }: { grid: Grid }) {
  return (
    <View className="gcard" data-testid="grid-card">
      <Text className="gcard__name">{grid.name}</Text>
      <Text className="gcard__meta">
        {GRID_LEVEL_NAMES[grid.level]}
        {grid.level !== 'unit' ? ` · 下辖 ${grid.childCount} 个网格` : ''}
      </Text>
      {grid.staff.length === 0 ? (
        <Text className="gcard__staff muted">暂无网格人员</Text>
      ) : (
        grid.staff.map((s) => (
          <Text key={s.userId} className="gcard__staff">
            {ROLE_NAMES[s.role] ?? s.role}：{s.name}
            {s.duties.length ? `（${s.duties.map((d) => DUTY_NAMES[d]).join('、')}）` : ''}
          </Text>
        ))
      )}
    </View>
  );
}

export default function MyGridsPage() {
  const { params } = useRouter();
  const mine = useAsync(async () => {
    const me = await getMe({ silent: true });
    return Promise.all(me.gridIds.map((id) => getGrid(id, { silent: true })));
  });
  const [node, setNode] = useState<Grid>();
  const seen = useRef(new Map<string, Grid>());

  const open = (g: Grid) => {
    seen.current.set(g.id, g);
    setNode(g);
  };
  const jump = async (id: string) => {
    try {
      open(seen.current.get(id) ?? (await getGrid(id)));
    } catch {
      // toasted by the request layer
    }
  };

  // ?id= opens one grid directly
  useEffect(() => {
    if (params.id) void jump(params.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params.id]);

  if (node) {
    return (
      <View className="page">
        <GridCrumbs grid={node} onJump={jump} />
        <GridCard grid={node} />
        <View className="grids__back" data-testid="grids-home" onClick={() => setNode(undefined)}>
          ‹ 返回我的网格
        </View>
        {['community', 'compound', 'area', 'building', 'unit'].includes(node.level) && (
          <GoButton testId="grid-search" outline plain to={`/pkg-staff/pages/residents/index?gridId=${node.id}`}>
            在本网格查找居民
          </GoButton>
        )}
        {node.level === 'building' && (
          <GoButton testId="grid-residents" outline to={`/pkg-staff/pages/residents/index?buildingId=${node.id}`}>
            居民户籍（房屋与住户）
          </GoButton>
        )}
        {node.level !== 'unit' && (
          <>
            <Text className="section__title">下级网格</Text>
            <GridList parentId={node.id} browse onPick={open} />
          </>
        )}
      </View>
    );
  }

  const grids = mine.data ?? [];
  return (
    <View className="page">
      <GoButton testId="grids-search" outline to="/pkg-staff/pages/residents/index">
        查找居民（姓名 / 门牌号）
      </GoButton>
      <Text className="section__title">我服务的网格</Text>
      <StateView
        loading={mine.loading}
        error={mine.error}
        onRetry={mine.reload}
        empty={!grids.length}
        emptyText="暂未分配网格"
      >
        <View className="grid-list" role="list">
          {grids.map((g) => (
            <GridRow key={g.id} grid={g} browse onPick={open} />
          ))}
        </View>
      </StateView>
    </View>
  );
}
