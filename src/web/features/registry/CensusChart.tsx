import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { CensusProgressRow } from '../../api/types.ts';
import { EChart } from '../../shared/EChart.tsx';
import { encodeHTML } from './charts.ts';

/** Items done / items to check, over systems and datasets together (an empty department is complete). */
export function completion(r: CensusProgressRow): number {
  const total = r.systems.total + r.datasets.total;
  return total === 0 ? 1 : (r.systems.done + r.datasets.done) / total;
}

const COLORS = { submitted: '#52c41a', overdue: '#ff4d4f', pending: '#1677ff' };

/** Completion by department, least complete first; submitted green, overdue red. */
export function CensusChart({ progress }: { progress: CensusProgressRow[] }) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(
    () =>
      [...progress].sort(
        (a, b) => completion(a) - completion(b) || a.department.name.localeCompare(b.department.name),
      ),
    [progress],
  );
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const r = rows[params[0]?.dataIndex ?? -1];
          if (!r) return '';
          return [
            `<b>${encodeHTML(r.department.name)}</b>`,
            `${encodeHTML(t('registry.census.completion'))}: ${Math.round(completion(r) * 100)}%`,
            `${encodeHTML(t('registry.census.systemsProgress'))}: ${r.systems.done}/${r.systems.total}`,
            `${encodeHTML(t('registry.census.datasetsProgress'))}: ${r.datasets.done}/${r.datasets.total}`,
          ].join('<br/>');
        },
      },
      grid: { left: 40, right: 12, top: 16, bottom: 96 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.department.name),
        axisLabel: {
          rotate: 50,
          interval: 0,
          fontSize: 11,
          formatter: (v: string) => (v.length > 8 ? `${v.slice(0, 8)}…` : v),
        },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('registry.census.completion'),
          barMaxWidth: 18,
          data: rows.map((r) => ({
            value: Math.round(completion(r) * 100),
            itemStyle: {
              color:
                r.status === 'submitted' ? COLORS.submitted : r.overdue ? COLORS.overdue : COLORS.pending,
            },
          })),
        },
      ],
    }),
    // The axis names follow the language.
    [rows, i18n.language],
  );
  return (
    <EChart
      option={option}
      style={{ height: 300 }}
      testId="census-chart"
      ariaLabel={t('registry.census.chartLabel')}
    />
  );
}
