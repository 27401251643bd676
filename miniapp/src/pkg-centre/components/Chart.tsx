/**
 * ECharts in both builds (taro-react-echarts draws on a Taro Canvas in weapp, on a DOM node in h5).
 * Only the parts used here are registered (treemap, bar, tooltip, grid, legend, canvas renderer),
 * so the subpackage carries the chart library, never the main package.
 */
import * as echarts from 'echarts/core';
import { BarChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { View } from '@tarojs/components';
import Echarts from 'taro-react-echarts';

echarts.use([TreemapChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export default function Chart({
  option,
  height = 320,
  onClick,
  testId,
}: {
  option: Record<string, unknown>;
  height?: number;
  onClick?: (params: { data?: { id?: string } }) => void;
  testId: string;
}) {
  return (
    <View data-testid={testId} style={{ width: '100%' }}>
      <Echarts
        echarts={echarts as never}
        option={option as never}
        style={{ height: `${height}px`, width: '100%' }}
        onEvents={onClick ? { click: onClick } : undefined}
        // h5: the chart is created before the page's columns are laid out; size it to its box then
        onChartReady={(c: { resize?: () => void }) => {
          setTimeout(() => c.resize?.(), 50);
        }}
      />
    </View>
  );
}
