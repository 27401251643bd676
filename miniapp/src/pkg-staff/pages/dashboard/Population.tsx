/** 人口与房屋: the grid's counts and those of each grid of the level below (write-time counters). */
import { Text, View } from '@tarojs/components';
import { getPopulation, type PopulationCounts } from '../../../api/basedata';
import { Figure, Figures } from '../../../components/Figures';
import { useAsync } from '../../../components/useAsync';

const LABELS: [keyof PopulationCounts, string][] = [
  ['households', '户数'],
  ['persons', '人数'],
  ['floating', '流动人口'],
  ['elderlyAlone', '独居老人'],
  ['disabled', '残疾人'],
  ['rented', '出租房屋'],
];

export default function PopulationFigures({ gridId }: { gridId: string }) {
  // a reader without population data (e.g. an office) simply sees no section
  const pop = useAsync(() => getPopulation(gridId, { silent: true }).catch(() => null), [gridId]);
  const p = pop.data;
  if (!p) return null;
  return (
    <>
      <Text className="section__title">人口与房屋</Text>
      <Figures>
        {LABELS.map(([k, label]) => (
          <Figure key={k} testId={`pop-${k}`} label={label} value={p.counts[k]} />
        ))}
      </Figures>
      {p.children.length > 0 && (
        <View className="section" data-testid="pop-children">
          {p.children.map((c) => (
            <Text key={c.gridId} className="pop-row" data-testid={`pop-child-${c.gridId}`}>
              {c.name}：{c.counts.households} 户 · {c.counts.persons} 人 · 流动 {c.counts.floating} · 独居老人{' '}
              {c.counts.elderlyAlone} · 残疾人 {c.counts.disabled}
            </Text>
          ))}
        </View>
      )}
    </>
  );
}
