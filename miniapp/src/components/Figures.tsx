/** The statistics pages' pieces (统计, 纠纷信访统计): the red head, figures in threes, plain View/CSS bars. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './Figures.css';

export function StatsHead({ title, sub, testId }: { title: string; sub: string; testId: string }) {
  return (
    <View className="stats-head">
      <Text className="stats-head__title" data-testid={testId}>
        {title}
      </Text>
      <Text className="stats-head__sub">{sub}</Text>
    </View>
  );
}

export const Figures = ({ children }: { children: ReactNode }) => <View className="figs">{children}</View>;

/** One figure: a big value (with its unit, if it has one) over its label. */
export function Figure({
  testId,
  label,
  value,
  unit,
}: {
  testId: string;
  label: string;
  value: string | number;
  unit?: string;
}) {
  return (
    <View className="fig" data-testid={testId}>
      <Text className="fig__value">
        {value}
        {unit && value !== '—' ? <Text className="fig__unit">{unit}</Text> : null}
      </Text>
      <Text className="fig__label">{label}</Text>
    </View>
  );
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** a darker inner bar (e.g. of which agreed), written `inner/value` */
  inner?: number;
}

/** Bars, the longest full width; each row is `${testId}-${key}`. */
export function Bars({ bars, testId, emptyText }: { bars: Bar[]; testId: string; emptyText?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  if (!bars.length && emptyText) return <Text className="bars__none">{emptyText}</Text>;
  const width = (n: number) => ({ width: `${(n / max) * 100}%` });
  return (
    <View className="bars" data-testid={testId}>
      {bars.map((b) => (
        <View key={b.key} className="bars__row" data-testid={`${testId}-${b.key}`}>
          <Text className="bars__label">{b.label}</Text>
          <View className="bars__track">
            <View className={`bars__fill${b.inner !== undefined ? ' bars__fill--outer' : ''}`} style={width(b.value)} />
            {b.inner !== undefined && <View className="bars__fill" style={width(b.inner)} />}
          </View>
          <Text className="bars__value">{b.inner !== undefined ? `${b.inner}/${b.value}` : b.value}</Text>
        </View>
      ))}
    </View>
  );
}
