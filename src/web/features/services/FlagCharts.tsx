import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { CaseFlagLevel, CaseFlagType } from '../../api/types.ts';
import { caseLabel, SERVICE_CODES } from '../../i18n/labels.ts';
import { EChart } from '../../shared/EChart.tsx';
import { caseFlagKeys, fetchCaseFlagSummary } from './api.ts';
import { LEVEL_CHART_COLORS } from './charts.ts';

interface Props {
  /** The department the list is limited to (the bureau's filter), if any. */
  departmentId: string | undefined;
  onType: (type: CaseFlagType) => void;
  onLevel: (level: CaseFlagLevel) => void;
  onStatistic: (patch: Partial<Record<'status' | 'level' | 'rectificationOverdue', string>>) => void;
}

/** Open flags (待整改) by type and by level, and the headline counts, for the bureau or one department. */
export function FlagCharts({ departmentId, onType, onLevel, onStatistic }: Props) {
  const { t, i18n } = useTranslation();
  const summary = useQuery({
    queryKey: caseFlagKeys.summary(departmentId),
    queryFn: () => fetchCaseFlagSummary(departmentId),
  });
  const s = summary.data;
  const typeData = SERVICE_CODES.flagType
    .map((type) => ({ type, name: caseLabel('flagType', type), value: s?.openByType[type] ?? 0 }))
    .filter((d) => d.value > 0)
    .sort((a, b) => b.value - a.value);
  const levelData = SERVICE_CODES.flagLevel.map((level) => ({
    level,
    name: caseLabel('flagLevel', level),
    value: s?.openByLevel[level] ?? 0,
  }));
  const typeKey = JSON.stringify(typeData) + i18n.language;
  const levelKey = JSON.stringify(levelData) + i18n.language;

  const typeOption = useMemo(
    (): EChartsCoreOption => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: typeData.map((d) => d.name) },
      series: [
        {
          type: 'bar',
          name: t('services.supervision.openFlags'),
          barMaxWidth: 16,
          itemStyle: { color: '#fa8c16' },
          label: { show: true, position: 'right' },
          data: typeData.map((d) => ({ value: d.value, code: d.type })),
        },
      ],
    }),
    [typeKey],
  );
  const levelTotal = levelData.reduce((n, d) => n + d.value, 0);
  const levelOption = useMemo(
    (): EChartsCoreOption => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { orient: 'vertical', right: 0, top: 'middle', itemWidth: 10, itemHeight: 10 },
      series: [
        {
          type: 'pie',
          radius: ['50%', '78%'],
          center: ['36%', '50%'],
          label: {
            show: true,
            position: 'center',
            formatter: () => String(levelTotal),
            fontSize: 18,
            fontWeight: 600,
          },
          labelLine: { show: false },
          data: levelData.map((d) => ({
            name: d.name,
            value: d.value,
            code: d.level,
            itemStyle: { color: LEVEL_CHART_COLORS[d.level] },
          })),
        },
      ],
    }),
    [levelKey, levelTotal],
  );

  const codeOf = (data: unknown) => (data as { code?: string } | undefined)?.code;
  const stats = [
    {
      key: 'open',
      figure: 'open',
      title: t('services.supervision.statOpen'),
      patch: { status: 'open' },
      color: '#cf1322',
    },
    {
      key: 'explained',
      figure: 'explained',
      title: t('services.supervision.statExplained'),
      patch: { status: 'explained' },
      color: '#1561c8',
    },
    {
      key: 'overdue',
      figure: 'rectificationOverdue',
      title: t('services.supervision.statRectificationOverdue'),
      patch: { rectificationOverdue: 'true' },
      color: '#cf1322',
    },
    {
      key: 'alarm',
      figure: 'alarm',
      title: t('services.supervision.statAlarm'),
      patch: { status: 'open', level: 'alarm' },
      color: '#cf1322',
    },
  ] as const;

  return (
    <Row gutter={[16, 16]} data-testid="flag-charts">
      <Col xs={24}>
        <Card size="small">
          <Row gutter={[16, 8]}>
            {stats.map((stat) => (
              <Col key={stat.key} xs={12} md={6}>
                <button
                  type="button"
                  onClick={() => onStatistic(stat.patch)}
                  style={{
                    cursor: 'pointer',
                    background: 'none',
                    border: 0,
                    padding: 0,
                    textAlign: 'start',
                    width: '100%',
                  }}
                  data-testid={`flag-stat-${stat.key}`}
                >
                  <Statistic
                    title={stat.title}
                    value={s?.[stat.figure] ?? '–'}
                    loading={summary.isPending}
                    styles={{ content: { color: (s?.[stat.figure] ?? 0) > 0 ? stat.color : undefined } }}
                  />
                </button>
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card size="small" title={t('services.supervision.chartByType')} style={{ height: '100%' }}>
          <EChart
            option={typeOption}
            style={{ height: Math.max(160, typeData.length * 26 + 16) }}
            testId="flag-chart-type"
            ariaLabel={typeData.map((d) => `${d.name} ${d.value}`).join(t('common.listSeparator'))}
            onClick={(p) => {
              const type = SERVICE_CODES.flagType.find((v) => v === codeOf(p.data));
              if (type) onType(type);
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('services.supervision.chartByLevel')} style={{ height: '100%' }}>
          <EChart
            option={levelOption}
            style={{ height: 180 }}
            testId="flag-chart-level"
            ariaLabel={levelData.map((d) => `${d.name} ${d.value}`).join(t('common.listSeparator'))}
            onClick={(p) => {
              const level = SERVICE_CODES.flagLevel.find((v) => v === codeOf(p.data));
              if (level) onLevel(level);
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}
