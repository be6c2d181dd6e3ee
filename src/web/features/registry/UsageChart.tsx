import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SystemDetail, UsageSignal } from '../../api/types.ts';
import { registryLabel, USAGE_SIGNALS } from '../../i18n/labels.ts';
import { EChart } from '../../shared/EChart.tsx';
import './charts.ts';

const SIGNAL_COLORS: Record<UsageSignal, string> = {
  sign_in: '#1677ff',
  api_call: '#52c41a',
  data_update: '#fa8c16',
  exchange_call: '#722ed1',
  catalog_view: '#eb2f96',
};

/** The daily counts of the last 90 days, one line per signal that shows any use. */
export function UsageChart({ usage }: { usage: SystemDetail['usage'] }) {
  const { t, i18n } = useTranslation();
  const used = USAGE_SIGNALS.filter((s) => usage.series.some((d) => d[s] > 0));
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 56 },
      xAxis: {
        type: 'category',
        data: usage.series.map((d) => d.day),
        axisLabel: { formatter: (v: string) => v.slice(5) },
      },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
      series: used.map((s) => ({
        type: 'line',
        name: registryLabel('signal', s),
        data: usage.series.map((d) => d[s]),
        showSymbol: false,
        smooth: false,
        lineStyle: { width: 1.5 },
        areaStyle: { opacity: 0.06 },
        itemStyle: { color: SIGNAL_COLORS[s] },
      })),
    }),
    // The labels follow the language.
    [usage, used.join(), i18n.language],
  );
  if (used.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('registry.system.noUsage')}
        data-testid="system-usage-empty"
      />
    );
  return (
    <EChart
      option={option}
      style={{ height: 260 }}
      testId="system-usage-chart"
      ariaLabel={t('registry.system.usageChartLabel')}
    />
  );
}
