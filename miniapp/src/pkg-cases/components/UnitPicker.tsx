import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Grid } from '@gridlink/shared/grid';
import { getGrid } from '../../api/endpoints';
import GridList, { GridCrumbs } from '../../components/GridList';

/** Staff pick the unit a case is about, drilling down from the grid they serve. */
export default function UnitPicker({
  rootId,
  value,
  onPick,
  error,
}: {
  rootId?: string;
  value?: Grid;
  onPick: (unit?: Grid) => void;
  error?: string;
}) {
  const [node, setNode] = useState<Grid>();
  useEffect(() => {
    if (rootId) getGrid(rootId, { silent: true }).then(setNode, () => undefined);
  }, [rootId]);
  const jump = (id: string) => getGrid(id, { silent: true }).then(setNode, () => undefined);
  return (
    <View className="field" data-testid="unit-picker">
      <Text className="field__label">事发单元</Text>
      {value ? (
        <View className="chip chip--on" data-testid="unit-picked" onClick={() => onPick(undefined)}>
          {value.pathNames.slice(3).join(' ')} · 重新选择
        </View>
      ) : (
        node && (
          <>
            <GridCrumbs grid={node} onJump={jump} />
            <GridList parentId={node.id} onPick={(g) => (g.level === 'unit' ? onPick(g) : setNode(g))} />
          </>
        )
      )}
      {error && <Text className="field__error">{error}</Text>}
    </View>
  );
}
