import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { PieChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetField } from '../../api/types.ts';
import { catalogCodeLabel, CLASSIFICATION_LEVELS } from '../../i18n/labels.ts';
import { EChart } from '../../shared/EChart.tsx';
import { LEVEL_HEX } from './CodeTags.tsx';

echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

/** How many of a dataset's fields are at each classification level (a donut, L1 green … L4 red). */
export function LevelsChart({ fields }: { fields: DatasetField[] }) {
  const { t, i18n } = useTranslation();
  const data = CLASSIFICATION_LEVELS.map((level) => ({
    name: catalogCodeLabel('level', level),
    value: fields.filter((f) => f.level === level).length,
    itemStyle: { color: LEVEL_HEX[level] },
  })).filter((d) => d.value > 0);
  const summary = data.map((d) => `${d.name}: ${d.value}`).join(', ');
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { orient: 'vertical', right: 0, top: 'middle', textStyle: { fontSize: 12 } },
      series: [
        {
          type: 'pie',
          radius: ['45%', '75%'],
          center: ['35%', '50%'],
          avoidLabelOverlap: true,
          label: { show: true, position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 600 },
          data,
        },
      ],
    }),
    // `summary` stands for the data (its labels follow the language).
    [summary, i18n.language],
  );
  return (
    <Card title={t('catalog.detail.levelsChart')} size="small">
      <EChart
        option={option}
        style={{ height: 170 }}
        testId="dataset-levels-chart"
        ariaLabel={`${t('catalog.detail.levelsChart')}: ${summary}`}
      />
    </Card>
  );
}
