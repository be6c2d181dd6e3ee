import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

/** The ECharts parts the services pages draw with (imported by those pages only, so lazily loaded). */
echarts.use([
  BarChart,
  GaugeChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** Escapes text for an ECharts HTML tooltip. */
export const encodeHTML = echarts.format.encodeHTML;

/** Colours of the flag levels (提醒 / 预警 / 报警), the finding severities and the grades. */
export const LEVEL_CHART_COLORS = { notice: '#1677ff', warning: '#fa8c16', alarm: '#f5222d' } as const;
export const SEVERITY_CHART_COLORS = { error: '#f5222d', warning: '#faad14' } as const;
export const GRADE_CHART_COLORS: Record<number, string> = {
  5: '#389e0d',
  4: '#7cb305',
  3: '#d4b106',
  2: '#fa8c16',
  1: '#f5222d',
};
