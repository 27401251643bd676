/**
 * ECharts in both builds (taro-react-echarts draws on a Taro Canvas in weapp, on a DOM node in h5).
 * Only the parts used here are registered (treemap, bar, tooltip, grid, legend, canvas renderer),
 * so the subpackage carries the chart library, never the main package.
 */
import * as echarts from 'echarts/core';
import { BarChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
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
    <Echarts
      echarts={echarts as never}
      option={option as never}
      style={{ height: `${height}px`, width: '100%' }}
      data-testid={testId}
      onEvents={onClick ? { click: onClick } : undefined}
    />
  );
}
